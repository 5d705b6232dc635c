import type { Metadata } from "next";
import { ProgramForm } from "@/components/homework/program-form";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { listExercises } from "@/lib/homework/exercises";

export const metadata: Metadata = { title: "New program" };
export const dynamic = "force-dynamic";

export default async function NewProgramPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "exercises.edit");
  const exercises = await listExercises(scope, {});
  return (
    <>
      <PageHeader title="New program" />
      <ProgramForm slug={slug} programId={null} exercises={exercises} />
    </>
  );
}
