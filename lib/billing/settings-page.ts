import { and, asc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { memberBilling, members, packages, practiceBilling, serviceBilling, serviceCptLines, services } from "@/db/schema";
import { formatCptLines } from "./cpt-lines";
import { rolesWith } from "@/lib/auth/roles";

/** What the billing settings page edits, all of the one practice: its billing row, live services, clinicians and live packages. */
export async function loadBillingSettings(practiceId: string) {
  const [pb] = await db.select().from(practiceBilling).where(eq(practiceBilling.practiceId, practiceId));
  const joined = await db
    .select({ s: services, b: serviceBilling })
    .from(services)
    .leftJoin(serviceBilling, eq(serviceBilling.serviceId, services.id))
    .where(and(eq(services.practiceId, practiceId), isNull(services.archivedAt)))
    .orderBy(asc(services.name));
  const lines = await db.select().from(serviceCptLines).where(eq(serviceCptLines.practiceId, practiceId)).orderBy(asc(serviceCptLines.position));
  // Each service with its CPT lines as the form's text ("97110 x2 GP", one per row).
  const serviceRows = joined.map((r) => ({ ...r, cptText: formatCptLines(lines.filter((l) => l.serviceId === r.s.id)) }));
  const clinicians = await db
    .select({ id: members.id, name: members.displayName, license: memberBilling.licenseNumber, npi: memberBilling.npi })
    .from(members)
    .leftJoin(memberBilling, eq(memberBilling.memberId, members.id))
    .where(and(eq(members.practiceId, practiceId), inArray(members.role, rolesWith("sessions.take")), isNotNull(members.joinedAt)))
    .orderBy(asc(members.displayName));
  const packageRows = await db.select().from(packages).where(and(eq(packages.practiceId, practiceId), isNull(packages.archivedAt))).orderBy(asc(packages.name));
  return { practiceBilling: pb, serviceRows, clinicians, packageRows };
}
