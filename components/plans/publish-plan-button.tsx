"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { publishPlanAction } from "@/app/(clinic)/clinic/[practice]/clients/[clientId]/plan/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** Publishes the saved draft: the client (each partner) can then read and sign it. */
export function PublishPlanButton({ practiceSlug, clientId, planId, replaces }: { practiceSlug: string; clientId: string; planId: string; replaces: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          const result = await publishPlanAction(practiceSlug, clientId, planId);
          setBusy(false);
          if (!result.ok) return setError(Object.values(result.errors)[0]?.[0] ?? "The draft could not be published");
          router.refresh();
        }}
      >
        {replaces ? "Publish the draft (replaces the published version)" : "Publish for the client to sign"}
      </Button>
      <p className="text-sm text-muted">Save your changes first: what is published is the saved draft, and it cannot be changed afterwards.</p>
    </div>
  );
}
