import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { createElement } from "react";
import { db } from "@/db/client";
import { appointments, clients, members, practices, waitlistEntries, waitlistOffers, waitlistOpenings, type WaitlistEntry } from "@/db/schema";
import WaitlistOfferEmail, { waitlistOfferSubject } from "@/emails/waitlist-offer";
import { findSlots } from "@/lib/booking/find-slots";
import { createAppointment, expireLapsedHolds } from "@/lib/booking/lifecycle";
import { pgError } from "@/lib/db/pg-error";
import { formatDateTime } from "@/lib/dates/format";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { TOKEN_PURPOSES, signToken } from "@/lib/tokens";
import { matchesSlot } from "./match";
import { settingsOf } from "./settings";

/** Outbox rows older than this are not turned into openings (the job runs every minute; this only bounds the scan). */
const LOOKBACK_DAYS = 7;

export interface WaitlistRunSummary {
  expiredOffers: number;
  openings: number;
  offers: number;
  emails: number;
}

/**
 * The waitlist job (decision 0057), fed by the appointment outbox: never run
 * inside the request that freed the time. Each run
 * 1. closes offers whose hold ran out (or was otherwise ended): their entries
 *    go back to waiting, in their place in line;
 * 2. turns new cancellations, reschedules and expired holds from the outbox
 *    into openings (one per outbox row, keyed, so a rerun adds nothing);
 * 3. for each opening asks the slot engine which times are really free now and
 *    offers each to the matching entries in order: a `held` appointment made
 *    through the lifecycle (the exclusion constraint refuses any overlap) and
 *    an offer row per entry offered, then one email per person.
 * An expired offer's hold produces an `expired` outbox row, so step 2 of the
 * next run reopens that time for the next in line.
 */
export async function runWaitlist(now: Date, options: { transport?: EmailTransport } = {}): Promise<WaitlistRunSummary> {
  // Holds that ran out become expired first (as the expire-holds job does), so their times reopen in this same run.
  await db.transaction((tx) => expireLapsedHolds(tx, now));
  const expiredOffers = await closeLapsedOffers(now);
  await collectOpenings(now);
  const due = await db.select().from(waitlistOpenings).where(isNull(waitlistOpenings.processedAt)).orderBy(asc(waitlistOpenings.createdAt), asc(waitlistOpenings.startsAt), asc(waitlistOpenings.id)).limit(50);
  const made: string[] = [];
  for (const opening of due) {
    made.push(...(await offerOpening(opening, now)));
    await db.update(waitlistOpenings).set({ processedAt: now }).where(eq(waitlistOpenings.id, opening.id));
  }
  const emails = await emailOffers(made, now, options.transport);
  return { expiredOffers, openings: due.length, offers: made.length, emails };
}

/** Offers still open whose time ran out or whose hold is no longer held: expired; their entries wait again. Entries past their own end: expired. */
export async function closeLapsedOffers(now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const lapsed = await tx
      .update(waitlistOffers)
      .set({ status: "expired", resolvedAt: now })
      .where(
        and(
          eq(waitlistOffers.status, "offered"),
          or(
            lte(waitlistOffers.expiresAt, now),
            sql`not exists (select 1 from ${appointments} a where a.id = ${waitlistOffers.appointmentId} and a.status = 'held')`,
          ),
        ),
      )
      .returning({ entryId: waitlistOffers.entryId });
    if (lapsed.length > 0) {
      await tx
        .update(waitlistEntries)
        .set({ status: "waiting", updatedAt: now })
        .where(and(inArray(waitlistEntries.id, lapsed.map((l) => l.entryId)), eq(waitlistEntries.status, "offered")));
    }
    await tx.update(waitlistEntries).set({ status: "expired", updatedAt: now }).where(and(eq(waitlistEntries.status, "waiting"), lte(waitlistEntries.expiresAt, now)));
    return lapsed.length;
  });
}

/** Outbox rows that free a future time become openings, once each (source_key). Only for practices with someone waiting. */
async function collectOpenings(now: Date): Promise<void> {
  await db.execute(sql`
    insert into waitlist_openings (practice_id, member_id, starts_at, ends_at, source, source_key, created_at)
    select e.practice_id, a.member_id, o.starts_at, o.starts_at + (a.ends_at - a.starts_at),
      (case e.kind when 'rescheduled' then 'rescheduled' when 'expired' then 'expired' else 'cancelled' end)::waitlist_opening_source,
      'event:' || e.id, ${now.toISOString()}::timestamptz
    from appointment_events e
    join appointments a on a.id = e.appointment_id and a.practice_id = e.practice_id
    cross join lateral (select case when e.kind = 'rescheduled' then (e.data->>'previousStartsAt')::timestamptz else a.starts_at end as starts_at) o
    where e.kind in ('cancelled', 'late_cancelled', 'rescheduled', 'expired')
      and e.created_at > ${new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000).toISOString()}::timestamptz
      and e.created_at <= ${now.toISOString()}::timestamptz
      and o.starts_at > ${now.toISOString()}::timestamptz
      and exists (select 1 from waitlist_entries w where w.practice_id = e.practice_id and w.status = 'waiting')
    on conflict (source_key) do nothing`);
}

