import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ExerciseForm } from "@/components/homework/exercise-form";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { dosageFormValues } from "@/lib/homework/dosage";
import { getExercise } from "@/lib/homework/exercises";

export const metadata: Metadata = { title: "Edit exercise" };
export const dynamic = "force-dynamic";

export default async function EditExercisePage({ params }: { params: Promise<{ practice: string; exerciseId: string }> }) {
  const { practice: slug, exerciseId } = await params;
  const scope = await requireMember(slug, "exercises.edit");
  const exercise = await getExercise(scope, exerciseId);
  if (!exercise) notFound();
  // The library is read-only: its page offers "Duplicate to adapt" instead.
  if (!exercise.practiceId) redirect(`/clinic/${slug}/homework/exercises/${exercise.id}`);
  return (
    <>
      <PageHeader title={`Edit: ${exercise.title}`} />
      <ExerciseForm
        slug={slug}
        exerciseId={exercise.id}
        defaults={{
          title: exercise.title,
          summary: exercise.summary,
          instructions: exercise.instructions,
          category: exercise.category,
          tags: exercise.tags.join(", "),
          participants: exercise.participants,
          frequencyPerWeek: exercise.frequencyPerWeek,
          minutes: exercise.minutes,
          ...dosageFormValues(exercise),
          prompts: exercise.prompts,
          clinicianNotes: exercise.clinicianNotes ?? "",
        }}
      />
    </>
  );
}
