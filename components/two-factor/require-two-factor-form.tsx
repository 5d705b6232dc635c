"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { setTwoFactorRequirementAction } from "@/app/(clinic)/clinic/[practice]/settings/team/actions";
import { Button } from "@/components/ui/button";

export function RequireTwoFactorForm({ practiceSlug, required }: { practiceSlug: string; required: boolean }) {
  const router = useRouter();
  const id = useId();
  const [checked, setChecked] = useState(required);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  const [busy, startTransition] = useTransition();
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        startTransition(async () => {
          const result = await setTwoFactorRequirementAction(practiceSlug, { required: checked });
          if (!result.ok) return setError(Object.values(result.errors)[0]?.[0]);
          setError(undefined);
          setSaved(true);
          router.refresh();
        });
      }}
    >
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          className="mt-1 size-5"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setChecked(e.target.checked)}
        />
        <label htmlFor={id}>
          <span className="font-medium">Require two-step sign-in for everyone on the team</span>
          <span className="block text-sm text-muted">Members without one are asked to set it up the next time they open this workspace.</span>
        </label>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="text-sm text-ok">
          Saved.
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={busy}>
        Save
      </Button>
    </form>
  );
}
