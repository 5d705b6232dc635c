import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { SetupChecklist } from "@/lib/setup/checklist";
import { SetupProgress } from "./setup-progress";

/**
 * The clinic home's setup card (a server component): progress and the way
 * back into the guided setup. Give it `loadSetupChecklist(practice.id)` and
 * show it to owners and admins (`settings.manage`); it renders nothing once
 * the checklist is complete, so the home can place it unconditionally.
 */
export function SetupCard({ checklist }: { checklist: SetupChecklist }) {
  if (checklist.complete) return null;
  const slug = checklist.practiceSlug;
  const next = checklist.steps.find((s) => s.id === checklist.next);
  return (
    <Card className="border-brand/40">
      <h2 className="text-lg font-semibold">Set up your practice</h2>
      <p className="mt-1 text-muted">
        {next ? (
          <>
            Next: <span className="font-medium text-ink">{next.title}</span>. Each step is one screen; skip any and come back later.
          </>
        ) : (
          "Each step is one screen; skip any and come back later."
        )}
      </p>
      <div className="mt-3">
        <SetupProgress checklist={checklist} id="setup-card-progress" />
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        {next ? <ButtonLink href={`/clinic/${slug}/setup/${next.id}`}>Continue setup</ButtonLink> : null}
        <ButtonLink href={`/clinic/${slug}/setup`} variant="secondary">
          Open the checklist
        </ButtonLink>
      </div>
    </Card>
  );
}
