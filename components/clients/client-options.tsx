/** The options of a staff form's "Client" select: a blank "Choose a client", then each client by name. */
export function ClientOptions({ clients }: { clients: readonly { id: string; name: string }[] }) {
  return (
    <>
      <option value="">Choose a client</option>
      {clients.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}
