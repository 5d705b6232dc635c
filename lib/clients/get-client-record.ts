import { and, eq, or } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, couples, type Client } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";

export interface ClientRecord {
  client: Client;
  couple: { id: string; partner: Pick<Client, "id" | "firstName" | "lastName" | "preferredName"> } | null;
}

/**
 * One client of the signed-in practice, with their partner. Every staff read
 * is audited. Returns null for an id outside the practice (the page 404s).
 */
export async function getClientRecord(scope: PracticeScope, clientId: string): Promise<ClientRecord | null> {
  if (!isUuid(clientId)) return null;
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, scope.practice.id)));
  if (!client) return null;
  const [couple] = await db
    .select()
    .from(couples)
    .where(and(eq(couples.practiceId, scope.practice.id), or(eq(couples.clientAId, client.id), eq(couples.clientBId, client.id))));
  let partner: ClientRecord["couple"] = null;
  if (couple) {
    const partnerId = couple.clientAId === client.id ? couple.clientBId : couple.clientAId;
    const [p] = await db
      .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, preferredName: clients.preferredName })
      .from(clients)
      .where(and(eq(clients.id, partnerId), eq(clients.practiceId, scope.practice.id)));
    if (p) partner = { id: couple.id, partner: p };
  }
  await recordAudit(byMember(scope, "client.read", { type: "client", id: client.id }));
  return { client, couple: partner };
}
