import "./lib/local-tooling";
import { count } from "drizzle-orm";
import { decideLocalPorts } from "@/lib/local-ports/decide";
import { exitOnStartError } from "@/lib/start-error";

// `npm run db:seed`: start the embedded server if needed, apply migrations,
// and seed the demo practices into an empty database.
// Ports before anything reads lib/env: the same ones as this checkout's app server.
await decideLocalPorts();
const { prepareDatabase } = await import("@/db/boot");
const { db, sql } = await import("@/db/client");
const { stopEmbeddedPostgres } = await import("@/db/embedded");
const { clients, couples, locations, members, practices, users } = await import("@/db/schema");
const { DEMO_ACCOUNTS, seedDemoIfEmpty } = await import("@/db/seed");
await prepareDatabase({ seed: false }).catch((error: unknown) => exitOnStartError(error, "db"));

if (await seedDemoIfEmpty()) {
  console.log("[db] seeded the demo practices");
} else {
  console.log("[db] demo data already exists (the practices table is not empty); nothing seeded");
}

const tables = { practices, locations, users, members, clients, couples };
const counts: Record<string, number> = {};
for (const [name, table] of Object.entries(tables)) {
  const [row] = await db.select({ n: count() }).from(table);
  counts[name] = row?.n ?? 0;
}
console.log(`[db] rows: ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(", ")}`);

console.log("\nDemo accounts:");
console.table(DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name, practice: a.practiceSlug, kind: a.kind, label: a.label })));

await sql.end({ timeout: 5 });
await stopEmbeddedPostgres();
process.exit(0);
