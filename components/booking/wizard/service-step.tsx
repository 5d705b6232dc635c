import { Card } from "@/components/ui/card";
import { CLIENT_ATTENDANCE_LABELS, FORMAT_LABELS, priceLabel } from "@/lib/booking/service-labels";
import type { PublicService } from "@/lib/booking/public-services";


/** Step 1: the practice's published services. */
export function ServiceStep({ services, onChoose }: { services: PublicService[]; onChoose: (service: PublicService) => void }) {
  return (
    <Card>
      <h2 className="mb-3 text-xl font-semibold">Choose a service</h2>
      <ul className="space-y-3">
        {services.map((s) => (
          <li key={s.id}>
            <button type="button" onClick={() => onChoose(s)} className="w-full rounded-lg border border-line bg-surface p-4 text-left hover:border-brand">
              <span className="block font-semibold text-brand">{s.name}</span>
              <span className="block text-sm text-muted">
                {s.durationMinutes} min · {FORMAT_LABELS[s.format]} · {CLIENT_ATTENDANCE_LABELS[s.attendance]}
              </span>
              <span className="block text-sm">{priceLabel(s)}</span>
              {s.description ? <span className="mt-1 block text-sm text-muted">{s.description}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
