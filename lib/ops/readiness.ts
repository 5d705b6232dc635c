import type { Sql } from "postgres";
import { sql as appSql } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";
import { log } from "@/lib/log/logger";

/** The part of drizzle-kit's journal that says which migrations this build ships. */
export interface MigrationJournal {
  entries: readonly { tag: string; when: number }[];
}

export type Readiness = { ready: true } | { ready: false; reason: "database" | "migrations"; error?: unknown };

/**
 * How long a check may wait for the database. A load balancer's own timeout is
 * usually about 5 s; answering "not ready" before it gives up says more than a
 * dropped connection.
 */
const CHECK_TIMEOUT_MS = 3_000;

/**
 * Whether this instance can serve: the database answers and every migration
 * this build ships (db/migrations/meta/_journal.json, bundled at build time) is
 * applied. drizzle's migrator (db/migrate.ts) records each applied migration in
 * `drizzle.__drizzle_migrations` with `created_at` = the journal entry's
 * `when`, and applies those newer than the last it recorded; so a migration is
 * applied when its `when` is there. The reason is for the log, never the answer.
 */
export async function checkReadiness(options: { sql?: Sql; journal?: MigrationJournal; timeoutMs?: number } = {}): Promise<Readiness> {
  const sql = options.sql ?? appSql;
  const expected = (options.journal ?? journal).entries.map((e) => e.when);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs ?? CHECK_TIMEOUT_MS);
  });
  try {
    const rows = await Promise.race([
      sql<{ createdAt: string }[]>`select created_at::text as "createdAt" from drizzle.__drizzle_migrations`,
      timeout,
    ]);
    if (rows === "timeout") return { ready: false, reason: "database" };
    const applied = new Set(rows.map((r) => Number(r.createdAt)));
    return expected.every((when) => applied.has(when)) ? { ready: true } : { ready: false, reason: "migrations" };
  } catch (error) {
    // No migrations table yet is "migrations"; anything else (refused, auth, TLS) is "database".
    const missingTable = (error as { code?: unknown }).code === "42P01";
    return { ready: false, reason: missingTable ? "migrations" : "database", error };
  } finally {
    clearTimeout(timer);
  }
}

/** The readiness check as the probe route answers it: a status and a body that say nothing more. */
export async function readinessResponse(options?: Parameters<typeof checkReadiness>[0]): Promise<{ status: 200 | 503; body: { status: "ready" | "not ready" } }> {
  const result = await checkReadiness(options);
  if (result.ready) return { status: 200, body: { status: "ready" } };
  // For the operator's log only (an error is logged as its safe text, lib/log/); the answer stays bare.
  log.warn({ scope: "ready", reason: result.reason, ...(result.error ? { err: result.error } : {}) }, `[ready] not ready: ${result.reason}`);
  return { status: 503, body: { status: "not ready" } };
}
