import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
import { memberBilling, members, packages, practiceBilling, practices, serviceBilling, services } from "@/db/schema";

/**
 * Billing for the demo practices: what each service asks at booking, the
 * superbill codes (CPT per service, NPI and tax id per practice, license per
 * clinician) and a package. Fictional numbers (NPIs pass the format check only).
 */
const SERVICE_BILLING: Record<string, { mode: "none" | "full" | "deposit"; depositCents?: number; cpt: string | null; units?: number }> = {
  "Couples session": { mode: "full", cpt: "90847" },
  "Individual session": { mode: "full", cpt: "90834" },
  "Coaching call": { mode: "full", cpt: null },
  "Couples coaching": { mode: "full", cpt: null },
  "Postpartum pelvic-health evaluation": { mode: "deposit", depositCents: 5_000, cpt: "97161" },
  "Pelvic PT follow-up": { mode: "full", cpt: "97110", units: 3 },
};

const PRACTICE_IDS: Record<string, { taxId: string; npi: string }> = {
  [DEMO_PRACTICE_SLUGS.couplesTherapy]: { taxId: "84-1234567", npi: "1234567893" },
  [DEMO_PRACTICE_SLUGS.pelvicPt]: { taxId: "46-7654321", npi: "1987654320" },
};

export async function seedBillingDemo(tx: Tx): Promise<void> {
  const rows = await tx.select({ id: services.id, practiceId: services.practiceId, name: services.name, currency: services.currency }).from(services);
  const values = rows
    .filter((s) => SERVICE_BILLING[s.name])
    .map((s) => {
      const b = SERVICE_BILLING[s.name]!;
      return { serviceId: s.id, practiceId: s.practiceId, paymentMode: b.mode, depositCents: b.mode === "deposit" ? (b.depositCents ?? null) : null, cptCode: b.cpt, cptUnits: b.units ?? 1 };
    });
  if (values.length > 0) await tx.insert(serviceBilling).values(values).onConflictDoNothing();

  const all = await tx.select({ id: practices.id, slug: practices.slug }).from(practices);
  for (const p of all) {
    const ids = PRACTICE_IDS[p.slug];
    if (ids) await tx.insert(practiceBilling).values({ practiceId: p.id, taxId: ids.taxId, npi: ids.npi }).onConflictDoNothing();
  }

  const clinicians = await tx
    .select({ id: members.id, practiceId: members.practiceId })
    .from(members)
    .where(and(inArray(members.role, ["owner", "clinician"]), isNotNull(members.credentials)));
  if (clinicians.length > 0) {
    await tx
      .insert(memberBilling)
      .values(clinicians.map((m, i) => ({ memberId: m.id, practiceId: m.practiceId, licenseNumber: `DEMO-${String(1001 + i)}` })))
      .onConflictDoNothing();
  }

  const kindling = all.find((p) => p.slug === DEMO_PRACTICE_SLUGS.coaching);
  if (kindling) {
    const eligible = rows.filter((s) => s.practiceId === kindling.id && s.name === "Couples coaching");
    const [existing] = await tx.select({ id: packages.id }).from(packages).where(eq(packages.practiceId, kindling.id));
    if (eligible.length > 0 && !existing) {
      await tx.insert(packages).values({
        practiceId: kindling.id,
        name: "Six couples coaching sessions",
        sessionCount: 6,
        priceCents: 99_000,
        currency: eligible[0]!.currency,
        validMonths: 6,
        serviceIds: eligible.map((s) => s.id),
      });
    }
  }
}
