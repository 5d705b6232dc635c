import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignForm } from "@/components/homework/assign-form";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { getClientRecord } from "@/lib/clients/get-client-record";
import { todayIn } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { pickDosage } from "@/lib/homework/dosage";
import { listExercises } from "@/lib/homework/exercises";
import { listPrograms } from "@/lib/homework/programs";

export const metadata: Metadata = { title: "Assign homework" };
export const dynamic = "force-dynamic";

export default async function AssignPage({ params, searchParams }: { params: Promise<{ practice: string }>; searchParams: Promise<{ client?: string; subject?: string; note?: string; appointment?: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "homework.assign");
  const { client: clientId = "", subject, note, appointment } = await searchParams;
  // From a session note: the note is recorded on the assignment (assignHomework checks it is this client's),
  // and the form returns to the session (or the note). Paths are built from ids only, never taken from the query.
  const noteId = note && isUuid(note) ? note : undefined;
  const returnTo = noteId ? (appointment && isUuid(appointment) ? `/clinic/${slug}/schedule/${appointment}` : `/clinic/${slug}/notes/${noteId}`) : undefined;
  const record = await getClientRecord(scope, clientId);
  if (!record) notFound();
  const { client, couple } = record;
  const [programs, exercises] = await Promise.all([listPrograms(scope), listExercises(scope, {})]);
  const assignees = [{ value: `client:${client.id}`, label: `${client.firstName} ${client.lastName} on their own` }];
  if (couple) assignees.push({ value: `couple:${couple.id}`, label: `${client.firstName} ${client.lastName} and ${couple.partner.firstName} ${couple.partner.lastName} (couple)` });
  return (
    <>
      <PageHeader title="Assign homework" description={`${client.firstName} ${client.lastName}${noteId ? " · from the session note" : ""}`} />
      <AssignForm
        slug={slug}
        clientId={client.id}
        assignees={assignees}
        programs={programs.map((p) => ({ value: `program:${p.id}`, label: `${p.title} (${p.weeks} weeks)`, weeks: p.weeks }))}
        exercises={exercises.map((e) => ({ value: `exercise:${e.id}`, label: e.title, frequencyPerWeek: e.frequencyPerWeek, dosage: pickDosage(e) }))}
        today={todayIn(scope.practice.timeZone, new Date())}
        defaultSubject={subject}
        noteId={noteId}
        returnTo={returnTo}
      />
    </>
  );
}
