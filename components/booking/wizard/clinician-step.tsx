import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { PublicService } from "@/lib/booking/public-services";

/** Step 2 (only when more than one clinician offers the service): who, or the first available. */
export function ClinicianStep({ service, onChoose, onBack }: { service: PublicService; onChoose: (clinicianId: string) => void; onBack: () => void }) {
  return (
    <Card>
      <h2 className="mb-3 text-xl font-semibold">Who would you like to see?</h2>
      <ul className="space-y-2">
        {[{ id: "any", name: "First available" }, ...service.clinicians].map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => onChoose(c.id)} className="min-h-11 w-full rounded-lg border border-line bg-surface p-3 text-left font-medium hover:border-brand">
              {c.name}
            </button>
          </li>
        ))}
      </ul>
      <Button variant="ghost" className="mt-3" onClick={onBack}>
        Back
      </Button>
    </Card>
  );
}
