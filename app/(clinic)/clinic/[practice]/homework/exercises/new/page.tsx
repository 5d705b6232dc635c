import type { Metadata } from "next";
import { ExerciseForm } from "@/components/homework/exercise-form";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New exercise" };
export const dynamic = "force-dynamic";

export default async function NewExercisePage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  await requireMember(slug, "exercises.edit");
  return (
    <>
      <PageHeader title="New exercise" />
      <ExerciseForm slug={slug} exerciseId={null} />
    </>
  );
}
