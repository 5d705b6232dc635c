import type PgBoss from "pg-boss";

/**
 * The running pg-boss instance of this process, if any, without importing
 * the runner (whose job list imports the domain modules that call this).
 * Reads the holder lib/jobs/queue.ts keeps on globalThis.
 */
export function runningBoss(): PgBoss | undefined {
  return (globalThis as unknown as { __tandemJobRunner?: { boss?: PgBoss } }).__tandemJobRunner?.boss;
}
