import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { memberBilling, members, packages, practiceBilling, serviceBilling, serviceCptLines, services } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { fieldError, zodFieldErrors, type ActionResult } from "@/lib/form-result";
import { memberBillingSchema, packageSchema, practiceBillingSchema, serviceBillingSchema } from "./settings-schema";

export async function savePracticeBilling(scope: PracticeScope, values: unknown): Promise<ActionResult> {
  const parsed = practiceBillingSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  await db.transaction(async (tx) => {
    await tx
      .insert(practiceBilling)
      .values({ practiceId: scope.practice.id, ...parsed.data })
      .onConflictDoUpdate({ target: practiceBilling.practiceId, set: { ...parsed.data, updatedAt: new Date() } });
    await recordAudit(byMember(scope, "billing.practice_update", { type: "practice", id: scope.practice.id }, { fields: Object.keys(parsed.data) }), tx);
  });
  return { ok: true };
}

export async function saveServiceBilling(scope: PracticeScope, serviceId: string, values: unknown): Promise<ActionResult> {
  const parsed = serviceBillingSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const [service] = await tx.select({ priceCents: services.priceCents }).from(services).where(and(eq(services.id, serviceId), eq(services.practiceId, scope.practice.id)));
    if (!service) return fieldError("paymentMode", "That service was not found");
    if (v.paymentMode !== "none" && service.priceCents < 50) return fieldError("paymentMode", "A free service cannot ask for payment");
    if (v.paymentMode === "deposit" && v.deposit >= service.priceCents) return fieldError("deposit", "A deposit must be less than the price (or choose full payment)");
    const row = { paymentMode: v.paymentMode, depositCents: v.paymentMode === "deposit" ? v.deposit : null, asksSuperbillDetails: v.asksSuperbillDetails };
    await tx
      .insert(serviceBilling)
      .values({ serviceId, practiceId: scope.practice.id, ...row })
      .onConflictDoUpdate({ target: serviceBilling.serviceId, set: { ...row, updatedAt: new Date() } });
    // The lines are replaced as a whole: their order is the superbill's.
    await tx.delete(serviceCptLines).where(and(eq(serviceCptLines.serviceId, serviceId), eq(serviceCptLines.practiceId, scope.practice.id)));
    if (v.cptLines.length > 0) {
      await tx.insert(serviceCptLines).values(v.cptLines.map((l, position) => ({ practiceId: scope.practice.id, serviceId, position, ...l })));
    }
    await recordAudit(byMember(scope, "billing.service_update", { type: "service", id: serviceId }, { paymentMode: v.paymentMode, cptLines: v.cptLines.length }), tx);
    return { ok: true };
  });
}

export async function saveMemberBilling(scope: PracticeScope, memberId: string, values: unknown): Promise<ActionResult> {
  const parsed = memberBillingSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  return db.transaction(async (tx) => {
    const [member] = await tx.select({ id: members.id }).from(members).where(and(eq(members.id, memberId), eq(members.practiceId, scope.practice.id)));
    if (!member) return fieldError("licenseNumber", "That member was not found");
    await tx
      .insert(memberBilling)
      .values({ memberId, practiceId: scope.practice.id, ...parsed.data })
      .onConflictDoUpdate({ target: memberBilling.memberId, set: { ...parsed.data, updatedAt: new Date() } });
    await recordAudit(byMember(scope, "billing.member_update", { type: "member", id: memberId }), tx);
    return { ok: true };
  });
}

export async function createPackage(scope: PracticeScope, values: unknown, currency: string): Promise<ActionResult> {
  const parsed = packageSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const v = parsed.data;
  return db.transaction(async (tx) => {
    const owned = await tx.select({ id: services.id }).from(services).where(and(eq(services.practiceId, scope.practice.id), inArray(services.id, v.serviceIds), isNull(services.archivedAt)));
    if (owned.length !== new Set(v.serviceIds).size) return fieldError("serviceIds", "Choose services of this practice");
    const [row] = await tx
      .insert(packages)
      .values({ practiceId: scope.practice.id, name: v.name, sessionCount: v.sessionCount, priceCents: v.price, currency, validMonths: v.validMonths, serviceIds: v.serviceIds })
      .returning({ id: packages.id });
    await recordAudit(byMember(scope, "package.create", { type: "package", id: row!.id }), tx);
    return { ok: true };
  });
}
