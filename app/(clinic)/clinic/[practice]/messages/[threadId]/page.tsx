import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { MessageList } from "@/components/messaging/message-list";
import { StaffComposer, ThreadControls } from "@/components/messaging/staff-thread-controls";
import { requireMember } from "@/lib/auth/guards";
import { practiceReader } from "@/lib/dates";
import { listAssignableMembers, loadStaffThread } from "@/lib/messaging/inbox";
import { getMessagingSettings, listReplyTemplates } from "@/lib/messaging/settings";

export const metadata: Metadata = { title: "Conversation" };
export const dynamic = "force-dynamic";

/** One thread for a member who may see it (the read is audited); others get a 404. */
export default async function StaffThreadPage({ params }: { params: Promise<{ practice: string; threadId: string }> }) {
  const { practice: slug, threadId } = await params;
  const scope = await requireMember(slug, "practice.view");
  const loaded = await loadStaffThread(scope, threadId, new Date());
  if (!loaded.ok) notFound();
  const [team, templates, settings] = await Promise.all([listAssignableMembers(scope), listReplyTemplates(scope.practice.id), getMessagingSettings(scope.practice.id)]);
  const { thread, messages } = loaded.page;
  const base = `/clinic/${slug}/messages/${thread.id}`;
  const reader = practiceReader(scope.practice);
  return (
    <>
      <p className="mb-2">
        <Link href={`/clinic/${slug}/messages`} className="text-brand underline underline-offset-2">
          All messages
        </Link>
      </p>
      <PageHeader
        title={thread.who}
        description={
          <span className="flex flex-wrap gap-2">
            <Badge>{thread.kind === "own" ? "Own thread: this client and the care team; their partner never sees it" : "Shared thread: both partners and the care team"}</Badge>
            {thread.status === "done" ? <Badge tone="ok">Done</Badge> : null}
          </span>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-4">
          <Card>
            <MessageList initial={messages} pollUrl={`${base}/updates`} attachmentBase={`${base}/attachments`} reader={{ zone: reader.zone, locale: reader.locale ?? "en-US" }} />
          </Card>
          <Card>
            <StaffComposer slug={slug} threadId={thread.id} crisisText={settings.crisisText} templates={templates} />
          </Card>
        </div>
        <Card className="h-fit">
          <ThreadControls slug={slug} threadId={thread.id} status={thread.status} assignedMemberId={thread.assignedMemberId} team={team.map((m) => ({ id: m.id, name: m.displayName }))} />
          <ul className="mt-4 space-y-1 text-sm">
            {thread.clientIds.map((id) => (
              <li key={id}>
                <Link href={`/clinic/${slug}/clients/${id}`} className="text-brand underline underline-offset-2">
                  {thread.clientIds.length > 1 ? "Open a partner's record" : "Open the client's record"}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
