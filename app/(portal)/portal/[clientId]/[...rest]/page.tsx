import { notFound } from "next/navigation";
import { requireClient } from "@/lib/auth/guards";

// An address inside a client's portal that matches no page: the portal's own not-found, for the
// client whose portal it is (anyone else meets the guard first, as on every other page).
export default async function UnknownPortalPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  await requireClient(clientId);
  notFound();
}
