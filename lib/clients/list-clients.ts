import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { clients, couples } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";

export const CLIENTS_PAGE_SIZE = 50;

export interface ClientListRow {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  email: string | null;
  status: "active" | "archived";
  hasPortal: boolean;
  /** Made by a public booking from an address its owner has not confirmed yet (decision 0012). */
  unverified: boolean;
  partner: { id: string; firstName: string; lastName: string } | null;
}

/**
 * The practice's clients, searched by name or email, with each one's partner,
 * in one query (the partner is a join, not a query per row).
 */
export async function listClients(
  scope: Pick<PracticeScope, "practice">,
  options: { q?: string; page?: number } = {},
): Promise<{ rows: ClientListRow[]; hasMore: boolean }> {
  const partner = alias(clients, "partner");
  const asA = alias(couples, "as_a");
  const asB = alias(couples, "as_b");
  const q = options.q?.trim().slice(0, 100);
  const page = Math.max(1, options.page ?? 1);
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .select({
      id: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
      email: clients.email,
      status: clients.status,
      hasPortal: sql<boolean>`${clients.userId} is not null`,
      unverified: sql<boolean>`${clients.unverifiedSince} is not null`,
      partnerId: partner.id,
      partnerFirstName: partner.firstName,
      partnerLastName: partner.lastName,
    })
    .from(clients)
    // Two index-backed joins (a client is A or B in at most one couple) rather
    // than one OR join, which the planner can only run as a scan per row.
    .leftJoin(asA, eq(asA.clientAId, clients.id))
    .leftJoin(asB, eq(asB.clientBId, clients.id))
    .leftJoin(partner, eq(partner.id, sql`coalesce(${asA.clientBId}, ${asB.clientAId})`))
    .where(
      and(
        eq(clients.practiceId, scope.practice.id),
        pattern
          ? or(
              ilike(sql`${clients.firstName} || ' ' || ${clients.lastName}`, pattern),
              ilike(clients.preferredName, pattern),
              ilike(clients.email, pattern),
            )
          : undefined,
      ),
    )
    .orderBy(asc(clients.lastName), asc(clients.firstName), asc(clients.id))
    .limit(CLIENTS_PAGE_SIZE + 1)
    .offset((page - 1) * CLIENTS_PAGE_SIZE);
  return {
    hasMore: rows.length > CLIENTS_PAGE_SIZE,
    rows: rows.slice(0, CLIENTS_PAGE_SIZE).map((r) => ({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      preferredName: r.preferredName,
      email: r.email,
      status: r.status,
      hasPortal: r.hasPortal,
      unverified: r.unverified,
      partner: r.partnerId ? { id: r.partnerId, firstName: r.partnerFirstName!, lastName: r.partnerLastName! } : null,
    })),
  };
}

/** Active clients of the practice who are not in a couple (partner choices). */
export async function listCoupleCandidates(scope: Pick<PracticeScope, "practice">, excludeClientId: string) {
  return db
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(
      and(
        eq(clients.practiceId, scope.practice.id),
        eq(clients.status, "active"),
        sql`${clients.id} <> ${excludeClientId}`,
        sql`not exists (select 1 from couples c where c.client_a_id = ${clients.id} or c.client_b_id = ${clients.id})`,
      ),
    )
    .orderBy(asc(clients.lastName), asc(clients.firstName));
}
