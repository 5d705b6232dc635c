import { and, eq, inArray, ne } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { appointmentAttendees, appointments, practices, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { confirm } from "@/lib/booking/lifecycle";
import { pgError } from "@/lib/db/pg-error";
import { conflict, expired, notFound, type Conflict, type Expired, type NotFound } from "@/lib/errors/domain-error";
import type { EmailTransport } from "@/lib/email/send-email";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { isUuid } from "@/lib/ids";
import { TOKEN_PURPOSES, verifyToken } from "@/lib/tokens";

export type AcceptOfferResult = { ok: true; appointmentId: string; startsAt: Date } | Expired | NotFound | Conflict<"taken">;

export const OFFER_EXPIRED = "This offer has expired. You are still on the waitlist; we will write when another time opens.";
export const OFFER_TAKEN = "Sorry, someone else on the waitlist confirmed this time first. You are still on the waitlist.";
export const NOT_VALID = "This link is not valid. Use the link from your most recent email.";

/** The emailed offer link's token: whose offer it is, or why not. One check for describe, accept and decline. */
export function readOfferToken(token: string, now: Date): { ok: true; offerId: string; clientId: string } | Expired | NotFound {
  const verified = verifyToken<{ offerId?: unknown; clientId?: unknown }>(TOKEN_PURPOSES.waitlistOffer, token, now);
  if (!verified.ok) return verified.reason === "expired" ? expired(OFFER_EXPIRED) : notFound(NOT_VALID);
  const offerId = String(verified.data.offerId ?? "");
  if (!isUuid(offerId)) return notFound(NOT_VALID);
  return { ok: true, offerId, clientId: String(verified.data.clientId ?? "") };
}

/** The offer and its entry, locked, when the entry is this client's or their partner's; null otherwise. */
export async function lockOwnOffer(tx: DbOrTx, offerId: string, clientId: string) {
  const [row] = await tx
    .select({ offer: waitlistOffers, entry: waitlistEntries })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, and(eq(waitlistEntries.id, waitlistOffers.entryId), eq(waitlistEntries.practiceId, waitlistOffers.practiceId)))
    .where(eq(waitlistOffers.id, offerId))
    .for("update", { of: waitlistOffers });
  return row && (row.entry.clientId === clientId || row.entry.partnerClientId === clientId) ? row : null;
}

class Refused extends Error {
  constructor(readonly result: AcceptOfferResult) {
    super("refused");
  }
}

/**
 * Takes the time a waitlist offer holds (decision 0057), from the emailed
 * link (no password, like the manage link). An expired offer is refused
 * before anything is written. Otherwise, in one transaction: the offer
 * becomes accepted (the partial unique index lets only one offer per hold be
 * accepted, so in all_at_once the database decides the race and the loser
 * hears "taken"), the hold is confirmed through the lifecycle (which queues
 * the confirmation email), the entry's client or both partners become its
 * attendees, and the other offers on that hold are lost. The confirmation
 * runs right after commit.
 */
