import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { AttendeeFormStatus } from "@/lib/intake/staff-forms";

/** On an appointment: whether each attendee has completed the service's required forms. */
export function AttendeeForms({ slug, status }: { slug: string; status: AttendeeFormStatus[] }) {
  return (
    <ul className="space-y-1">
      {status.map((s) => (
        <li key={s.clientId} className="flex flex-wrap items-center gap-2">
          <Link href={`/clinic/${slug}/clients/${s.clientId}`} className="text-brand underline underline-offset-2">
            {s.name}
          </Link>
          {s.completed >= s.required ? (
            <Badge tone="ok">Forms complete</Badge>
          ) : (
            <Badge tone="warn">
              {s.completed} of {s.required} forms complete
            </Badge>
          )}
        </li>
      ))}
    </ul>
  );
}
