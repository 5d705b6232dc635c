import { and, asc, desc, eq, isNull, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, goodFaithEstimates, practices } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { localDate } from "@/lib/dates/zone";
import { conflict, forbidden, invalid, notFound, type Conflict, type Forbidden, type NotFound } from "@/lib/errors/domain-error";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { zodFieldErrors } from "@/lib/form-result";
import { deliverGfes } from "./deliver";
import { issueGfeSchema } from "./schema";
import { issueGfe, type IssueResult } from "./issue";
import { gfePdf } from "./pdf";
import { isUuid } from "@/lib/ids";

/**
 * What staff do with estimates. Reading one (its snapshot carries diagnosis
 * codes) is audited with ids only; the overdue list shows names and dates,
 * never content, so the front desk can chase deliveries.
 */

/** Issues an estimate for a client from the staff form, then delivers it at once (the job retries). */
export async function issueGfeForClient(scope: PracticeScope, clientId: string, values: unknown, now: Date): Promise<IssueResult | Forbidden> {
  if (!can(scope.role, "gfe.issue")) return forbidden("Only clinical staff issue estimates");
  const parsed = issueGfeSchema.safeParse(values);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const result = await db.transaction((tx) =>
    issueGfe({ practiceId: scope.practice.id, clientId, serviceId: parsed.data.serviceId, weeks: parsed.data.weeks, reason: "requested", actor: { kind: "member", userId: scope.user.id }, now }, tx),
  );
  if (result.ok) await deliverGfes(now, { gfeId: result.gfe.id });
  return result;
}

/**
 * Re-issues an estimate (prices or plans changed): a new version that
 * supersedes it, same client, reason and booking; the old one stays as it
 * was, and the database refuses a second re-issue of the same version.
 */
export async function reissueGfe(scope: PracticeScope, gfeId: string, values: unknown, now: Date): Promise<IssueResult | Forbidden | Conflict<"already_reissued">> {
  if (!can(scope.role, "gfe.issue")) return forbidden("Only clinical staff issue estimates");
  const [previous] = await db.select().from(goodFaithEstimates).where(and(eq(goodFaithEstimates.id, gfeId), eq(goodFaithEstimates.practiceId, scope.practice.id)));
  if (!previous) return notFound("No such estimate");
  const parsed = issueGfeSchema.safeParse({ serviceId: previous.snapshot.serviceId ?? undefined, ...(values as object) });
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const result = await db.transaction((tx) =>
    issueGfe(
      {
        practiceId: scope.practice.id,
        clientId: previous.clientId,
        serviceId: parsed.data.serviceId,
        weeks: parsed.data.weeks,
        reason: previous.reason,
        appointmentId: previous.appointmentId,
        supersedes: previous,
        actor: { kind: "member", userId: scope.user.id },
        now,
      },
      tx,
    ),
  ).catch((error: unknown) => {
    if (isUniqueViolation(error, "good_faith_estimates_supersedes_id_key")) return conflict("already_reissued", "This estimate was already re-issued; open the newest version");
    throw error;
  });
  if (result.ok) await deliverGfes(now, { gfeId: result.gfe.id });
  return result;
}

export interface OverdueGfe {
  id: string;
  clientId: string;
  clientName: string;
  reason: "scheduled" | "requested";
  dueBy: Date;
  attempts: number;
  hasEmail: boolean;
}

/** Estimates past their deadline and still not delivered, oldest deadline first. Names and dates only. */
export async function listOverdueGfes(scope: PracticeScope, now: Date): Promise<OverdueGfe[]> {
  const rows = await db
    .select({
      id: goodFaithEstimates.id,
      clientId: goodFaithEstimates.clientId,
      firstName: clients.firstName,
      lastName: clients.lastName,
      email: clients.email,
      reason: goodFaithEstimates.reason,
      dueBy: goodFaithEstimates.dueBy,
      attempts: goodFaithEstimates.attempts,
    })
    .from(goodFaithEstimates)
    .innerJoin(clients, eq(clients.id, goodFaithEstimates.clientId))
    .where(and(eq(goodFaithEstimates.practiceId, scope.practice.id), isNull(goodFaithEstimates.deliveredAt), lt(goodFaithEstimates.dueBy, now)))
    .orderBy(asc(goodFaithEstimates.dueBy));
  return rows.map((r) => ({ id: r.id, clientId: r.clientId, clientName: `${r.firstName} ${r.lastName}`, reason: r.reason, dueBy: r.dueBy, attempts: r.attempts, hasEmail: Boolean(r.email) }));
}

