"use client";

import { ActionButton } from "@/components/ui/action-button";
import type { FieldErrors } from "@/lib/form-result";

/** Records that an overdue estimate reached the client on paper or by post (audited). */
export function MarkDeliveredButton({ action, clientName }: { action: () => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>; clientName: string }) {
  return (
    <ActionButton
      action={action}
      label="Delivered by hand or post"
      busyLabel="Saving…"
      failure="Could not record the delivery"
      ariaLabel={`Mark ${clientName}'s estimate delivered by hand or post`}
    />
  );
}
