import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { members, services } from "@/db/schema";

export interface FilterOption {
  id: string;
  name: string;
}

/** The billing dashboard's filter choices: the practice's joined members and its live services, by name. */
export async function billingFilterOptions(practiceId: string): Promise<{ clinicians: FilterOption[]; services: FilterOption[] }> {
  const [clinicians, serviceOptions] = await Promise.all([
    db.select({ id: members.id, name: members.displayName }).from(members).where(and(eq(members.practiceId, practiceId), isNotNull(members.joinedAt))).orderBy(asc(members.displayName)),
    db.select({ id: services.id, name: services.name }).from(services).where(and(eq(services.practiceId, practiceId), isNull(services.archivedAt))).orderBy(asc(services.name)),
  ]);
  return { clinicians, services: serviceOptions };
}
