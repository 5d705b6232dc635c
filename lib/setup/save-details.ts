import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { locations, practiceBilling, practices } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { DEFAULT_LOCALE, isPracticeLocale } from "@/lib/dates/locales";
import { forbidden, invalid, type Forbidden, type Invalid } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { practiceDetailsSchemaFor, type PracticeDetailsFormValues } from "./details-schema";

/**
 * The practice details step: address and phone on the practice, tax ID and
 * NPI on its billing row (the columns the billing settings and superbills
 * already read), and, when the practice has no location yet and the owner
 * asks, the address as its first location so in-person services can be
 * offered. One transaction; audited with field names only (no address).
 */
export async function savePracticeDetails(scope: PracticeScope, input: unknown, now: Date): Promise<{ ok: true } | Invalid | Forbidden> {
  if (!can(scope.role, "settings.manage")) return forbidden("Only an owner or admin can change the practice's details");
  const parsed = practiceDetailsSchemaFor(scope.practice.country).safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const { taxId, npi, seeClientsHere, locale, ...address } = parsed.data;
  const practiceId = scope.practice.id;
  await db.transaction(async (tx) => {
    await tx.update(practices).set(locale ? { ...address, locale } : address).where(eq(practices.id, practiceId));
    await tx
      .insert(practiceBilling)
      .values({ practiceId, taxId, npi, updatedAt: now })
      .onConflictDoUpdate({ target: practiceBilling.practiceId, set: { taxId, npi, updatedAt: now } });
    let locationAdded = false;
    if (seeClientsHere && address.addressLine1 && address.city) {
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(locations).where(eq(locations.practiceId, practiceId));
      if (n === 0) {
        await tx.insert(locations).values({
          practiceId,
          name: scope.practice.name,
          addressLine1: address.addressLine1,
          addressLine2: address.addressLine2,
          city: address.city,
          region: address.region,
          postalCode: address.postalCode,
          timeZone: scope.practice.timeZone,
        });
        locationAdded = true;
      }
    }
    await recordAudit(byMember(scope, "practice.details_update", { type: "practice", id: practiceId }, { fields: Object.keys(parsed.data), locationAdded }), tx);
  });
  return { ok: true };
}

/** The form's starting values from what the practice already has. */
export async function loadPracticeDetails(scope: Pick<PracticeScope, "practice">): Promise<{ values: PracticeDetailsFormValues; hasLocation: boolean }> {
  const p = scope.practice;
  const [[billing], [{ n } = { n: 0 }]] = await Promise.all([
    db.select({ taxId: practiceBilling.taxId, npi: practiceBilling.npi }).from(practiceBilling).where(eq(practiceBilling.practiceId, p.id)),
    db.select({ n: count() }).from(locations).where(eq(locations.practiceId, p.id)),
  ]);
  return {
    values: {
      phone: p.phone ?? "",
      onlineOnly: p.phone !== null && p.addressLine1 === null,
      addressLine1: p.addressLine1 ?? "",
      addressLine2: p.addressLine2 ?? "",
      city: p.city ?? "",
      region: p.region ?? "",
      postalCode: p.postalCode ?? "",
      taxId: billing?.taxId ?? "",
      npi: billing?.npi ?? "",
      locale: isPracticeLocale(p.locale) ? p.locale : DEFAULT_LOCALE,
      seeClientsHere: false,
    },
    hasLocation: n > 0,
  };
}