export async function acceptOffer(token: string, now: Date, options: { transport?: EmailTransport } = {}): Promise<AcceptOfferResult> {
  const read = readOfferToken(token, now);
  if (!read.ok) return read;
  const { offerId, clientId } = read;

  let outcome: AcceptOfferResult;
  try {
    outcome = await db.transaction(async (tx) => {
      // The hold's row first, then the offer: every accept of one hold queues here in one order (locking the
      // offers first deadlocks two racing accepts, each waiting on the other's offer). The loser then reads
      // its offer as lost; the unique index on accepted offers stays the backstop.
      const [target] = await tx.select({ appointmentId: waitlistOffers.appointmentId, practiceId: waitlistOffers.practiceId }).from(waitlistOffers).where(eq(waitlistOffers.id, offerId));
      if (!target) return notFound(NOT_VALID);
      await tx.select({ id: appointments.id }).from(appointments).where(and(eq(appointments.id, target.appointmentId), eq(appointments.practiceId, target.practiceId))).for("update");
      const row = await lockOwnOffer(tx, offerId, clientId);
      if (!row) return notFound(NOT_VALID);
      const { offer, entry } = row;
      if (offer.status === "accepted") return { ok: true as const, appointmentId: offer.appointmentId, startsAt: offer.startsAt };
      if (offer.status === "lost") return conflict("taken", OFFER_TAKEN);
      if (offer.status !== "offered" || offer.expiresAt <= now) return expired(OFFER_EXPIRED);

      await tx.update(waitlistOffers).set({ status: "accepted", resolvedAt: now }).where(and(eq(waitlistOffers.id, offer.id), eq(waitlistOffers.status, "offered")));
      const ref = { practiceId: offer.practiceId, appointmentId: offer.appointmentId, now };
      // The hold may have ended another way (staff cancelled it): nothing is kept.
      if (!(await confirm(tx, ref))) throw new Refused(expired(OFFER_EXPIRED));
      // all_at_once holds belong to nobody until now; a couple's hold becomes theirs (not a status: the lifecycle owns those).
      await tx.update(appointments).set({ coupleId: entry.coupleId, updatedAt: now }).where(and(eq(appointments.id, offer.appointmentId), eq(appointments.practiceId, offer.practiceId)));
      const people = [entry.clientId, entry.partnerClientId].filter((x): x is string => x !== null);
      await tx.insert(appointmentAttendees).values(people.map((id) => ({ practiceId: offer.practiceId, appointmentId: offer.appointmentId, clientId: id })));
      await tx.update(waitlistEntries).set({ status: "booked", bookedAppointmentId: offer.appointmentId, updatedAt: now }).where(eq(waitlistEntries.id, entry.id));
      const lost = await tx
        .update(waitlistOffers)
        .set({ status: "lost", resolvedAt: now })
        .where(and(eq(waitlistOffers.appointmentId, offer.appointmentId), eq(waitlistOffers.status, "offered"), ne(waitlistOffers.id, offer.id)))
        .returning({ entryId: waitlistOffers.entryId });
      if (lost.length > 0) {
        await tx.update(waitlistEntries).set({ status: "waiting", updatedAt: now }).where(and(inArray(waitlistEntries.id, lost.map((l) => l.entryId)), eq(waitlistEntries.status, "offered")));
      }
      await recordAudit({ practiceId: offer.practiceId, actor: { kind: "system" }, action: "waitlist.accept", subjectType: "appointment", subjectId: offer.appointmentId, detail: { offerId: offer.id, entryId: entry.id, clientId } }, tx);
      return { ok: true as const, appointmentId: offer.appointmentId, startsAt: offer.startsAt };
    });
  } catch (error) {
    if (error instanceof Refused) return error.result;
    // Another offer on the same hold was accepted first: the unique index refused this one.
    if (pgError(error)?.code === "23505") return conflict("taken", OFFER_TAKEN);
    throw error;
  }
  if (outcome.ok) await runAppointmentEvents(now, { appointmentId: outcome.appointmentId, transport: options.transport });
  return outcome;
}

export interface OfferView {
  ok: true;
  practiceName: string;
  serviceName: string;
  startsAt: Date;
  expiresAt: Date;
  zone: string;
  locale: string | null;
  status: "open" | "accepted" | "expired" | "taken" | "declined";
}

/**
 * What the emailed link shows before the client confirms: the practice, the
 * service and the time, and whether it is still theirs to take. Reads only;
 * the same token checks as acceptOffer.
 */
export async function describeOffer(token: string, now: Date): Promise<OfferView | Expired | NotFound> {
  const read = readOfferToken(token, now);
  if (!read.ok) return read;
  const { offerId, clientId } = read;
  const [row] = await db
    .select({ offer: waitlistOffers, entry: waitlistEntries, serviceName: services.name, practiceName: practices.name, zone: practices.timeZone, locale: practices.locale })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, and(eq(waitlistEntries.id, waitlistOffers.entryId), eq(waitlistEntries.practiceId, waitlistOffers.practiceId)))
    .innerJoin(services, and(eq(services.id, waitlistEntries.serviceId), eq(services.practiceId, waitlistEntries.practiceId)))
    .innerJoin(practices, eq(practices.id, waitlistOffers.practiceId))
    .where(eq(waitlistOffers.id, offerId));
  if (!row || (row.entry.clientId !== clientId && row.entry.partnerClientId !== clientId)) return notFound(NOT_VALID);
  const { offer } = row;
  const status =
    offer.status === "accepted" ? "accepted" : offer.status === "lost" ? "taken" : offer.status === "declined" ? "declined" : offer.status !== "offered" || offer.expiresAt <= now ? "expired" : "open";
  return { ok: true, practiceName: row.practiceName, serviceName: row.serviceName, startsAt: offer.startsAt, expiresAt: offer.expiresAt, zone: row.zone, locale: row.locale, status };
}
