import { mkdtempSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { WORKER_DATABASE_PREFIX, quoteIdent, withDatabase } from "./context";

/**
 * Runs before every test file, in the worker process, before the file's own
 * imports: gives the worker its own database, a copy of the migrated
 * template, and points the app's environment at it. `lib/env.ts` reads
 * `process.env` when first imported, so this must not import app modules.
 *
 * Each test file gets a fresh copy under the worker's one database name
 * (setup files run per test file); concurrent workers have distinct
 * VITEST_POOL_IDs, so distinct databases.
 */

interface WorkerDb {
  databaseUrl: string;
  dataDir: string;
  adminUrl: string;
  template: string;
  name: string;
}

const holder = globalThis as unknown as { __tandemWorkerDb?: WorkerDb };

async function prepare(): Promise<WorkerDb> {
  const adminUrl = inject("tandemAdminUrl");
  const template = inject("tandemTemplate");
  if (!adminUrl || !template) {
    throw new Error("tests/setup/worker-db.ts needs tests/setup/global-db.ts as globalSetup (see vitest.config.ts)");
  }
  const id = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? String(process.pid);
  const name = `${WORKER_DATABASE_PREFIX}${id.replace(/\W/g, "")}`;
  await freshCopy(adminUrl, template, name);
  // The generated auth secret and any other local state go here, not in the
  // repo's .data; global teardown removes the run directory.
  const dataDir = mkdtempSync(path.join(inject("tandemRunDir"), `worker-${name}-`));
  return { databaseUrl: withDatabase(adminUrl, name), dataDir, adminUrl, template, name };
}

/** Drops the worker's database (closing the app's pooled connections to it) and copies the template again. */
async function freshCopy(adminUrl: string, template: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    // A stale copy from an earlier run, an earlier worker in this slot, or the file before this one.
    await admin.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
    await admin.unsafe(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

// A worker process runs many files (vitest.config.ts: isolate false), and each file starts on
// a fresh copy of the migrated template, as it did with a process per file: the jobs a test
// runs (releasing holds, sending reminders) read the whole database, and must not meet the
// rows of a file that ran before it. The app's pool reconnects to the new copy on its next query.
if (holder.__tandemWorkerDb) await freshCopy(holder.__tandemWorkerDb.adminUrl, holder.__tandemWorkerDb.template, holder.__tandemWorkerDb.name);
const worker = (holder.__tandemWorkerDb ??= await prepare());

process.env.DATABASE_URL = worker.databaseUrl;
process.env.DATA_DIR = worker.dataDir;
// Tests never send real mail or depend on a developer's shell: without a key,
// sendEmail uses the outbox; tests that need Resend pass their own transport.
for (const name of ["RESEND_API_KEY", "RESEND_BASE_URL", "MAIL_TRANSPORT", "AUTH_SECRET", "APP_URL", "EMAIL_FROM", "SEED_DEMO"]) {
  delete process.env[name];
}
// Billing: no Stripe keys, so the SDK talks to a stand-in that billing tests
// start on this free port (tests/integration/helpers/stripe-standin.ts).
for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "STRIPE_CONNECT", "STRIPE_MODE"]) {
  delete process.env[name];
}
// Short, so tests of a Stripe timeout do not wait 15 s per attempt.
process.env.STRIPE_TIMEOUT_MS = "2000";
process.env.STRIPE_STANDIN_PORT ??= String(
  await new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  }),
);
