/** Shown on a client's pages while a new portal address waits for its owner to confirm it. */
export function PendingEmailNotice({ email }: { email: string }) {
  return (
    <p role="status" className="mb-4 rounded-md border border-warn/30 bg-warn-soft px-3 py-2 text-sm break-words">
      Pending change to <strong>{email}</strong>: the address and the portal sign-in change once that address confirms the emailed link.
    </p>
  );
}
