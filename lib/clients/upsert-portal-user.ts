import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";

/** The user account for an email address, created if new (for portal access). */
export async function upsertUserByEmail(tx: DbOrTx, email: string, name: string): Promise<string> {
  await tx.insert(users).values({ email, name }).onConflictDoNothing({ target: users.email });
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error("user upsert failed");
  return row.id;
}
