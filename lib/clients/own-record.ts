import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { clients } from "@/db/schema";

/**
 * The signed-in user's own client record at a practice: verified, active,
 * with an address. Public flows (booking, event sign-up) use it so that a
 * portal session books as that client, never as whoever was typed.
 */
export async function ownClientRecord(practiceId: string, userId: string): Promise<{ id: string; email: string } | null> {
  const [row] = await db
    .select({ id: clients.id, email: clients.email })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.userId, userId), isNull(clients.unverifiedSince), eq(clients.status, "active")));
  return row && row.email ? { id: row.id, email: row.email } : null;
}
