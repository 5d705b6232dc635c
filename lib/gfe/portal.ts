import { and, asc, count, desc, eq, gt, isNull, min, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { goodFaithEstimates, practices, services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { localDate } from "@/lib/dates/zone";
import { invalid, notFound, rateLimited, type NotFound, type RateLimited } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { deliverGfes } from "./deliver";
import { issueGfeSchema } from "./schema";
import { issueGfe, isUsPractice, type IssueResult } from "./issue";
import { gfePdf } from "./pdf";
import type { GfeSnapshot } from "./snapshot";

/** Who is asking in the portal: the signed-in user's own client record (requireClient in app/). */
export interface PortalClient {
  userId: string;
  clientId: string;
  practiceId: string;
  practiceCountry: string;
}

export interface PortalGfe {
  id: string;
  version: number;
  superseded: boolean;
  issuedAt: Date;
  snapshot: GfeSnapshot;
}

/** The client's own estimates, every version (each kept), newest first. */
export async function listOwnGfes(who: PortalClient): Promise<PortalGfe[]> {
  const rows = await db
    .select({ id: goodFaithEstimates.id, version: goodFaithEstimates.version, supersedesId: goodFaithEstimates.supersedesId, issuedAt: goodFaithEstimates.issuedAt, snapshot: goodFaithEstimates.snapshot })
    .from(goodFaithEstimates)
    .where(and(eq(goodFaithEstimates.practiceId, who.practiceId), eq(goodFaithEstimates.clientId, who.clientId)))
    .orderBy(desc(goodFaithEstimates.issuedAt), desc(goodFaithEstimates.version));
  const replaced = new Set(rows.map((r) => r.supersedesId).filter(Boolean));
  return rows.map((r) => ({ id: r.id, version: r.version, superseded: replaced.has(r.id), issuedAt: r.issuedAt, snapshot: r.snapshot }));
}

/** The services a client may ask an estimate for: the practice's live ones. */
export async function servicesForRequest(practiceId: string) {
  return db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(and(eq(services.practiceId, practiceId), isNull(services.archivedAt)))
    .orderBy(asc(services.name));
}

/**
 * A client may ask for this many estimates in a rolling day: enough for every
 * service and a change of mind, not enough to flood the practice's records.
 */
export const MAX_REQUESTS_PER_DAY = 5;
const REQUEST_WINDOW_MS = 24 * 3_600_000;

/**
 * A client asks for an estimate (the right every US client has, booked or
 * not): issued at once and delivered; the rule gives 3 business days, so the
 * deadline stands in case the email fails.
 */
export async function requestGfe(who: PortalClient, values: unknown, now: Date): Promise<IssueResult | RateLimited> {
  const parsed = issueGfeSchema.safeParse(values);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const result = await db.transaction(async (tx) => {
    // One client's requests, one at a time, so the daily cap holds under double clicks and two tabs.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('gfe-request:' || ${who.clientId}))`);
    const since = new Date(now.getTime() - REQUEST_WINDOW_MS);
    const [recent] = await tx
      .select({ n: count(), oldest: min(goodFaithEstimates.issuedAt) })
      .from(goodFaithEstimates)
      .where(and(eq(goodFaithEstimates.practiceId, who.practiceId), eq(goodFaithEstimates.clientId, who.clientId), eq(goodFaithEstimates.reason, "requested"), gt(goodFaithEstimates.issuedAt, since)));
    if ((recent?.n ?? 0) >= MAX_REQUESTS_PER_DAY) {
      const retry = recent?.oldest ? (recent.oldest.getTime() + REQUEST_WINDOW_MS - now.getTime()) / 1000 : REQUEST_WINDOW_MS / 1000;
      return rateLimited(`You have asked for ${MAX_REQUESTS_PER_DAY} estimates in the last 24 hours, and the practice has them all. Ask again tomorrow, or message the practice.`, retry);
    }
    return issueGfe({ practiceId: who.practiceId, clientId: who.clientId, serviceId: parsed.data.serviceId, weeks: parsed.data.weeks, reason: "requested", actor: { kind: "client", userId: who.userId }, now }, tx);
  });
  if (result.ok) await deliverGfes(now, { gfeId: result.gfe.id });
  return result;
}

/** The client's own estimate as a PDF. Opening it in the portal also counts as having it (delivered, if the email had not gone yet). */
export async function ownGfePdf(who: PortalClient, gfeId: string, now: Date): Promise<{ ok: true; bytes: Uint8Array; filename: string } | NotFound> {
  const [row] = await db
    .select({ gfe: goodFaithEstimates, zone: practices.timeZone, locale: practices.locale })
    .from(goodFaithEstimates)
    .innerJoin(practices, eq(practices.id, goodFaithEstimates.practiceId))
    .where(and(eq(goodFaithEstimates.id, gfeId), eq(goodFaithEstimates.practiceId, who.practiceId), eq(goodFaithEstimates.clientId, who.clientId)));
  if (!row) return notFound("No such estimate");
  if (!row.gfe.deliveredAt && now >= row.gfe.issuedAt) {
    await db.update(goodFaithEstimates).set({ deliveredAt: now }).where(and(eq(goodFaithEstimates.id, gfeId), isNull(goodFaithEstimates.deliveredAt)));
  }
  await recordAudit({ practiceId: who.practiceId, actor: { kind: "client", userId: who.userId }, action: "gfe.download", subjectType: "good_faith_estimate", subjectId: gfeId });
  const bytes = await gfePdf({ snapshot: row.gfe.snapshot, version: row.gfe.version, issuedOn: localDate(row.gfe.issuedAt, row.zone), locale: row.locale });
  return { ok: true, bytes, filename: `good-faith-estimate-v${row.gfe.version}.pdf` };
}

export { isUsPractice };
