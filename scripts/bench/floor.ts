import autocannon, { type Result } from "autocannon";
import postgres from "postgres";
import { embeddedUrl } from "@/db/embedded";
import { buildIfNeeded, startProdServer, type ProdServer } from "../lib/prod-server";
import { buildFloorIfNeeded, checkRoutes, seedFloorData, startFloor } from "./floor-fixture";
import { ensurePostgresStopped, log, makeDataDir, nextVersion, onInterrupt, pickPort, printResult, removeDataDir } from "./lib";

/**
 * `npm run bench:floor`: the app's hot routes beside the framework's own
 * floor, in one run. These machines are noisy, so a time only means
 * something next to a reference measured on the same machine a minute apart.
 *
 * The floor is a bare Next.js app of the same version (scripts/bench/floor-app:
 * one per-request page, one route handler returning JSON), built with the
 * checkout's `next` into its own `.next`. Both servers run side by side.
 * Each app route is measured under autocannon at 10 connections right after
 * its floor (the bare route handler for the public slots endpoint, the bare
 * page for pages) and divided by it: the load here changes by the minute.
 *
 * Target (issue 16): ratio >= 0.5 and p99 < 300 ms for the slots endpoint,
 * the clients list, the schedule week, a client's record, the clinician's
 * homework view and the public booking page. The home page is measured too
 * (no target). Prints progress on stderr and, as its last line, one JSON
 * object. `--duration <s>` (default 5) per route; `--rebuild-floor` rebuilds
 * the bare app; `--routes slots,clients` measures only those routes (every
 * route is still checked first and last; `allTargetsMet` then speaks for the
 * routes measured only). Its own data directory and embedded PostgreSQL; not part of
 * `npm test`.
 */

const CONNECTIONS = 10;
const args = process.argv.slice(2);
const durationArg = args.indexOf("--duration");
const DURATION_SEC = durationArg >= 0 ? Math.max(1, Number(args[durationArg + 1]) || 5) : 5;
const WARMUP_SEC = 1;
const routesArg = args.indexOf("--routes");
const ONLY = routesArg >= 0 ? new Set((args[routesArg + 1] ?? "").split(",").filter(Boolean)) : null;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 300;

interface Figures {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function measure(label: string, url: string, headers: Record<string, string> = {}): Promise<Figures> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SEC, headers });
  const r: Result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SEC, headers });
  const figures = {
    rps: Math.round(r.requests.average * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
  log(`${label}: ${JSON.stringify(figures)}`);
  return figures;
}

const appPort = await pickPort(Number(process.env.PORT) || 3206);
const floorPort = await pickPort(appPort + 1, [appPort]);
const pgPort = await pickPort(Number(process.env.EMBEDDED_PG_PORT) || 54376, [appPort, floorPort]);
const dataDir = await makeDataDir("bench-floor");
log(`data dir ${dataDir}, app port ${appPort}, floor port ${floorPort}, embedded postgres port ${pgPort}`);

let app: ProdServer | null = null;
let floor: ProdServer | null = null;
let sql: postgres.Sql | null = null;
const cleanup = onInterrupt(async () => {
  await sql?.end({ timeout: 5 }).catch(() => undefined);
  sql = null;
  await floor?.stop();
  floor = null;
  await app?.stop();
  app = null;
  await ensurePostgresStopped(dataDir, pgPort);
  await removeDataDir(dataDir);
});

let exitCode = 0;
try {
  buildIfNeeded();
  buildFloorIfNeeded(args.includes("--rebuild-floor"));

  const started = await startProdServer({ port: appPort, env: { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) }, timeoutMs: 180_000 });
  app = started;
  log(`app answered ${started.readyMs} ms after next start`);
  const db = postgres(embeddedUrl(pgPort, "tandem"), { max: 2, onnotice: () => {} });
  sql = db;
  const { routes, clientsInPractice, appointments, slots } = await seedFloorData(db, started.url);
  log(`data: ${clientsInPractice} clients in the demo practice, ${slots} slots from ${appointments} appointments; every route answers 200`);

  floor = await startFloor(floorPort);
  // The load on these machines changes by the minute, so every route is
  // divided by its own floor, measured just before it.
  const floorUrl = { page: `${floor.url}/`, route: `${floor.url}/api/floor` };
  // A fresh server is slow for its first seconds (JIT); the app has had its checks.
  for (const url of Object.values(floorUrl)) await autocannon({ url, connections: CONNECTIONS, duration: 3 });
  const floorSamples: Record<"page" | "route", Figures[]> = { page: [], route: [] };
  const measured: Record<string, Figures> = {};
  const results: Record<string, Figures & { floor: "page" | "route"; floorRps: number; ratio: number; targeted: boolean; meetsTarget: boolean }> = {};
  if (ONLY) {
    const unknown = [...ONLY].filter((name) => !routes.some((r) => r.name === name));
    if (unknown.length > 0) throw new Error(`--routes: no route named ${unknown.join(", ")} (there are ${routes.map((r) => r.name).join(", ")})`);
  }
  for (const r of routes) {
    if (ONLY && !ONLY.has(r.name)) continue;
    const reference = await measure(`floor ${r.floor} (for ${r.name})`, floorUrl[r.floor]);
    floorSamples[r.floor].push(reference);
    const f = await measure(r.name, r.url, r.headers);
    measured[r.name] = f;
    const ratio = Math.round((f.rps / reference.rps) * 100) / 100;
    results[r.name] = { ...f, floor: r.floor, floorRps: reference.rps, ratio, targeted: r.targeted, meetsTarget: ratio >= TARGET_RATIO && f.p99Ms < TARGET_P99_MS };
  }
  // Still signed in at the end, every page still what it should be.
  await checkRoutes(routes);
  const summary = (samples: Figures[]) => {
    const rps = samples.map((x) => x.rps);
    return { samples: samples.length, minRps: Math.min(...rps), maxRps: Math.max(...rps), p99Ms: Math.max(...samples.map((x) => x.p99Ms)) };
  };

  const all = [...floorSamples.page, ...floorSamples.route, ...Object.values(measured)];
  const valid = all.every((f) => f.non2xx === 0 && f.errors === 0);
  await cleanup();
  printResult({
    bench: "floor",
    connections: CONNECTIONS,
    durationSec: DURATION_SEC,
    target: { ratio: TARGET_RATIO, p99Ms: TARGET_P99_MS },
    floor: { page: summary(floorSamples.page), route: summary(floorSamples.route) },
    routes: results,
    allTargetsMet: Object.values(results).every((r) => !r.targeted || r.meetsTarget),
    valid,
    clientsInPractice,
    appointments,
    node: process.version,
    next: nextVersion(),
  });
  if (!valid) {
    log("some responses were not 2xx (or failed): the figures are not valid");
    exitCode = 1;
  }
} catch (error) {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  await cleanup();
  exitCode = 1;
}
process.exit(exitCode);
