import "../lib/local-tooling";
import { log, makeDataDir, onInterrupt, pickPort, printResult, removeDataDir } from "./lib";

/**
 * `npm run bench:export`: a practice of 500 clients and 20,000 check-ins on
 * real PostgreSQL (embedded, or DATABASE_URL). Runs the background job's
 * whole-practice export to a file in the data directory, then one client's
 * record, and reports seconds, bytes and the process's peak memory (RSS and
 * heap, sampled every 20 ms): streaming means the peak does not grow with
 * the archive. One JSON line last.
 */
const CLIENTS = 500;
const CHECK_INS_PER_CLIENT = 40;

const external = Boolean(process.env.DATABASE_URL);
const pgPort = external ? null : await pickPort(Number(process.env.EMBEDDED_PG_PORT ?? 54390));
const dataDir = external ? null : await makeDataDir("bench-export");
if (!external) {
  // Before any app module reads the environment.
  process.env.DATA_DIR = dataDir!;
  process.env.EMBEDDED_PG_PORT = String(pgPort);
}
const { prepareDatabase } = await import("@/db/boot");
const { sql } = await import("@/db/client");
const { stopEmbeddedPostgres } = await import("@/db/embedded");
const { requestPracticeExport, runPendingExports, listPracticeExports } = await import("@/lib/export/practice-export");
const { exportClientRecord } = await import("@/lib/export/client-export");
const { createExportBenchPractice } = await import("./export-fixture");

const cleanup = onInterrupt(async () => {
  await sql.end({ timeout: 5 }).catch(() => undefined);
  if (!external) {
    await stopEmbeddedPostgres();
    await removeDataDir(dataDir!);
  }
});

function sampler() {
  let rss = 0;
  let heap = 0;
  const start = process.memoryUsage();
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const mb = (n: number) => Math.round(n / 1048576);
      return { startRssMb: mb(start.rss), peakRssMb: mb(rss), startHeapMb: mb(start.heapUsed), peakHeapMb: mb(heap) };
    },
  };
}

try {
  log(external ? "using DATABASE_URL" : `embedded postgres on port ${pgPort}, data dir ${dataDir}`);
  await prepareDatabase({ seed: false, quiet: true });
  const now = new Date();
  log(`creating a practice of ${CLIENTS} clients and ${CLIENTS * CHECK_INS_PER_CLIENT} check-ins`);
  const { scope, clientIds } = await createExportBenchPractice(now, { clients: CLIENTS, checkInsPerClient: CHECK_INS_PER_CLIENT });
  await sql`analyze`;
  const [{ n: checkIns }] = (await sql`select count(*)::int as n from homework_check_ins where practice_id = ${scope.practice.id}`) as unknown as [{ n: number }];
  global.gc?.();

  log("whole practice: the job writes the ZIP");
  const before = sampler();
  const startedAt = performance.now();
  await requestPracticeExport(scope);
  const run = await runPendingExports(new Date());
  const seconds = (performance.now() - startedAt) / 1000;
  const memory = before.stop();
  const [row] = await listPracticeExports(scope, new Date());

  log("one client's record");
  const clientSampler = sampler();
  const clientStarted = performance.now();
  const client = await exportClientRecord(scope, clientIds[0]!, new Date());
  let clientBytes = 0;
  if (client.ok) for await (const chunk of client.stream) clientBytes += (chunk as Buffer).length;
  const clientSeconds = (performance.now() - clientStarted) / 1000;
  const clientMemory = clientSampler.stop();

  printResult({
    bench: "export",
    clients: CLIENTS,
    checkIns,
    practice: { seconds: Math.round(seconds * 100) / 100, bytes: row?.bytes ?? null, rows: row?.rowsWritten ?? null, tables: row?.tablesDone ?? null, ...memory },
    client: { seconds: Math.round(clientSeconds * 100) / 100, bytes: clientBytes, ...clientMemory },
    pass: run.done === 1 && run.failed === 0 && checkIns === CLIENTS * CHECK_INS_PER_CLIENT && client.ok && clientBytes > 0,
  });
} finally {
  await cleanup();
}
