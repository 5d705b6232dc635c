import { and, eq, inArray } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { expect, test } from "vitest";
import { db } from "@/db/client";
import { availabilityRules, locations, members, practices, serviceClinicians, services } from "@/db/schema";
import { DEMO_PRACTICE_SLUGS, seedDemo } from "@/db/seed";
import { findOverlaps } from "@/lib/booking/availability-schema";
import { serviceSchema } from "@/lib/booking/service-schema";
import { centsToAmountInput } from "@/lib/money";

/**
 * Seeds the demo practices inside a transaction that is rolled back, so the
 * worker's database (shared with other test files) is left as it was.
 */
test("the demo seed gives every practice bookable services and weekly hours", async () => {
  const outcome = await db
    .transaction(async (tx) => {
      const summary = await seedDemo(tx);
      expect(summary).toMatchObject({ practices: 3, services: 7, availabilityRules: 33 });

      const slugs = Object.values(DEMO_PRACTICE_SLUGS);
      const practiceRows = await tx.select().from(practices).where(inArray(practices.slug, slugs));
      for (const practice of practiceRows) {
        const serviceRows = await tx.select().from(services).where(eq(services.practiceId, practice.id));
        const rules = await tx.select().from(availabilityRules).where(eq(availabilityRules.practiceId, practice.id));
        const practiceLocations = await tx.select({ id: locations.id }).from(locations).where(eq(locations.practiceId, practice.id));
        const staff = await tx.select({ id: members.id }).from(members).where(eq(members.practiceId, practice.id));
        expect(serviceRows.length, practice.slug).toBeGreaterThan(0);
        for (const s of serviceRows) {
          // Every seeded service is one the admin form would accept as it stands.
          const form = serviceSchema.safeParse({
            name: s.name,
            description: s.description ?? "",
            durationMinutes: String(s.durationMinutes),
            price: centsToAmountInput(s.priceCents),
            currency: s.currency,
            format: s.format,
            attendance: s.attendance,
            clinicianIds: [],
            bufferBeforeMinutes: String(s.bufferBeforeMinutes),
            bufferAfterMinutes: String(s.bufferAfterMinutes),
            minNoticeHours: String(s.minNoticeMinutes / 60),
            horizonDays: String(s.horizonDays),
            slotStepMinutes: s.slotStepMinutes === null ? "" : String(s.slotStepMinutes),
            cancellationWindowHours: String(s.cancellationWindowHours),
            lateCancelFee: centsToAmountInput(s.lateCancelFeeCents),
            noShowFee: centsToAmountInput(s.noShowFeeCents),
          });
          expect(form.success, `${s.name}: ${JSON.stringify(form.error?.issues)}`).toBe(true);
          const offeredBy = await tx.select({ memberId: serviceClinicians.memberId }).from(serviceClinicians).where(eq(serviceClinicians.serviceId, s.id));
          expect(offeredBy.length, s.name).toBeGreaterThan(0);
          // Each clinician has hours that fit the format: a location for in person, none for online.
          for (const { memberId } of offeredBy) {
            const fitting = rules.filter((r) => r.memberId === memberId && (r.locationId !== null) === (s.format === "in_person"));
            expect(fitting.length, `${s.name} / ${memberId}`).toBeGreaterThan(0);
          }
        }
        for (const m of staff) {
          const own = rules.filter((r) => r.memberId === m.id);
          expect(findOverlaps(own)).toEqual([]);
        }
        for (const r of rules) {
          expect(r.timeZone).toBe(practice.timeZone);
          if (r.locationId) expect(practiceLocations.map((l) => l.id)).toContain(r.locationId);
        }
      }

      const [harbor] = practiceRows.filter((p) => p.slug === DEMO_PRACTICE_SLUGS.couplesTherapy);
      const [couples] = await tx
        .select()
        .from(services)
        .where(and(eq(services.practiceId, harbor!.id), eq(services.name, "Couples session")));
      expect(couples).toMatchObject({
        durationMinutes: 50,
        priceCents: 19_000,
        currency: "USD",
        format: "online",
        attendance: "couple",
        bufferAfterMinutes: 10,
        minNoticeMinutes: 720,
        horizonDays: 60,
        slotStepMinutes: 60,
        cancellationWindowHours: 24,
        lateCancelFeeCents: 9_500,
        noShowFeeCents: 19_000,
      });
      const harborRules = await tx.select().from(availabilityRules).where(eq(availabilityRules.practiceId, harbor!.id));
      const tuesday = harborRules
        .filter((r) => r.weekday === 2)
        .map((r) => [r.startMinute, r.endMinute])
        .sort((a, b) => a[0]! - b[0]!);
      expect(tuesday).toEqual([
        [540, 1020],
        [1140, 1290],
      ]);

      const [kindling] = practiceRows.filter((p) => p.slug === DEMO_PRACTICE_SLUGS.coaching);
      const kindlingServices = await tx.select().from(services).where(eq(services.practiceId, kindling!.id));
      expect(kindlingServices.map((s) => s.currency)).toEqual(["GBP", "GBP"]);
      tx.rollback();
    })
    .then(
      () => "committed",
      (error: unknown) => {
        if (error instanceof TransactionRollbackError) return "rolled back";
        throw error;
      },
    );
  expect(outcome).toBe("rolled back");
  expect(await db.select({ id: practices.id }).from(practices).where(eq(practices.slug, DEMO_PRACTICE_SLUGS.couplesTherapy))).toEqual([]);
});
