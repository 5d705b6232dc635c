import { notFound, redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/guards";
import { isUuid } from "@/lib/ids";
import { openNotice } from "@/lib/notifications/inbox";

export const dynamic = "force-dynamic";

/** Opening a notice (from the list or its email) marks it read and goes to what it is about. Only the member's own. */
export async function GET(_request: Request, { params }: { params: Promise<{ practice: string; noticeId: string }> }) {
  const { practice: slug, noticeId } = await params;
  const scope = await requireMember(slug, "practice.view");
  if (!isUuid(noticeId)) notFound();
  const target = await openNotice(scope, noticeId, new Date());
  if (!target) notFound();
  redirect(target);
}
