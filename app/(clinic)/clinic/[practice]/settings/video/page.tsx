import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { VideoPatternForm, VideoRoomForm } from "@/components/video/video-settings-forms";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { loadVideoSettings } from "@/lib/video/settings";
import { BackToSettings } from "@/components/settings/back-to-settings";

export const metadata: Metadata = { title: "Video sessions" };
export const dynamic = "force-dynamic";

export default async function VideoSettingsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const settings = await loadVideoSettings(scope);
  const manages = can(scope.role, "settings.manage");
  const takesSessions = can(scope.role, "sessions.take");
  return (
    <>
      <BackToSettings slug={slug} />
      <PageHeader
        title="Video sessions"
        description="Each online session carries a join link: in its emails and calendar file, on the client's manage page and in their portal from 15 minutes before the start."
      />
      <div className="space-y-4">
        <Card>
          <h2 className="mb-1 text-lg font-semibold">A room per session</h2>
          <p className="mb-3 text-muted">
            If your video provider makes a room from its address, give the address with <code>{"{appointment}"}</code> where each session&apos;s own code goes. Every online
            session booked or rescheduled from then on gets its own room; partners in a couple session share it. Leave it empty to use each clinician&apos;s own room.
          </p>
          {manages ? (
            <VideoPatternForm slug={slug} defaults={{ pattern: settings.pattern ?? "" }} />
          ) : (
            <p>{settings.pattern ? `Set: ${settings.pattern}` : "Not set: sessions use each clinician's own room."} Owners and admins can change it.</p>
          )}
        </Card>
        {takesSessions ? (
          <Card>
            <h2 className="mb-1 text-lg font-semibold">Your own room</h2>
            <p className="mb-3 text-muted">The standing room your online sessions use when the practice sets no room per session.</p>
            <VideoRoomForm slug={slug} defaults={{ room: settings.ownRoom ?? "" }} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