/** Offers what is free inside one opening; returns the new offers' ids. */
async function offerOpening(opening: typeof waitlistOpenings.$inferSelect, now: Date): Promise<string[]> {
  const [practice] = await db.select({ timeZone: practices.timeZone }).from(practices).where(eq(practices.id, opening.practiceId));
  if (!practice) return [];
  const settings = await settingsOf(opening.practiceId);
  const waiting = await db
    .select()
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.practiceId, opening.practiceId),
        eq(waitlistEntries.status, "waiting"),
        or(isNull(waitlistEntries.memberId), eq(waitlistEntries.memberId, opening.memberId)),
        or(isNull(waitlistEntries.expiresAt), gt(waitlistEntries.expiresAt, now)),
      ),
    )
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id));
  if (waiting.length === 0) return [];
  // Nobody is offered the same time twice (a lapsed or declined offer's time reopens for the next in line, not
  // for them). An opening from new hours spans many times, so this is kept per entry and start.
  const before = await db
    .select({ entryId: waitlistOffers.entryId, startsAt: waitlistOffers.startsAt })
    .from(waitlistOffers)
    .where(
      and(
        inArray(waitlistOffers.entryId, waiting.map((w) => w.id)),
        eq(waitlistOffers.memberId, opening.memberId),
        gte(waitlistOffers.startsAt, opening.startsAt),
        lt(waitlistOffers.startsAt, opening.endsAt),
      ),
    );
  const offeredBefore = new Set(before.map((b) => `${b.entryId}|${b.startsAt.getTime()}`));
  let pool = waiting;
  const made: string[] = [];

  for (const serviceId of [...new Set(pool.map((w) => w.serviceId))]) {
    const found = await findSlots({ practiceId: opening.practiceId, serviceId, clinicianId: opening.memberId, from: opening.startsAt, to: opening.endsAt, now });
    if (!found) continue;
    for (const slot of found.slots) {
      const candidates = pool.filter(
        (w) => w.serviceId === serviceId && !offeredBefore.has(`${w.id}|${slot.start}`) && matchesSlot(w, { serviceId, memberId: slot.memberId, start: slot.start }, practice.timeZone),
      );
      if (candidates.length === 0) continue;
      const chosen: WaitlistEntry[] = settings.mode === "all_at_once" ? candidates : [candidates[0]!];
      const expiresAt = new Date(now.getTime() + settings.holdMinutes * 60_000);
      try {
        const ids = await db.transaction(async (tx) => {
          const appointmentId = await createAppointment(tx, {
            practiceId: opening.practiceId,
            service: found.rules.service,
            slot,
            status: "held",
            holdExpiresAt: expiresAt,
            // One entry: the hold is theirs already; several: whoever confirms first (set on accept).
            coupleId: chosen.length === 1 ? chosen[0]!.coupleId : null,
            now,
          });
          const offers = await tx
            .insert(waitlistOffers)
            .values(chosen.map((w) => ({ practiceId: opening.practiceId, entryId: w.id, appointmentId, memberId: slot.memberId, startsAt: new Date(slot.start), expiresAt, createdAt: now })))
            .returning({ id: waitlistOffers.id });
          await tx.update(waitlistEntries).set({ status: "offered", updatedAt: now }).where(inArray(waitlistEntries.id, chosen.map((w) => w.id)));
          return offers.map((o) => o.id);
        });
        made.push(...ids);
        const taken = new Set(chosen.map((w) => w.id));
        pool = pool.filter((w) => !taken.has(w.id));
      } catch (error) {
        // 23P01: the time went to someone else since the engine looked; the next slot may still be free.
        if (pgError(error)?.code !== "23P01") throw error;
      }
    }
  }
  return made;
}

/** One email per person offered (a couple's partners each get their own link). Keyed per offer and client. */
async function emailOffers(offerIds: string[], now: Date, transport?: EmailTransport): Promise<number> {
  if (offerIds.length === 0) return 0;
  const rows = await db
    .select({
      offer: waitlistOffers,
      clientId: waitlistEntries.clientId,
      partnerClientId: waitlistEntries.partnerClientId,
      practiceName: practices.name,
      timeZone: practices.timeZone,
      clinicianName: members.displayName,
    })
    .from(waitlistOffers)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .innerJoin(practices, eq(practices.id, waitlistOffers.practiceId))
    .innerJoin(members, and(eq(members.id, waitlistOffers.memberId), eq(members.practiceId, waitlistOffers.practiceId)))
    .where(inArray(waitlistOffers.id, offerIds));
  let sent = 0;
  for (const row of rows) {
    const shared = (await db.select({ id: waitlistOffers.id }).from(waitlistOffers).where(and(eq(waitlistOffers.appointmentId, row.offer.appointmentId), ne(waitlistOffers.id, row.offer.id)))).length > 0;
    const people = await db
      .select({ id: clients.id, email: clients.email })
      .from(clients)
      .where(and(eq(clients.practiceId, row.offer.practiceId), inArray(clients.id, [row.clientId, row.partnerClientId].filter((x): x is string => x !== null))));
    for (const person of people) {
      if (!person.email) continue;
      const token = signToken(TOKEN_PURPOSES.waitlistOffer, { offerId: row.offer.id, clientId: person.id }, row.offer.expiresAt);
      const result = await sendEmail(
        {
          key: `waitlist-offer:${row.offer.id}:${person.id}`,
          to: person.email,
          subject: waitlistOfferSubject(row.practiceName),
          template: "waitlist-offer",
          practiceId: row.offer.practiceId,
          element: createElement(WaitlistOfferEmail, {
            practiceName: row.practiceName,
            clinicianName: row.clinicianName,
            when: formatDateTime(row.offer.startsAt, row.timeZone),
            heldUntil: formatDateTime(row.offer.expiresAt, row.timeZone),
            shared,
            url: offerUrl(token),
          }),
        },
        transport,
      );
      if (result.status !== "failed") sent++;
    }
  }
  void now;
  return sent;
}

export function offerUrl(token: string): string {
  return new URL(`/waitlist/offer/${encodeURIComponent(token)}`, env.APP_URL).toString();
}
