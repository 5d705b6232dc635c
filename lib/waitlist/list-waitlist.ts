import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, members, services, waitlistEntries, waitlistOffers } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";

/** The staff waitlist: live entries in line order, then the rest, each with its offers (names, times and outcomes only). */
export async function listWaitlist(scope: PracticeScope) {
  const practiceId = scope.practice.id;
  const entries = await db
    .select({ entry: waitlistEntries, serviceName: services.name, firstName: clients.firstName, lastName: clients.lastName, clinicianName: members.displayName })
    .from(waitlistEntries)
    .innerJoin(services, and(eq(services.id, waitlistEntries.serviceId), eq(services.practiceId, practiceId)))
    .innerJoin(clients, and(eq(clients.id, waitlistEntries.clientId), eq(clients.practiceId, practiceId)))
    .leftJoin(members, and(eq(members.id, waitlistEntries.memberId), eq(members.practiceId, practiceId)))
    .where(eq(waitlistEntries.practiceId, practiceId))
    .orderBy(waitlistEntries.createdAt, waitlistEntries.id)
    .limit(500);
  const offers = entries.length
    ? await db.select().from(waitlistOffers).where(and(eq(waitlistOffers.practiceId, practiceId), inArray(waitlistOffers.entryId, entries.map((e) => e.entry.id)))).orderBy(desc(waitlistOffers.createdAt))
    : [];
  const live = (s: string) => s === "waiting" || s === "offered";
  return [...entries.filter((e) => live(e.entry.status)), ...entries.filter((e) => !live(e.entry.status))].map((e) => ({
    ...e,
    couple: e.entry.coupleId !== null,
    offers: offers.filter((o) => o.entryId === e.entry.id),
  }));
}
