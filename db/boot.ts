import { env } from "@/lib/env";
import { EMBEDDED_DATABASE, databaseUrl, directDatabaseUrl } from "./client";
import { embeddedDatabaseDir, ensureEmbeddedPostgres } from "./embedded";
import { runMigrations } from "./migrate";

/**
 * Gets a database ready to use: starts the embedded server when there is no
 * DATABASE_URL, applies migrations, and seeds the demo practices into an
 * empty database (SEED_DEMO=auto).
 */
export async function prepareDatabase(options: { seed?: boolean; quiet?: boolean } = {}): Promise<string> {
  const log = options.quiet ? () => {} : (m: string) => console.log(`[db] ${m}`);
  if (!env.DATABASE_URL) {
    log(`starting embedded PostgreSQL (${embeddedDatabaseDir(env.DATA_DIR)}, port ${env.EMBEDDED_PG_PORT})`);
    await ensureEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, database: EMBEDDED_DATABASE, portVariable: "EMBEDDED_PG_PORT" });
  }
  const url = databaseUrl();
  // Migrations hold a session advisory lock: a direct connection when DATABASE_URL is a transaction pooler.
  await runMigrations(directDatabaseUrl());
  log("migrations applied");
  // The shared homework library ships with the code: bring it up to date on every start.
  const { syncHomeworkLibrary } = await import("@/lib/homework/library/sync");
  await syncHomeworkLibrary();
  if ((options.seed ?? true) && env.SEED_DEMO === "auto") {
    const { seedDemoIfEmpty } = await import("./seed");
    if (await seedDemoIfEmpty()) log("seeded the demo practices");
  }
  return url;
}
