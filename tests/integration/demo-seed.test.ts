import { and, eq, gt, gte, inArray, isNotNull, sql } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { expect, test } from "vitest";
import { db } from "@/db/client";
import {
  appointments,
  checkIns,
  documentShares,
  documentSignatures,
  eventSessions,
  formResponses,
  groupEvents,
  payments,
  planSignatures,
  planVersions,
  practices,
  products,
  safetyFlags,
  sessionNotes,
  storedObjects,
  treatmentPlans,
} from "@/db/schema";
import { addDays } from "@/lib/dates/calendar";
import { todayIn } from "@/lib/dates/zone";
import { DEMO_PRACTICE_SLUGS, seedDemo } from "@/db/seed";

const DAY = 24 * 3_600_000;

/**
 * The demo lives around the moment it is seeded (decision 0036): every demo
 * practice has sessions behind and ahead of `now`, payments, and measure
 * scores from the twelve weeks before it. Two seeding moments, a year apart
 * and in different seasons, inside rolled-back transactions like services-seed.test.ts.
 */
for (const now of [new Date(), new Date("2027-03-14T07:30:00Z")]) {
  test(`every demo practice has past and coming sessions, payments and recent measures when seeded at ${now.toISOString()}`, async () => {
    const outcome = await db
      .transaction(async (tx) => {
        await seedDemo(tx, now);
        const rows = await tx.select({ id: practices.id, slug: practices.slug }).from(practices).where(inArray(practices.slug, Object.values(DEMO_PRACTICE_SLUGS)));
        expect(rows).toHaveLength(Object.values(DEMO_PRACTICE_SLUGS).length);
        const twelveWeeksAgo = new Date(now.getTime() - 84 * DAY);
        for (const p of rows) {
          const sessions = await tx.select({ startsAt: appointments.startsAt, status: appointments.status, id: appointments.id }).from(appointments).where(eq(appointments.practiceId, p.id));
          const past = sessions.filter((s) => s.startsAt < now && s.status === "completed");
          const coming = sessions.filter((s) => s.startsAt > now && s.startsAt.getTime() < now.getTime() + 3 * DAY && ["confirmed", "pending_payment"].includes(s.status));
          expect(past.length, `${p.slug}: completed sessions before now`).toBeGreaterThanOrEqual(2);
          expect(coming.length, `${p.slug}: sessions in the next three days`).toBeGreaterThanOrEqual(1);
          // Completed means it happened; booked ahead means it has not.
          expect(sessions.filter((s) => s.status === "completed" && s.startsAt >= now), p.slug).toEqual([]);
          expect(sessions.filter((s) => ["confirmed", "pending_payment"].includes(s.status) && s.startsAt < new Date(now.getTime() - DAY)), p.slug).toEqual([]);
          // Every past visit is paid.
          const paid = await tx
            .select({ appointmentId: payments.appointmentId, paidAt: payments.paidAt })
            .from(payments)
            .where(and(eq(payments.practiceId, p.id), eq(payments.status, "succeeded"), isNotNull(payments.appointmentId)));
          expect(paid.length, `${p.slug}: payments`).toBeGreaterThan(0);
          for (const s of past) expect(paid.some((x) => x.appointmentId === s.id), `${p.slug}: a completed session is paid`).toBe(true);
          expect(paid.filter((x) => x.paidAt! > now), `${p.slug}: nothing is paid after now`).toEqual([]);
          // Measures from the twelve weeks before now, none after.
          const scored = await tx
            .select({ submittedAt: formResponses.submittedAt })
            .from(formResponses)
            .where(and(eq(formResponses.practiceId, p.id), isNotNull(formResponses.scores)));
          expect(scored.length, `${p.slug}: measure scores`).toBeGreaterThanOrEqual(2);
          for (const r of scored) {
            expect(r.submittedAt! > twelveWeeksAgo && r.submittedAt! < now, `${p.slug}: a score at ${r.submittedAt!.toISOString()}`).toBe(true);
          }
          // Homework check-ins on days up to today (practice zones are within a day of UTC), none later.
          const dateOf = (t: number) => new Date(t).toISOString().slice(0, 10);
          const [late] = await tx.select({ n: sql<number>`count(*)::int` }).from(checkIns).where(and(eq(checkIns.practiceId, p.id), gt(checkIns.date, dateOf(now.getTime() + DAY))));
          expect(late!.n, `${p.slug}: no check-in after today`).toBe(0);
          const [recent] = await tx.select({ n: sql<number>`count(*)::int` }).from(checkIns).where(and(eq(checkIns.practiceId, p.id), gte(checkIns.date, dateOf(twelveWeeksAgo.getTime()))));
          expect(recent!.n, `${p.slug}: check-ins in the last twelve weeks`).toBeGreaterThan(0);
        }
        // Events ahead of the seeding day in every practice, one taking the package's credits; a workbook for sale with its PDF.
        const events = await tx
          .select({ practiceId: groupEvents.practiceId, title: groupEvents.title, credit: groupEvents.creditPackageId, first: sql<string>`min(${eventSessions.startsAt})` })
          .from(groupEvents)
          .innerJoin(eventSessions, eq(eventSessions.eventId, groupEvents.id))
          .where(inArray(groupEvents.practiceId, rows.map((r) => r.id)))
          .groupBy(groupEvents.id);
        for (const p of rows) expect(events.filter((e) => e.practiceId === p.id && new Date(e.first) > now), `${p.slug}: an event ahead`).toHaveLength(1);
        expect(events.filter((e) => e.credit !== null).map((e) => e.title)).toEqual(["Parenting as a team: a three-week class"]);
        const workbooks = await tx.select({ title: products.title, key: products.storageKey, bytes: products.byteSize }).from(products).where(inArray(products.practiceId, rows.map((r) => r.id)));
        expect(workbooks).toMatchObject([{ title: "The weekly check-in: a workbook for two" }]);
        const [stored] = await tx.select().from(storedObjects).where(eq(storedObjects.key, workbooks[0]!.key));
        expect(stored?.byteSize).toBe(workbooks[0]!.bytes);
        // Harbor's couple has a release of information to sign; one partner has signed it.
        const harbor = rows.find((p) => p.slug === DEMO_PRACTICE_SLUGS.couplesTherapy)!;
        const shares = await tx.select().from(documentShares).where(eq(documentShares.practiceId, harbor.id));
        expect(shares.map((s) => s.coupleId !== null)).toEqual([true]);
        expect(await tx.select().from(documentSignatures).where(eq(documentSignatures.shareId, shares[0]!.id))).toHaveLength(1);
        // Treatment plans: the Okafors' (for the couple, review in five days of Harbor's calendar, nobody has signed)
        // and Emily Carter's at Meadowbrook, each goal on a measure its people answered.
        const versions = await tx
          .select({ practiceId: treatmentPlans.practiceId, partner: treatmentPlans.partnerClientId, status: planVersions.status, reviewDate: planVersions.reviewDate, content: planVersions.content, zone: practices.timeZone, versionId: planVersions.id })
          .from(planVersions)
          .innerJoin(treatmentPlans, eq(treatmentPlans.id, planVersions.planId))
          .innerJoin(practices, eq(practices.id, planVersions.practiceId))
          .where(inArray(planVersions.practiceId, rows.map((r) => r.id)));
        const harborPlan = versions.filter((v) => v.practiceId === harbor.id);
        expect(harborPlan.map((v) => [v.status, v.partner !== null, v.reviewDate])).toEqual([["published", true, addDays(todayIn(harborPlan[0]!.zone, now), 5)]]);
        expect(await tx.select().from(planSignatures).where(eq(planSignatures.versionId, harborPlan[0]!.versionId))).toEqual([]);
        const meadowbrook = rows.find((p) => p.slug === DEMO_PRACTICE_SLUGS.pelvicPt)!;
        expect(versions.filter((v) => v.practiceId === meadowbrook.id).map((v) => v.content.goals.map((g) => g.measure?.measureKey))).toEqual([["pain"]]);
        // Past sessions carry signed notes, but each clinician's latest: the home shows one to write, not a month overdue.
        for (const p of rows) {
          const unwritten = await tx.execute<{ member_id: string; n: number }>(sql`
            select a.member_id, count(*)::int as n from appointments a
            where a.practice_id = ${p.id} and a.status in ('confirmed', 'completed') and a.ends_at <= ${now.toISOString()}::timestamptz and a.starts_at >= ${new Date(now.getTime() - 30 * DAY).toISOString()}::timestamptz
              and not exists (select 1 from session_notes n where n.appointment_id = a.id and n.kind = 'progress' and n.status = 'signed')
            group by a.member_id`);
          expect(unwritten.map((r) => r.n).every((n) => n <= 1), `${p.slug}: unwritten notes per clinician`).toBe(true);
          const [signed] = await tx.select({ n: sql<number>`count(*)::int` }).from(sessionNotes).where(and(eq(sessionNotes.practiceId, p.id), eq(sessionNotes.status, "signed")));
          expect(signed!.n, `${p.slug}: signed notes`).toBeGreaterThan(0);
        }
        // The demo's answers trigger no safety flag: none is seeded.
        expect(await tx.select().from(safetyFlags).where(inArray(safetyFlags.practiceId, rows.map((r) => r.id)))).toEqual([]);
        throw new TransactionRollbackError();
      })
      .catch((e: unknown) => (e instanceof TransactionRollbackError ? "rolled back" : Promise.reject(e)));
    expect(outcome).toBe("rolled back");
  });
}
