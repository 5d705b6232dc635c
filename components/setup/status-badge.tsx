import { Badge } from "@/components/ui/card";
import type { SetupStatus } from "@/lib/setup/checklist";

const LABELS: Record<SetupStatus, string> = { done: "Done", skipped: "Skipped", todo: "To do" };
const TONES = { done: "ok", skipped: "warn", todo: "neutral" } as const;

export function SetupStatusBadge({ status }: { status: SetupStatus }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
