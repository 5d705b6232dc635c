import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { proveAddress } from "@/lib/clients/prove-address";

/** The "confirm it's you" token in the latest booking confirmation sent to `email`. */
export async function proofTokenFor(email: string): Promise<string> {
  const [mail] = await db
    .select({ text: emailMessages.text })
    .from(emailMessages)
    .where(and(eq(emailMessages.to, email), eq(emailMessages.template, "booking-confirmation")))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1);
  const match = mail?.text?.match(/\/confirm-email\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no proof link in the confirmation to ${email}`);
  return match[1]!;
}

/** The owner of `email` opens their confirmation and presses "Confirm it's me". */
export async function proveByEmail(email: string, now = new Date()) {
  const result = await proveAddress(await proofTokenFor(email), now);
  if (!result.ok) throw new Error(`proof failed for ${email}: ${result.code}`);
  return result;
}
