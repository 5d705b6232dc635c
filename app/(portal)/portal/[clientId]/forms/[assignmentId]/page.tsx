import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormFiller } from "@/components/intake/form-filler";
import { ResponseView } from "@/components/intake/response-view";
import { Card, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { formatDateTimeMedium, practiceReader, todayIn } from "@/lib/dates";
import { openAssignment } from "@/lib/intake/respond";

export const metadata: Metadata = { title: "Form" };
export const dynamic = "force-dynamic";

export default async function PortalFormPage({ params }: { params: Promise<{ clientId: string; assignmentId: string }> }) {
  const { clientId, assignmentId } = await params;
  const { client, practice } = await requireClient(clientId);
  // Only this client's own assignment; a partner's id (or any other) is a 404.
  const open = await openAssignment({ id: client.id, practiceId: client.practiceId }, assignmentId);
  if (!open) notFound();
  const { version, response, template } = open;
  const definition = version.definition;
  const back = (
    <p className="mb-4">
      <Link href={`/portal/${client.id}/forms`} className="text-brand underline">
        All your forms
      </Link>
    </p>
  );
  if (response?.status === "submitted") {
    const when = formatDateTimeMedium(response.submittedAt!, practiceReader(practice));
    return (
      <>
        <PageHeader title={template.title} description={`Submitted ${when}. Thank you.`} />
        {back}
        <Card>
          <ResponseView definition={definition} answers={response.answers} audience="client" />
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title={template.title} description={definition.description} />
      {back}
      <Card>
        <FormFiller
          clientId={client.id}
          assignmentId={open.assignment.id}
          versionId={version.id}
          definition={definition}
          initialAnswers={response?.answers ?? {}}
          today={todayIn(practice.timeZone, new Date())}
        />
      </Card>
    </>
  );
}
