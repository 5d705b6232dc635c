import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTime, practiceReader } from "@/lib/dates/format";
import { listNotices } from "@/lib/notifications/inbox";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const items = await listNotices(scope);
  const unread = items.filter((i) => !i.read).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          <>
            New, moved and cancelled bookings, completed forms, safety flags and failed payments, newest first.{" "}
            <Link href={`/clinic/${slug}/settings/notifications`} className="text-brand underline underline-offset-2">
              Choose what you hear about
            </Link>
          </>
        }
        actions={unread > 0 ? <MarkAllReadButton slug={slug} /> : undefined}
      />
      {items.length === 0 ? (
        <EmptyState title="Nothing yet">When a client books, reschedules, cancels or completes a form, it shows here.</EmptyState>
      ) : (
        <Card className="p-0">
          <ul className="divide-y divide-line">
            {items.map((item) => (
              <li key={item.id}>
                <a href={`/clinic/${slug}/notifications/${item.id}`} className="block px-4 py-3 hover:bg-canvas focus-visible:outline-2">
                  <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span className={item.read ? "" : "font-semibold"}>
                      {item.read ? null : <span className="sr-only">Unread: </span>}
                      {item.title}
                    </span>
                    <span className="text-sm text-muted">{formatDateTime(item.createdAt, practiceReader(scope.practice))}</span>
                  </span>
                  {item.detail ? <span className="block text-sm text-muted">{item.detail}</span> : null}
                </a>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
