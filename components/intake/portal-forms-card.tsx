import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDay } from "@/lib/dates";
import type { ClientFormRow } from "@/lib/intake/respond";

/** The portal home's "forms to do" summary: first on the home, since a form is often due before the first session. */
export function PortalFormsCard({ clientId, forms, timeZone }: { clientId: string; forms: ClientFormRow[]; timeZone: string }) {
  const todo = forms.filter((f) => f.status !== "completed");
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Forms to do</h2>
      {forms.length === 0 ? (
        <p className="text-muted">No forms to complete. When your practice sends you a form, you&apos;ll find it here.</p>
      ) : todo.length === 0 ? (
        <p className="text-muted">You&apos;re all done. Thank you.</p>
      ) : (
        <ul className="mb-3 space-y-2" aria-label="Forms to do">
          {todo.map((f) => (
            <li key={f.assignmentId} className="break-words">
              <Link href={`/portal/${clientId}/forms/${f.assignmentId}`} className="font-medium text-brand underline">
                {f.title}
              </Link>
              {f.status === "started" ? <span className="text-sm text-muted"> (in progress)</span> : null}
              {f.dueAt ? <span className="block text-sm text-muted">Please complete by {formatDay(f.dueAt, timeZone)}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {forms.length > 0 ? (
        <ButtonLink variant="secondary" size="sm" href={`/portal/${clientId}/forms`}>
          All your forms
        </ButtonLink>
      ) : null}
    </Card>
  );
}
