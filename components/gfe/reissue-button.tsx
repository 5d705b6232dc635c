"use client";

import { ActionButton } from "@/components/ui/action-button";
import type { FieldErrors } from "@/lib/form-result";

/** Re-issue at today's prices with the same number of weeks: a new version, the old one kept. */
export function ReissueButton({ action }: { action: () => Promise<{ ok: true } | { ok: false; errors: FieldErrors }> }) {
  return <ActionButton action={action} label="Re-issue at current prices" busyLabel="Re-issuing…" failure="Could not re-issue" />;
}
