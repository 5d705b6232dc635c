import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { embeddedUrl, ensureEmbeddedPostgres, stopEmbeddedPostgres } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { isPlainStartError } from "@/lib/start-error";
import { TEMPLATE_DATABASE, WORKER_DATABASE_PREFIX, quoteIdent, withDatabase } from "./context";

/**
 * Once per `vitest` run, in the main process:
 *
 * 1. Finds the PostgreSQL server: `DATABASE_URL` when set, otherwise an
 *    embedded throwaway cluster for `.data/test` on port 54349 (fsync off;
 *    as root the cluster itself lives under /var/lib/tandem, see db/embedded.ts).
 * 2. Builds `tandem_template` from scratch and applies the migrations to it.
 * 3. Provides the server's admin URL to the workers; each copies the template
 *    into its own database (tests/setup/worker-db.ts).
 *
 * Two runs must not share the server at once (they reuse the same database
 * names, and the run that started the embedded server stops it when it ends),
 * so a run waits for the previous one: the embedded case holds a loopback
 * port as a mutex, which the OS frees even if the run crashes; the
 * DATABASE_URL case holds a session advisory lock on that server.
 */

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const TEST_PG_DATA_DIR = path.join(REPO_ROOT, ".data", "test");
// TEST_PG_PORT lets two checkouts on one machine run their suites side by side.
export const TEST_PG_PORT = Number(process.env.TEST_PG_PORT ?? 54349);
/** Loopback port held for the whole run by the run that uses the embedded server. */
const RUN_MUTEX_PORT = TEST_PG_PORT - 1;
const RUN_LOCK_KEY = 727_349;
const MAX_WAIT_MS = 10 * 60_000;
const TEST_PG_FLAGS = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const releasers: (() => Promise<void>)[] = [];
  const release = async () => {
    for (const fn of releasers.reverse()) await fn().catch((e: unknown) => console.error("[tests] teardown:", e));
  };
  try {
    const adminUrl = await findServer(releasers);
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await dropDatabase(admin, TEMPLATE_DATABASE);
      await admin.unsafe(`create database ${quoteIdent(TEMPLATE_DATABASE)}`);
    } finally {
      await admin.end({ timeout: 5 });
    }
    await runMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
    // Nobody connects to the template again: CREATE DATABASE ... TEMPLATE
    // fails while any session is connected to it.
    const admin2 = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin2.unsafe(`alter database ${quoteIdent(TEMPLATE_DATABASE)} with allow_connections false`);
    } finally {
      await admin2.end({ timeout: 5 });
    }

    const runDir = mkdtempSync(path.join(os.tmpdir(), "tandem-test-run-"));
    releasers.push(async () => rmSync(runDir, { recursive: true, force: true }));

    project.provide("tandemAdminUrl", adminUrl);
    project.provide("tandemTemplate", TEMPLATE_DATABASE);
    project.provide("tandemRunDir", runDir);

    releasers.push(async () => {
      // Workers have exited by now; leave the server tidy for the next run.
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        const rows = await sql<{ datname: string }[]>`
          select datname from pg_database
          where datname = ${TEMPLATE_DATABASE} or starts_with(datname, ${WORKER_DATABASE_PREFIX})`;
        for (const { datname } of rows) await dropDatabase(sql, datname);
      } finally {
        await sql.end({ timeout: 5 });
      }
    });
  } catch (error) {
    await release();
    throw error;
  }
  return release;
}

async function dropDatabase(sql: postgres.Sql, name: string): Promise<void> {
  await sql.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
}

/** The admin URL of the server to test against; pushes what to undo at teardown. */
async function findServer(releasers: (() => Promise<void>)[]): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const lock = postgres(external, { max: 1, onnotice: () => {}, connection: { application_name: "tandem-vitest-lock" } });
    releasers.push(() => lock.end({ timeout: 5 }));
    const [row] = await lock<{ ok: boolean }[]>`select pg_try_advisory_lock(${RUN_LOCK_KEY}) as ok`;
    if (!row?.ok) {
      console.log("[tests] waiting for another test run on the DATABASE_URL server to finish...");
      await lock`select pg_advisory_lock(${RUN_LOCK_KEY})`;
    }
    return external;
  }

  releasers.push(await acquireRunMutex());
  const log: string[] = [];
  try {
    await ensureEmbeddedPostgres({
      dataDir: TEST_PG_DATA_DIR,
      port: TEST_PG_PORT,
      database: "postgres",
      flags: TEST_PG_FLAGS,
      portVariable: "TEST_PG_PORT",
      log: (line) => {
        log.push(line);
        if (log.length > 40) log.shift();
      },
    });
  } catch (error) {
    if (isPlainStartError(error)) {
      // A port taken, no permission, no disk: the sentence says what to do; a stack would only hide it.
      console.error(`\n[tests] ${error.message}\n`);
      process.exit(1);
    }
    throw new Error(`${(error as Error).message}\n--- postgres log ---\n${log.join("\n")}`, { cause: error });
  }
  // Stops the server only if this run started it (a running one is reused).
  releasers.push(() => stopEmbeddedPostgres());
  return embeddedUrl(TEST_PG_PORT, "postgres");
}

/** Waits until no other run holds the mutex port, then holds it until released. */
async function acquireRunMutex(): Promise<() => Promise<void>> {
  const deadline = Date.now() + MAX_WAIT_MS;
  let announced = false;
  for (;;) {
    const server = net.createServer();
    const outcome = await new Promise<"held" | "busy">((resolve, reject) => {
      server.once("error", (e: NodeJS.ErrnoException) => (e.code === "EADDRINUSE" ? resolve("busy") : reject(e)));
      server.listen({ host: "127.0.0.1", port: RUN_MUTEX_PORT, exclusive: true }, () => resolve("held"));
    });
    if (outcome === "held") {
      server.unref();
      return () => new Promise<void>((resolve) => server.close(() => resolve()));
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Another test run has held 127.0.0.1:${RUN_MUTEX_PORT} (the test database lock) for ${MAX_WAIT_MS / 60_000} minutes. ` +
          `Stop it (a \`vitest\` watch session?) or set DATABASE_URL to another server.`,
      );
    }
    if (!announced) {
      console.log(`[tests] waiting for another test run to finish with the embedded PostgreSQL on port ${TEST_PG_PORT}...`);
      announced = true;
    }
    // Polling another process's lifetime, not a test: there is no event to await.
    await delay(200);
  }
}
