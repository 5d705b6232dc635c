import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { memberBilling, members, packages, practiceBilling, serviceBilling, services } from "@/db/schema";
import { rolesWith } from "@/lib/auth/roles";

/** What the billing settings page edits, all of the one practice: its billing row, live services, clinicians and live packages. */
export async function loadBillingSettings(practiceId: string) {
  const [pb] = await db.select().from(practiceBilling).where(eq(practiceBilling.practiceId, practiceId));
  const serviceRows = await db
    .select({ s: services, b: serviceBilling })
    .from(services)
    .leftJoin(serviceBilling, eq(serviceBilling.serviceId, services.id))
    .where(and(eq(services.practiceId, practiceId), isNull(services.archivedAt)))
    .orderBy(asc(services.name));
  const clinicians = await db
    .select({ id: members.id, name: members.displayName, license: memberBilling.licenseNumber, npi: memberBilling.npi })
    .from(members)
    .leftJoin(memberBilling, eq(memberBilling.memberId, members.id))
    .where(and(eq(members.practiceId, practiceId), inArray(members.role, rolesWith("sessions.take")), isNotNull(members.joinedAt)))
    .orderBy(asc(members.displayName));
  const packageRows = await db.select().from(packages).where(and(eq(packages.practiceId, practiceId), isNull(packages.archivedAt))).orderBy(asc(packages.name));
  return { practiceBilling: pb, serviceRows, clinicians, packageRows };
}
