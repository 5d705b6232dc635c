import { and, eq, inArray, or } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { waitlistEntries, waitlistOffers } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { expire } from "@/lib/booking/lifecycle";
import { expired, notFound, type Expired, type NotFound } from "@/lib/errors/domain-error";
import { fieldError, type FieldErrors } from "@/lib/form-result";
import { NOT_VALID, OFFER_EXPIRED, lockOwnOffer, readOfferToken } from "./accept-offer";
import { kickWaitlist } from "./kick";

const GONE = "This place on the waitlist has already ended";

/**
 * Ends open offers (declined, or the entry left): each becomes `declined`, and
 * a hold that no other open offer shares is expired through the lifecycle. That
 * writes the outbox's `expired` row, which the next waitlist run (kicked after
 * commit) turns into an opening for the next in line (decision 0057).
 */
async function endOffers(tx: DbOrTx, offerIds: string[], now: Date): Promise<void> {
  if (offerIds.length === 0) return;
  const ended = await tx
    .update(waitlistOffers)
    .set({ status: "declined", resolvedAt: now })
    .where(and(inArray(waitlistOffers.id, offerIds), eq(waitlistOffers.status, "offered")))
    .returning({ appointmentId: waitlistOffers.appointmentId, practiceId: waitlistOffers.practiceId });
  for (const hold of ended) {
    const [shared] = await tx
      .select({ id: waitlistOffers.id })
      .from(waitlistOffers)
      .where(and(eq(waitlistOffers.appointmentId, hold.appointmentId), eq(waitlistOffers.status, "offered")));
    // all_at_once: the others offered the same hold can still take it.
    if (!shared) await expire(tx, { practiceId: hold.practiceId, appointmentId: hold.appointmentId, now });
  }
}

type Leaver = { kind: "client"; practiceId: string; clientId: string; userId: string } | { kind: "staff"; scope: PracticeScope };

/**
 * A client leaves the waitlist (for themselves, or for the couple: either
 * partner may), or staff take someone off it. An open offer ends with the
 * entry and its time passes to the next in line. Nothing is deleted: the staff
 * page keeps the entry as `left`, with its offers.
 */
export async function leaveWaitlist(who: Leaver, entryId: string, now: Date): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const practiceId = who.kind === "client" ? who.practiceId : who.scope.practice.id;
  const done = await db.transaction(async (tx) => {
    const [entry] = await tx
      .select()
      .from(waitlistEntries)
      .where(
        and(
          eq(waitlistEntries.practiceId, practiceId),
          eq(waitlistEntries.id, entryId),
          who.kind === "client" ? or(eq(waitlistEntries.clientId, who.clientId), eq(waitlistEntries.partnerClientId, who.clientId)) : undefined,
        ),
      )
      .for("update");
    if (!entry || (entry.status !== "waiting" && entry.status !== "offered")) return false;
    const open = await tx
      .select({ id: waitlistOffers.id })
      .from(waitlistOffers)
      .where(and(eq(waitlistOffers.practiceId, practiceId), eq(waitlistOffers.entryId, entry.id), eq(waitlistOffers.status, "offered")));
    await endOffers(tx, open.map((o) => o.id), now);
    await tx.update(waitlistEntries).set({ status: "left", updatedAt: now }).where(eq(waitlistEntries.id, entry.id));
    const subject = { type: "waitlist_entry", id: entry.id } as const;
    await recordAudit(
      who.kind === "staff"
        ? byMember(who.scope, "waitlist.remove", subject)
        : { practiceId, actor: { kind: "client", userId: who.userId }, action: "waitlist.leave", subjectType: subject.type, subjectId: subject.id },
      tx,
    );
    return true;
  });
  if (!done) return fieldError("form", GONE);
  kickWaitlist();
  return { ok: true };
}

export const OFFER_DECLINED = "Thank you. The time passes to the next person, and you keep your place on the waitlist.";

/**
 * "This time does not suit" from the emailed offer: the offer ends now rather
 * than when its hold runs out, so the next in line hears sooner. The entry goes
 * back to waiting in its place; it is never offered that time again.
 */
export async function declineOffer(token: string, now: Date): Promise<{ ok: true } | Expired | NotFound> {
  const read = readOfferToken(token, now);
  if (!read.ok) return read;
  const { offerId, clientId } = read;
  const result = await db.transaction(async (tx) => {
    const row = await lockOwnOffer(tx, offerId, clientId);
    if (!row) return notFound(NOT_VALID);
    if (row.offer.status === "declined") return { ok: true as const };
    if (row.offer.status !== "offered" || row.offer.expiresAt <= now) return expired(OFFER_EXPIRED);
    await endOffers(tx, [row.offer.id], now);
    await tx.update(waitlistEntries).set({ status: "waiting", updatedAt: now }).where(and(eq(waitlistEntries.id, row.entry.id), eq(waitlistEntries.status, "offered")));
    await recordAudit({ practiceId: row.offer.practiceId, actor: { kind: "system" }, action: "waitlist.decline", subjectType: "waitlist_entry", subjectId: row.entry.id, detail: { offerId: row.offer.id, clientId } }, tx);
    return { ok: true as const };
  });
  if (result.ok) kickWaitlist();
  return result;
}
