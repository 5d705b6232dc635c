import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Applies committed migrations. An advisory lock makes concurrent starts
 * (several app instances, a worker) take turns instead of colliding.
 */
export async function runMigrations(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(727272)`;
    await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS_FOLDER });
    await sql`select pg_advisory_unlock(727272)`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
