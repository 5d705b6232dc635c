import "../lib/local-tooling";
import { log, makeDataDir, onInterrupt, pickPort, printResult, removeDataDir } from "./lib";

/**
 * `npm run bench:homework-overview`: the clinician's homework overview of a
 * client (a couple) with 50 assignments and 2,000 check-ins, on real
 * PostgreSQL (embedded, or DATABASE_URL): how many queries one call sends
 * (it must be a fixed few, never one per row) and p50/p99 over 200 calls.
 */
const RUNS = 200;
const WARMUP = 10;

const external = Boolean(process.env.DATABASE_URL);
const pgPort = external ? null : await pickPort(54380);
const dataDir = external ? null : await makeDataDir("bench-homework");
if (!external) {
  // Before any app module reads the environment.
  process.env.DATA_DIR = dataDir!;
  process.env.EMBEDDED_PG_PORT = String(pgPort);
}
const { prepareDatabase } = await import("@/db/boot");
const { sql } = await import("@/db/client");
const { stopEmbeddedPostgres } = await import("@/db/embedded");
const { getHomeworkOverview } = await import("@/lib/homework/overview");
const { countQueries, createOverviewFixture } = await import("./homework-fixture");

const cleanup = onInterrupt(async () => {
  await sql.end({ timeout: 5 }).catch(() => undefined);
  if (!external) {
    await stopEmbeddedPostgres();
    await removeDataDir(dataDir!);
  }
});

try {
  log(external ? "using DATABASE_URL" : `embedded postgres on port ${pgPort}, data dir ${dataDir}`);
  // Migrations and the shared library; no demo practices.
  await prepareDatabase({ seed: false, quiet: true });
  const now = new Date();
  const fixture = await createOverviewFixture(now);
  await sql`analyze`;
  const counts: number[] = [];
  const ms: number[] = [];
  let assignments = 0;
  let checkIns = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    const { result, queries } = await countQueries(() => getHomeworkOverview(fixture.scope, fixture.clientId, now));
    const elapsed = performance.now() - started;
    if (i < WARMUP) continue;
    counts.push(queries);
    ms.push(elapsed);
    assignments = result!.assignments.length;
    checkIns = result!.checkInCount;
  }
  ms.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]! * 100) / 100;
  const queries = Math.max(...counts);
  printResult({
    bench: "homework-overview",
    runs: RUNS,
    assignments,
    checkIns,
    queries,
    queriesConstant: Math.min(...counts) === queries,
    p50Ms: pct(50),
    p99Ms: pct(99),
    pass: assignments === 50 && checkIns === 2000 && queries <= 6,
  });
} finally {
  await cleanup();
}
