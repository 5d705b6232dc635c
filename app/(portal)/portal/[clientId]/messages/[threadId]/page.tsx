import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { ClientComposer } from "@/components/messaging/client-composer";
import { MessageList } from "@/components/messaging/message-list";
import { requireClient } from "@/lib/auth/guards";
import { loadClientThread } from "@/lib/messaging/threads";
import { getMessagingSettings } from "@/lib/messaging/settings";

export const metadata: Metadata = { title: "Conversation" };
export const dynamic = "force-dynamic";

/** One conversation; a thread the client is not in (a partner's own) is a 404 like any unknown id. */
export default async function PortalThreadPage({ params }: { params: Promise<{ clientId: string; threadId: string }> }) {
  const { clientId, threadId } = await params;
  const scope = await requireClient(clientId);
  const loaded = await loadClientThread(scope, threadId, new Date());
  if (!loaded.ok) notFound();
  const settings = await getMessagingSettings(scope.client.practiceId);
  const { thread, messages } = loaded.page;
  const base = `/portal/${clientId}/messages/${thread.id}`;
  return (
    <>
      <p className="mb-2">
        <Link href={`/portal/${clientId}/messages`} className="text-brand underline underline-offset-2">
          All messages
        </Link>
      </p>
      <PageHeader title={thread.title} description={thread.kind === "own" ? "Only you and the practice see this conversation." : "You, your partner and the practice see this conversation."} />
      <div className="space-y-4">
        <Card>
          <MessageList initial={messages} pollUrl={`${base}/updates`} attachmentBase={`${base}/attachments`} reader={{ zone: scope.practice.timeZone, locale: scope.practice.locale }} />
        </Card>
        <Card>
          <ClientComposer clientId={clientId} threadId={thread.id} crisisText={settings.crisisText} />
        </Card>
      </div>
    </>
  );
}
