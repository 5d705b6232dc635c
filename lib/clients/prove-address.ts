import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { appointmentAttendees, appointments, clients, couples, practices, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { mergeUnverifiedInto } from "./merge-client";
import { verifyProofToken } from "./proof-link";
import { upsertUserByEmail } from "./upsert-portal-user";

export type ProofFailure = "invalid" | "expired" | "used";

export type ProofPreview = { ok: true; practiceName: string; firstName: string; email: string } | { ok: false; code: ProofFailure };

export type ProveResult =
  | { ok: true; clientId: string; practiceName: string; merged: boolean; portal: boolean; coupleLinked: boolean; waitingForPartner: boolean }
  | { ok: false; code: ProofFailure };

/** What the confirm page shows before the button is pressed (opening the link changes nothing). */
export async function previewProof(token: string, now: Date): Promise<ProofPreview> {
  const verified = verifyProofToken(token, now);
  if (!verified.ok) return { ok: false, code: verified.reason === "expired" ? "expired" : "invalid" };
  if (!isUuid(verified.clientId)) return { ok: false, code: "invalid" };
  const [row] = await db
    .select({ firstName: clients.firstName, email: clients.email, unverifiedSince: clients.unverifiedSince, practiceName: practices.name })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .where(eq(clients.id, verified.clientId));
  if (!row || !row.unverifiedSince) return { ok: false, code: "used" };
  if (row.email !== verified.email) return { ok: false, code: "invalid" };
  return { ok: true, practiceName: row.practiceName, firstName: row.firstName, email: row.email };
}

/**
 * The owner of an address clicked the link mailed to it: the unverified
 * record the booking made becomes theirs. If the practice already has a
 * client with that address (or that person's account), the booking joins
 * that record; otherwise the record is kept, verified, with portal access.
 * Each attendee of the booking is marked as proven; when both partners of a
 * couple booking are, they are linked as a couple (or the booking joins the
 * couple they already form). Single use: a second press finds nothing
 * unverified and says so.
 */
export async function proveAddress(token: string, now: Date): Promise<ProveResult> {
  const verified = verifyProofToken(token, now);
  if (!verified.ok) return { ok: false, code: verified.reason === "expired" ? "expired" : "invalid" };
  if (!isUuid(verified.clientId)) return { ok: false, code: "invalid" };
  // Two unverified records for one address proven at once: the loser of the
  // unique index retries and merges into the winner.
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction((tx) => prove(tx, verified.clientId, verified.email, now));
    } catch (error) {
      if (attempt > 0 || !(isUniqueViolation(error, "clients_practice_id_email_key") || isUniqueViolation(error, "clients_practice_id_user_id_key"))) throw error;
    }
  }
}

async function prove(tx: Tx, fromId: string, email: string, now: Date): Promise<ProveResult> {
  const [from] = await tx.select().from(clients).where(eq(clients.id, fromId)).for("update");
  if (!from || !from.unverifiedSince) return { ok: false, code: "used" };
  if (from.email !== email) return { ok: false, code: "invalid" };
  const practiceId = from.practiceId;
  const [practice] = await tx.select({ name: practices.name }).from(practices).where(eq(practices.id, practiceId));

  // The sessions this record attends, locked so two partners proving at once see each other.
  const booked = await tx.select({ appointmentId: appointmentAttendees.appointmentId }).from(appointmentAttendees).where(eq(appointmentAttendees.clientId, fromId));
  const appointmentIds = booked.map((b) => b.appointmentId);
  if (appointmentIds.length > 0) {
    await tx.select({ id: appointments.id }).from(appointments).where(inArray(appointments.id, appointmentIds)).orderBy(appointments.id).for("update");
    await tx.update(appointmentAttendees).set({ provenAt: now }).where(and(eq(appointmentAttendees.clientId, fromId), isNull(appointmentAttendees.provenAt)));
  }

  const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  const [into] = await tx
    .select({ id: clients.id, userId: clients.userId, email: clients.email })
    .from(clients)
    .where(
      and(
        eq(clients.practiceId, practiceId),
        isNull(clients.unverifiedSince),
        account ? or(eq(clients.email, email), eq(clients.userId, account.id)) : eq(clients.email, email),
      ),
    )
    .orderBy(clients.createdAt)
    .for("update");

  let clientId: string;
  let portal: boolean;
  if (into) {
    await mergeUnverifiedInto(tx, { practiceId, fromId, intoId: into.id });
    clientId = into.id;
    // Portal access stays as the practice set it on the kept record.
    portal = into.userId !== null;
  } else {
    const userId = await upsertUserByEmail(tx, email, `${from.firstName} ${from.lastName}`);
    await tx.update(clients).set({ unverifiedSince: null, userId, updatedAt: now }).where(eq(clients.id, fromId));
    clientId = fromId;
    portal = true;
  }
  const actor = { kind: "system" as const };
  await recordAudit({ practiceId, actor, action: "client.address_proven", subjectType: "client", subjectId: clientId, detail: { merged: Boolean(into), appointmentIds } }, tx);

  let coupleLinked = false;
  let waitingForPartner = false;
  for (const appointmentId of appointmentIds) {
    const outcome = await linkProvenCouple(tx, practiceId, appointmentId);
    if (outcome === "linked") coupleLinked = true;
    if (outcome === "waiting") waitingForPartner = true;
  }
  return { ok: true, clientId, practiceName: practice?.name ?? "", merged: Boolean(into), portal, coupleLinked, waitingForPartner };
}

/**
 * A two-person booking whose attendees have both proven their addresses:
 * the booking joins the couple they form, or they become one if neither is
 * in a couple yet. Anyone already linked with someone else is left for the
 * practice to sort out, as staff linking would be.
 */
async function linkProvenCouple(tx: Tx, practiceId: string, appointmentId: string): Promise<"linked" | "waiting" | "none"> {
  const people = await tx.select({ clientId: appointmentAttendees.clientId, provenAt: appointmentAttendees.provenAt }).from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, appointmentId));
  if (people.length !== 2) return "none";
  if (people.some((p) => !p.provenAt)) return "waiting";
  const [a, b] = people.map((p) => p.clientId).sort() as [string, string];
  const existing = await tx
    .select({ id: couples.id, clientAId: couples.clientAId, clientBId: couples.clientBId })
    .from(couples)
    .where(and(eq(couples.practiceId, practiceId), or(inArray(couples.clientAId, [a, b]), inArray(couples.clientBId, [a, b]))));
  let coupleId = existing.find((c) => c.clientAId === a && c.clientBId === b)?.id ?? null;
  if (!coupleId && existing.length > 0) return "none";
  if (!coupleId) {
    const [created] = await tx.insert(couples).values({ practiceId, clientAId: a, clientBId: b }).returning({ id: couples.id });
    coupleId = created!.id;
    await recordAudit({ practiceId, actor: { kind: "system" }, action: "couple.create", subjectType: "couple", subjectId: coupleId, detail: { clientIds: [a, b], via: "address-proof", appointmentId } }, tx);
  }
  await tx.update(appointments).set({ coupleId }).where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, practiceId)));
  return "linked";
}