/** A client's estimates, every version, newest first: what the client record's estimates panel lists (no content). */
export async function listClientGfes(scope: PracticeScope, clientId: string) {
  return db
    .select({
      id: goodFaithEstimates.id,
      version: goodFaithEstimates.version,
      supersedesId: goodFaithEstimates.supersedesId,
      reason: goodFaithEstimates.reason,
      issuedAt: goodFaithEstimates.issuedAt,
      dueBy: goodFaithEstimates.dueBy,
      deliveredAt: goodFaithEstimates.deliveredAt,
      totalCents: goodFaithEstimates.totalCents,
    })
    .from(goodFaithEstimates)
    .where(and(eq(goodFaithEstimates.practiceId, scope.practice.id), eq(goodFaithEstimates.clientId, clientId)))
    .orderBy(desc(goodFaithEstimates.issuedAt), desc(goodFaithEstimates.version));
}

/** One estimate for staff, as a PDF; the read is audited (ids only). */
export async function staffGfePdf(scope: PracticeScope, gfeId: string): Promise<{ ok: true; bytes: Uint8Array; filename: string } | NotFound | Forbidden> {
  if (!can(scope.role, "gfe.issue")) return forbidden("Only clinical staff read estimates");
  const [row] = await db
    .select({ gfe: goodFaithEstimates, zone: practices.timeZone, locale: practices.locale })
    .from(goodFaithEstimates)
    .innerJoin(practices, eq(practices.id, goodFaithEstimates.practiceId))
    .where(and(eq(goodFaithEstimates.id, gfeId), eq(goodFaithEstimates.practiceId, scope.practice.id)));
  if (!row) return notFound("No such estimate");
  await recordAudit(byMember(scope, "gfe.read", { type: "good_faith_estimate", id: gfeId }, { clientId: row.gfe.clientId, version: row.gfe.version }));
  const bytes = await gfePdf({ snapshot: row.gfe.snapshot, version: row.gfe.version, issuedOn: localDate(row.gfe.issuedAt, row.zone), locale: row.locale });
  return { ok: true, bytes, filename: `good-faith-estimate-v${row.gfe.version}.pdf` };
}

/** The client an estimates page is about, in this practice (null: not found). Name only. */
export async function clientForEstimates(scope: PracticeScope, clientId: string): Promise<{ id: string; name: string } | null> {
  if (!isUuid(clientId)) return null;
  const [row] = await db
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, scope.practice.id)));
  return row ? { id: row.id, name: `${row.firstName} ${row.lastName}` } : null;
}

/**
 * Staff record that an estimate reached the client another way (handed over
 * on paper, posted): for a client with no email address, or whose email
 * keeps failing. Sets `delivered_at` once (the trigger refuses a second
 * time) and audits who said so; ids only.
 */
export async function markGfeDelivered(scope: PracticeScope, gfeId: string, now: Date): Promise<{ ok: true } | NotFound | Conflict<"already_delivered">> {
  if (!isUuid(gfeId)) return notFound("No such estimate");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: goodFaithEstimates.id, clientId: goodFaithEstimates.clientId, deliveredAt: goodFaithEstimates.deliveredAt, issuedAt: goodFaithEstimates.issuedAt })
      .from(goodFaithEstimates)
      .where(and(eq(goodFaithEstimates.id, gfeId), eq(goodFaithEstimates.practiceId, scope.practice.id)))
      .for("update");
    if (!row) return notFound("No such estimate");
    if (row.deliveredAt) return conflict("already_delivered", "This estimate was already delivered");
    await tx.update(goodFaithEstimates).set({ deliveredAt: now < row.issuedAt ? row.issuedAt : now }).where(eq(goodFaithEstimates.id, gfeId));
    await recordAudit(byMember(scope, "gfe.delivered_by_hand", { type: "good_faith_estimate", id: gfeId }, { clientId: row.clientId }), tx);
    return { ok: true as const };
  });
}
