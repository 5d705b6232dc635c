import { redirect } from "next/navigation";
import { listMemberships, listOwnClientRecords, requireUser } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

/** Staff land in their workspace, clients in their portal. */
export default async function AfterSignInPage() {
  const user = await requireUser();
  const memberships = await listMemberships(user.id);
  if (memberships.length === 1) redirect(`/clinic/${memberships[0]!.slug}`);
  if (memberships.length > 1) redirect("/clinic");
  const records = await listOwnClientRecords(user.id);
  if (records.length > 0) redirect("/portal");
  redirect("/sign-in/error?error=AccessDenied");
}
