import { desc } from "drizzle-orm";
import { db } from "@/db/client";
import { emailMessages, type EmailMessage } from "@/db/schema";

/** The newest mail the app recorded, for the development outbox page. */
export async function listOutbox(limit = 50): Promise<EmailMessage[]> {
  return db.select().from(emailMessages).orderBy(desc(emailMessages.createdAt)).limit(limit);
}
