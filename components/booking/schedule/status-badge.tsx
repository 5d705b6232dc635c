import type { AppointmentStatus } from "@/db/schema";
import { Badge } from "@/components/ui/card";
import { STATUS_LABELS } from "@/lib/booking/lifecycle/transitions";

const TONES: Record<AppointmentStatus, "neutral" | "brand" | "warn" | "ok"> = {
  held: "warn",
  pending_payment: "warn",
  confirmed: "ok",
  completed: "brand",
  cancelled: "neutral",
  late_cancelled: "warn",
  no_show: "warn",
  expired: "neutral",
};

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
