import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { waitlistSettings } from "@/db/schema";

/** Without a settings row: first in line, held two hours. */
export const DEFAULT_HOLD_MINUTES = 120;

/** The practice's waitlist terms: who is offered a freed time, and for how long it is held. */
export async function settingsOf(practiceId: string): Promise<{ mode: "first_in_line" | "all_at_once"; holdMinutes: number }> {
  const [row] = await db.select().from(waitlistSettings).where(eq(waitlistSettings.practiceId, practiceId));
  return { mode: row?.mode ?? "first_in_line", holdMinutes: row?.holdMinutes ?? DEFAULT_HOLD_MINUTES };
}
