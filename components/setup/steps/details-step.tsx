import type { PracticeScope } from "@/lib/auth/guards";
import { loadPracticeDetails } from "@/lib/setup/save-details";
import { PracticeDetailsForm } from "../practice-details-form";

export async function DetailsStep({ scope, nextHref }: { scope: PracticeScope; nextHref: string }) {
  const { values, hasLocation } = await loadPracticeDetails(scope);
  return (
    <PracticeDetailsForm practiceSlug={scope.practice.slug} country={scope.practice.country} defaults={values} hasLocation={hasLocation} nextHref={nextHref} />
  );
}
