"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/form-result";

/** Re-issue at today's prices with the same number of weeks: a new version, the old one kept. */
export function ReissueButton({ action }: { action: () => Promise<{ ok: true } | { ok: false; errors: FieldErrors }> }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await action();
          setBusy(false);
          if (!result.ok) setError(Object.values(result.errors)[0]?.[0] ?? "Could not re-issue");
          else router.refresh();
        }}
      >
        {busy ? "Re-issuing…" : "Re-issue at current prices"}
      </Button>
      {error ? (
        <span role="alert" className="text-sm font-medium text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
