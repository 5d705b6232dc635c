import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTimeShort, practiceReader } from "@/lib/dates";
import { listAssignableMembers, listInbox } from "@/lib/messaging/inbox";
import { inboxFilterSchema } from "@/lib/messaging/message-schema";

export const metadata: Metadata = { title: "Messages" };
export const dynamic = "force-dynamic";

const selectClass = "block w-full rounded-md border border-line bg-surface px-3 py-2 text-base text-ink min-h-11";

/** The staff inbox: threads this member may see, with unread counts; filters by clinician, "needs reply" and status (a plain GET form). */
export default async function InboxPage({ params, searchParams }: { params: Promise<{ practice: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const raw = await searchParams;
  const filter = inboxFilterSchema.parse({ clinician: raw.clinician || undefined, needsReply: raw.needsReply || undefined, status: raw.status || undefined });
  const [rows, team] = await Promise.all([listInbox(scope, filter), listAssignableMembers(scope)]);
  const reader = practiceReader(scope.practice);
  return (
    <>
      <PageHeader title="Messages" description="Conversations with clients. Opening one is recorded in the audit log." />
      <Card className="mb-4">
        <form method="get" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end" aria-label="Filter messages">
          <div className="space-y-1">
            <label htmlFor="inbox-clinician" className="text-sm font-medium">
              Clinician
            </label>
            <select id="inbox-clinician" name="clinician" defaultValue={filter.clinician ?? ""} className={selectClass}>
              <option value="">Everyone I can see</option>
              {team.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="inbox-status" className="text-sm font-medium">
              Status
            </label>
            <select id="inbox-status" name="status" defaultValue={filter.status} className={selectClass}>
              <option value="open">Open</option>
              <option value="done">Done</option>
              <option value="all">All</option>
            </select>
          </div>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="needsReply" value="1" defaultChecked={filter.needsReply === "1"} className="size-5" />
            Needs reply
          </label>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </form>
      </Card>
      {rows.length === 0 ? (
        <EmptyState title="No conversations here">Messages from clients you can see appear here.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-line">
            {rows.map((r) => (
              <li key={r.id} className="py-3 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/clinic/${slug}/messages/${r.id}`} className="min-w-0 break-words font-medium text-brand underline underline-offset-2">
                    {r.who}
                  </Link>
                  <Badge>{r.kind === "own" ? "Own thread" : "Shared thread"}</Badge>
                  {r.unread > 0 ? <Badge tone="brand">{r.unread} unread</Badge> : null}
                  {r.needsReply ? <Badge tone="warn">Needs reply</Badge> : null}
                  {r.status === "done" ? <Badge tone="ok">Done</Badge> : null}
                </div>
                <p className="text-sm text-muted">
                  {r.lastMessageAt ? `Last message ${formatDateTimeShort(r.lastMessageAt, reader)}` : ""}
                  {r.assignedName ? ` · Assigned to ${r.assignedName}` : " · Unassigned"}
                </p>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
