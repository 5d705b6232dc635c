import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { FeedLinkControls } from "@/components/calendar/feed-link-card";
import { requireClient } from "@/lib/auth/guards";
import { clientFeedLink } from "@/lib/calendar/feeds";
import { makeOwnFeedLinkAction, revokeOwnFeedLinkAction } from "./actions";

export const metadata: Metadata = { title: "Your sessions in your calendar" };
export const dynamic = "force-dynamic";

/** The client's own calendar subscription: only sessions they attend (a partner's own sessions never). */
export default async function OwnCalendarPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const scope = await requireClient(clientId);
  const link = await clientFeedLink(scope);
  return (
    <>
      <p className="mb-2">
        <Link href={`/portal/${scope.client.id}`} className="text-brand underline underline-offset-2">
          Back to your portal
        </Link>
      </p>
      <PageHeader
        title="Your sessions in your calendar"
        description={`Subscribe once and your sessions with ${scope.practiceDisplayName} stay up to date in Google, Apple or Outlook calendar: new ones, moves and cancellations show the next time your calendar app checks.`}
      />
      <Card>
        <p className="mb-3 text-muted">It holds only sessions you attend, including couple sessions. Each one can also be added on its own from your portal.</p>
        <FeedLinkControls
          url={link?.url ?? null}
          make={makeOwnFeedLinkAction.bind(null, scope.client.id)}
          revoke={revokeOwnFeedLinkAction.bind(null, scope.client.id)}
          who={`when your sessions with ${scope.practiceDisplayName} are`}
        />
      </Card>
    </>
  );
}
