import { and, eq, inArray } from "drizzle-orm";
import { TransactionRollbackError } from "drizzle-orm/errors";
import { expect, test } from "vitest";
import { db } from "@/db/client";
import { formResponses, formTemplates, practices, serviceForms, services } from "@/db/schema";
import { DEMO_PRACTICE_SLUGS, seedDemo } from "@/db/seed";

/** Seeds inside a rolled-back transaction, like services-seed.test.ts. */
test("the demo seed gives each practice its kind's forms and measures, required by every service, and a scored history for one couple", async () => {
  const outcome = await db
    .transaction(async (tx) => {
      await seedDemo(tx);
      const rows = await tx.select().from(practices).where(inArray(practices.slug, Object.values(DEMO_PRACTICE_SLUGS)));
      const slugsOf = async (practiceId: string) =>
        (await tx.select({ slug: formTemplates.slug }).from(formTemplates).where(eq(formTemplates.practiceId, practiceId))).map((t) => t.slug).sort();
      const bySlug = new Map(rows.map((p) => [p.slug, p]));
      const harbor = bySlug.get(DEMO_PRACTICE_SLUGS.couplesTherapy)!;
      expect(await slugsOf(harbor.id)).toEqual(["cancellation-policy", "couples-intake", "csi-16", "csi-32", "csi-4", "gad-7", "informed-consent", "phq-9", "telehealth-consent"]);
      expect(await slugsOf(bySlug.get(DEMO_PRACTICE_SLUGS.pelvicPt)!.id)).toContain("postpartum-intake");
      expect(await slugsOf(bySlug.get(DEMO_PRACTICE_SLUGS.coaching)!.id)).toContain("coaching-intake");
      for (const p of rows) {
        const serviceRows = await tx.select({ id: services.id }).from(services).where(eq(services.practiceId, p.id));
        for (const s of serviceRows) {
          const required = await tx.select().from(serviceForms).where(and(eq(serviceForms.practiceId, p.id), eq(serviceForms.serviceId, s.id)));
          expect(required.length, p.slug).toBeGreaterThanOrEqual(2);
        }
      }
      const scored = await tx.select({ scores: formResponses.scores }).from(formResponses).where(eq(formResponses.practiceId, harbor.id));
      expect(scored.filter((r) => r.scores?.measure === "csi4")).toHaveLength(8);
      throw new TransactionRollbackError();
    })
    .catch((e: unknown) => (e instanceof TransactionRollbackError ? "rolled back" : Promise.reject(e)));
  expect(outcome).toBe("rolled back");
});
