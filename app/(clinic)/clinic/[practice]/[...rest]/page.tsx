import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/guards";

// An address inside the workspace that matches no page: the workspace's own not-found, inside its
// shell, for members only (anyone else meets the guard first, as on every other page).
export default async function UnknownWorkspacePage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice } = await params;
  await requireMember(practice, "practice.view");
  notFound();
}
