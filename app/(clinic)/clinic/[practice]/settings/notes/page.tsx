import type { Metadata } from "next";
import Link from "next/link";
import { NoteSettingsForm } from "@/components/notes/note-settings-form";
import { BackToSettings } from "@/components/settings/back-to-settings";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { loadNoteSettings } from "@/lib/notes/settings";

export const metadata: Metadata = { title: "Session notes" };
export const dynamic = "force-dynamic";

export default async function NoteSettingsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "settings.manage");
  const settings = await loadNoteSettings(scope);
  return (
    <>
      <BackToSettings slug={slug} />
      <PageHeader title="Session notes" description="When a session's note counts as overdue, and whose notes need a supervisor's co-signature." />
      <Card>
        <NoteSettingsForm
          slug={slug}
          clinicians={settings.clinicians.map((c) => ({ memberId: c.memberId, name: c.name, roleLabel: c.roleLabel }))}
          defaults={{
            noteSignHours: String(settings.noteSignHours),
            supervised: settings.clinicians.filter((c) => c.supervised).map((c) => c.memberId),
            supervisors: Object.fromEntries(settings.clinicians.filter((c) => c.supervised).map((c) => [c.memberId, c.supervisorMemberId ?? ""])),
          }}
        />
      </Card>
      <Card className="mt-4">
        <h2 className="mb-2 font-semibold">Templates</h2>
        <p className="text-muted">SOAP, DAP, BIRP, the couples session note, the pelvic PT notes and your own: edit them, add new ones, archive those you do not use.</p>
        <Link href={`/clinic/${slug}/settings/notes/templates`} className="mt-3 inline-block font-medium text-brand underline">
          Edit note templates
        </Link>
      </Card>
    </>
  );
}
