import { notFound } from "next/navigation";
import type { FactorSession } from "@/lib/two-factor/session-factor";
import type { CurrentUser } from "./current-user";
import { requireUser } from "./guards";
import { factorSessionFor } from "./second-factor-guard";

/**
 * The signed-in staff member and their session, for second-factor pages and
 * actions. Clients are never asked for a second factor: to them these pages
 * do not exist.
 */
export async function requireStaffSession(): Promise<{ user: CurrentUser; session: FactorSession }> {
  const user = await requireUser();
  if (!user.isStaff) notFound();
  return { user, session: await factorSessionFor(user) };
}
