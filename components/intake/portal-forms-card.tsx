import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import type { ClientFormRow } from "@/lib/intake/respond";

/** The portal home's "forms to do" summary. */
export function PortalFormsCard({ clientId, forms }: { clientId: string; forms: ClientFormRow[] }) {
  const todo = forms.filter((f) => f.status !== "completed");
  if (forms.length === 0) return <EmptyState title="No forms to complete">When your practice sends you a form, you&apos;ll find it here.</EmptyState>;
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Forms to do</h2>
      {todo.length === 0 ? (
        <p className="text-muted">You&apos;re all done. Thank you.</p>
      ) : (
        <ul className="mb-3 space-y-2">
          {todo.map((f) => (
            <li key={f.assignmentId}>
              <Link href={`/portal/${clientId}/forms/${f.assignmentId}`} className="font-medium text-brand underline">
                {f.title}
              </Link>
              {f.status === "started" ? <span className="text-sm text-muted"> (in progress)</span> : null}
            </li>
          ))}
        </ul>
      )}
      <ButtonLink variant="secondary" size="sm" href={`/portal/${clientId}/forms`}>
        All your forms
      </ButtonLink>
    </Card>
  );
}
