/**
 * A client's name and sign-in email as rows of a `<dl>` (the portal home's
 * details card and the Your details page). minmax(0, 1fr) on the list and
 * min-w-0 here let a long address wrap at 375 px instead of widening the card.
 */
export function IdentityRows({ client }: { client: { firstName: string; lastName: string; email: string | null } }) {
  return (
    <>
      <dt className="text-sm text-muted">Name</dt>
      <dd className="min-w-0 break-words">
        {client.firstName} {client.lastName}
      </dd>
      <dt className="text-sm text-muted">Email</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{client.email ?? "—"}</dd>
    </>
  );
}
