import "server-only";
import { listMemberships, listOwnClientRecords } from "@/lib/auth/guards";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { HeaderAccount } from "./public-header";

/** Who is signed in and where their own pages are: a client's portal, a member's workspace. */
export async function headerAccount(user: CurrentUser | null): Promise<HeaderAccount | null> {
  if (!user) return null;
  const name = user.name?.trim() || user.email;
  if ((await listOwnClientRecords(user.id)).length > 0) return { name, href: "/portal", label: "Your portal" };
  if ((await listMemberships(user.id)).length > 0) return { name, href: "/after-sign-in", label: "Your workspace" };
  return { name, href: "/after-sign-in", label: "Your account" };
}
