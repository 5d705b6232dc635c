import "../lib/local-tooling";
import { log, makeDataDir, onInterrupt, pickPort, printResult, removeDataDir } from "./lib";

/**
 * `npm run bench:inbox`: a practice with 500 threads and 20,000 messages, on
 * real PostgreSQL (embedded, or DATABASE_URL). For the staff inbox (owner
 * and a clinician, whose reach is the care-team rule) and one thread page
 * (the thread, its messages with attachments, the audit row, the read
 * state): how many statements one call sends — a fixed few, never one per
 * thread or message — and p50/p99 over 200 calls.
 */
const RUNS = 200;
const WARMUP = 10;

const external = Boolean(process.env.DATABASE_URL);
const pgPort = external ? null : await pickPort(54381);
const dataDir = external ? null : await makeDataDir("bench-inbox");
if (!external) {
  process.env.DATA_DIR = dataDir!;
  process.env.EMBEDDED_PG_PORT = String(pgPort);
}
const { prepareDatabase } = await import("@/db/boot");
const { sql } = await import("@/db/client");
const { stopEmbeddedPostgres } = await import("@/db/embedded");
const { listInbox, loadStaffThread } = await import("@/lib/messaging/inbox");
const { inboxFilterSchema } = await import("@/lib/messaging/message-schema");
const { countQueries } = await import("./homework-fixture");
const { createInboxFixture } = await import("./inbox-fixture");

const cleanup = onInterrupt(async () => {
  await sql.end({ timeout: 5 }).catch(() => undefined);
  if (!external) {
    await stopEmbeddedPostgres();
    await removeDataDir(dataDir!);
  }
});

async function measure<T>(fn: () => Promise<T>): Promise<{ last: T; queries: number; constant: boolean; p50Ms: number; p99Ms: number }> {
  const counts: number[] = [];
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    const { result, queries } = await countQueries(fn);
    const elapsed = performance.now() - started;
    if (i < WARMUP) continue;
    counts.push(queries);
    ms.push(elapsed);
    last = result;
  }
  ms.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]! * 100) / 100;
  const queries = Math.max(...counts);
  return { last: last!, queries, constant: Math.min(...counts) === queries, p50Ms: pct(50), p99Ms: pct(99) };
}

try {
  log(external ? "using DATABASE_URL" : `embedded postgres on port ${pgPort}, data dir ${dataDir}`);
  await prepareDatabase({ seed: false, quiet: true });
  const now = new Date();
  const fixture = await createInboxFixture(now);
  await sql`analyze`;
  const [counts] = await sql<{ threads: number; messages: number }[]>`select (select count(*)::int from threads where practice_id = ${fixture.owner.practice.id}) as threads, (select count(*)::int from messages where practice_id = ${fixture.owner.practice.id}) as messages`;
  const filter = inboxFilterSchema.parse({});
  const inbox = await measure(() => listInbox(fixture.owner, filter));
  const clinicianInbox = await measure(() => listInbox(fixture.clinician, filter));
  const thread = await measure(() => loadStaffThread(fixture.owner, fixture.threadId, now));
  const threadMessages = thread.last.ok ? thread.last.page.messages.length : 0;
  printResult({
    bench: "inbox",
    runs: RUNS,
    threads: counts!.threads,
    messages: counts!.messages,
    inbox: { rows: inbox.last.length, queries: inbox.queries, queriesConstant: inbox.constant, p50Ms: inbox.p50Ms, p99Ms: inbox.p99Ms },
    clinicianInbox: { rows: clinicianInbox.last.length, queries: clinicianInbox.queries, queriesConstant: clinicianInbox.constant, p50Ms: clinicianInbox.p50Ms, p99Ms: clinicianInbox.p99Ms },
    threadPage: { messages: threadMessages, queries: thread.queries, queriesConstant: thread.constant, p50Ms: thread.p50Ms, p99Ms: thread.p99Ms },
    pass:
      counts!.threads === 500 &&
      counts!.messages === 20000 &&
      inbox.last.length === 100 &&
      clinicianInbox.last.length === 100 &&
      threadMessages === 40 &&
      inbox.queries === 1 &&
      clinicianInbox.queries === 1 &&
      thread.queries <= 4 &&
      inbox.constant &&
      thread.constant,
  });
} finally {
  await cleanup();
}
