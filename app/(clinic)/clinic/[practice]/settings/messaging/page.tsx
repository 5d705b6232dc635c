import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { MessagingSettingsForm, ReplyTemplateForm } from "@/components/messaging/settings-forms";
import { requireMember } from "@/lib/auth/guards";
import { getMessagingSettings, listReplyTemplates } from "@/lib/messaging/settings";

export const metadata: Metadata = { title: "Messaging settings" };
export const dynamic = "force-dynamic";

export default async function MessagingSettingsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "settings.manage");
  const [settings, templates] = await Promise.all([getMessagingSettings(scope.practice.id), listReplyTemplates(scope.practice.id)]);
  return (
    <>
      <p className="mb-2">
        <Link href={`/clinic/${slug}/settings`} className="text-brand underline underline-offset-2">
          Settings
        </Link>
      </p>
      <PageHeader title="Messaging" description="What clients read before they write, who on the team reads threads, and replies you send often." />
      <div className="space-y-4">
        <Card>
          <MessagingSettingsForm slug={slug} defaults={{ crisisText: settings.crisisText ?? "", frontDeskAccess: settings.frontDeskAccess }} />
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">Reply templates</h2>
          <div className="space-y-6">
            {templates.map((t) => (
              <ReplyTemplateForm key={t.id} slug={slug} id={t.id} defaults={{ title: t.title, body: t.body }} />
            ))}
            <ReplyTemplateForm slug={slug} id={null} defaults={{ title: "", body: "" }} />
          </div>
        </Card>
      </div>
    </>
  );
}
