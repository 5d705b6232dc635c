import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/notifications/preferences-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { loadPreferences } from "@/lib/notifications/preferences";
import { BackToSettings } from "@/components/settings/back-to-settings";

export const metadata: Metadata = { title: "Notifications settings" };
export const dynamic = "force-dynamic";

export default async function NotificationSettingsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const defaults = await loadPreferences(scope);
  return (
    <>
      <BackToSettings slug={slug} />
      <PageHeader
        title="Notifications"
        description="Your own choices: what you are told of, by email and under the bell. Emails say only what happened and link here; they never name a client's answers or scores."
      />
      <Card>
        <NotificationPreferencesForm slug={slug} defaults={defaults} />
        <p className="mt-4 text-sm text-muted">
          Safety flags always show under the bell, so a flag reaches a person; you may turn their email off. Messages will have their own line here when secure
          messaging arrives.
        </p>
      </Card>
    </>
  );
}
