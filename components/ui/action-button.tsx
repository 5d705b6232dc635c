"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/form-result";

/**
 * One click that runs a bound server action, says it is busy, shows the
 * action's first error beside the button, and refreshes the page on success.
 */
export function ActionButton({
  action,
  label,
  busyLabel,
  failure,
  ariaLabel,
}: {
  action: () => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>;
  label: string;
  busyLabel: string;
  /** Shown when the action fails without a message of its own. */
  failure: string;
  ariaLabel?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        aria-label={ariaLabel}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await action();
          setBusy(false);
          if (!result.ok) setError(Object.values(result.errors)[0]?.[0] ?? failure);
          else router.refresh();
        }}
      >
        {busy ? busyLabel : label}
      </Button>
      {error ? (
        <span role="alert" className="text-sm font-medium text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
