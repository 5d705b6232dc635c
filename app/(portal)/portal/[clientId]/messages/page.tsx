import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { MessagePreferenceForm } from "@/components/messaging/preference-form";
import { requireClient } from "@/lib/auth/guards";
import { formatDateTimeShort } from "@/lib/dates/format";
import { getMessagePreference } from "@/lib/messaging/settings";
import { listClientThreads } from "@/lib/messaging/threads";

export const metadata: Metadata = { title: "Messages" };
export const dynamic = "force-dynamic";

/** The client's conversations with the practice: their own, and the one shared with their partner. */
export default async function PortalMessagesPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const scope = await requireClient(clientId);
  const [list, mode] = await Promise.all([listClientThreads(scope), getMessagePreference(scope.client)]);
  const reader = { zone: scope.practice.timeZone, locale: scope.practice.locale };
  return (
    <>
      <p className="mb-2">
        <Link href={`/portal/${clientId}`} className="text-brand underline underline-offset-2">
          Back to your portal
        </Link>
      </p>
      <PageHeader title="Messages" description={`Write to your care team at ${scope.practiceDisplayName}.`} />
      <div className="space-y-4">
        <Card>
          <ul className="divide-y divide-line">
            {list.map((t) => (
              <li key={t.id} className="py-3 first:pt-0 last:pb-0">
                <Link href={`/portal/${clientId}/messages/${t.id}`} className="font-medium text-brand underline underline-offset-2">
                  {t.title}
                </Link>{" "}
                {t.unread > 0 ? <Badge tone="brand">{t.unread} new</Badge> : null}
                <p className="text-sm text-muted">
                  {t.kind === "own" ? "Only you and the practice see this." : "You, your partner and the practice see this."}
                  {t.lastMessageAt ? ` Last message ${formatDateTimeShort(t.lastMessageAt, reader)}.` : " No messages yet."}
                </p>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Emails about new messages</h2>
          <MessagePreferenceForm clientId={clientId} mode={mode} />
        </Card>
      </div>
    </>
  );
}
