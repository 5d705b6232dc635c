"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/form-result";

/** Records that an overdue estimate reached the client on paper or by post (audited). */
export function MarkDeliveredButton({ action, clientName }: { action: () => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>; clientName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        aria-label={`Mark ${clientName}'s estimate delivered by hand or post`}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await action();
          setBusy(false);
          if (!result.ok) setError(Object.values(result.errors)[0]?.[0] ?? "Could not record the delivery");
          else router.refresh();
        }}
      >
        {busy ? "Saving…" : "Delivered by hand or post"}
      </Button>
      {error ? (
        <span role="alert" className="text-sm font-medium text-danger">
          {error}
        </span>
      ) : null}
    </span>
  );
}
