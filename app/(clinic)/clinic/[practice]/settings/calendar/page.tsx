import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { BackToSettings } from "@/components/settings/back-to-settings";
import { FeedLinkControls } from "@/components/calendar/feed-link-card";
import { FeedSummaryForm } from "@/components/calendar/feed-summary-form";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { loadFeedSummary, memberFeedLink } from "@/lib/calendar/feeds";
import { makeFeedLinkAction, revokeFeedLinkAction } from "./actions";

export const metadata: Metadata = { title: "Calendar feed" };
export const dynamic = "force-dynamic";

export default async function CalendarSettingsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const takesSessions = can(scope.role, "sessions.take");
  const manages = can(scope.role, "settings.manage");
  const [link, summary] = await Promise.all([takesSessions ? memberFeedLink(scope) : null, loadFeedSummary(scope.practice.id)]);
  return (
    <>
      <BackToSettings slug={slug} />
      <PageHeader
        title="Calendar feed"
        description="Your sessions in Google, Apple or Outlook calendar, kept up to date: new bookings, moves and cancellations show the next time your calendar app checks the address (Google Calendar can take several hours)."
      />
      <div className="space-y-4">
        {takesSessions ? (
          <Card>
            <h2 className="mb-1 text-lg font-semibold">Your calendar address</h2>
            <p className="mb-3 text-muted">
              Subscribe to it once. It carries your sessions from 90 days ago to 18 months ahead, with no client names and nothing clinical
              {summary === "initials" ? " (the clients' initials only)" : ""}.
            </p>
            <FeedLinkControls url={link?.url ?? null} make={makeFeedLinkAction.bind(null, slug)} revoke={revokeFeedLinkAction.bind(null, slug)} who="when your sessions are" />
          </Card>
        ) : (
          <Card>
            <p>Calendar feeds are for members who take sessions.</p>
          </Card>
        )}
        <Card>
          <h2 className="mb-1 text-lg font-semibold">What calendars show</h2>
          {manages ? (
            <FeedSummaryForm slug={slug} defaults={{ feedSummary: summary }} />
          ) : (
            <p>{summary === "initials" ? "Each session reads “Session” with the clients' initials." : "Each session reads “Session”."} Owners and admins can change it.</p>
          )}
        </Card>
      </div>
    </>
  );
}
