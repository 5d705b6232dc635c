import { connection } from "next/server";

// The floor for a page: rendered per request (as every page of the project
// is, for its CSP nonce), no data, no session, a little markup.
export default async function FloorPage() {
  await connection();
  const now = new Date();
  return (
    <main>
      <h1>Floor</h1>
      <p>Rendered at {now.toISOString()}.</p>
      <ul>
        {Array.from({ length: 20 }, (_, i) => (
          <li key={i}>Row {i + 1}</li>
        ))}
      </ul>
    </main>
  );
}
