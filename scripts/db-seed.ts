import "./lib/local-tooling";
import { count } from "drizzle-orm";
import { prepareDatabase } from "@/db/boot";
import { db, sql } from "@/db/client";
import { stopEmbeddedPostgres } from "@/db/embedded";
import { clients, couples, locations, members, practices, users } from "@/db/schema";
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from "@/db/seed";

// `npm run db:seed`: start the embedded server if needed, apply migrations,
// and seed the demo practices into an empty database.
await prepareDatabase({ seed: false });

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
