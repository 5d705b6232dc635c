import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberBilling, members, packages, practiceBilling, practices, serviceBilling, serviceCptLines, services } from "@/db/schema";
import { DEMO_PACKAGE, PRACTICE_IDS, SERVICE_BILLING } from "./data/billing";

/** Writes the demo billing (./data/billing.ts) for the demo practices already inserted. */
export async function seedBillingDemo(tx: Tx): Promise<void> {
  const rows = await tx.select({ id: services.id, practiceId: services.practiceId, name: services.name, currency: services.currency }).from(services);
  const values = rows
    .filter((s) => SERVICE_BILLING[s.name])
    .map((s) => {
      const b = SERVICE_BILLING[s.name]!;
      return { serviceId: s.id, practiceId: s.practiceId, paymentMode: b.mode, depositCents: b.mode === "deposit" ? (b.depositCents ?? null) : null, asksSuperbillDetails: b.lines.length > 0 };
    });
  if (values.length > 0) await tx.insert(serviceBilling).values(values).onConflictDoNothing();
  // Each service's CPT lines: a PT follow-up bills several codes, each with units and the GP modifier.
  const lines = rows.flatMap((s) => (SERVICE_BILLING[s.name]?.lines ?? []).map((l, position) => ({ practiceId: s.practiceId, serviceId: s.id, position, ...l })));
  if (lines.length > 0) await tx.insert(serviceCptLines).values(lines).onConflictDoNothing();

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

  const seller = all.find((p) => p.slug === DEMO_PACKAGE.practiceSlug);
  if (seller) {
    const eligible = rows.filter((s) => s.practiceId === seller.id && s.name === DEMO_PACKAGE.serviceName);
    const [existing] = await tx.select({ id: packages.id }).from(packages).where(eq(packages.practiceId, seller.id));
    if (eligible.length > 0 && !existing) {
      await tx.insert(packages).values({
        practiceId: seller.id,
        name: DEMO_PACKAGE.name,
        sessionCount: DEMO_PACKAGE.sessionCount,
        priceCents: DEMO_PACKAGE.priceCents,
        currency: eligible[0]!.currency,
        validMonths: DEMO_PACKAGE.validMonths,
        serviceIds: eligible.map((s) => s.id),
      });
    }
  }
}
