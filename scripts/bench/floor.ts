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
 * checkout's `next` into its own `.next`. Both servers run side by side; the
 * floor is measured before and after the app's routes and the mean of the two
 * is the reference. Each app route is then measured under autocannon at 10
 * connections and divided by its floor: the bare route handler for the
 * public slots endpoint, the bare page for pages.
 *
 * Target (issue 16): ratio >= 0.5 and p99 < 300 ms for the slots endpoint,
 * the clients list, the schedule week, a client's record, the clinician's
 * homework view and the public booking page. The home page is measured too
 * (no target). Prints progress on stderr and, as its last line, one JSON
 * object. `--duration <s>` (default 5) per route; `--rebuild-floor` rebuilds
 * the bare app. Its own data directory and embedded PostgreSQL; not part of
 * `npm test`.
 */

const CONNECTIONS = 10;
const args = process.argv.slice(2);
const durationArg = args.indexOf("--duration");
const DURATION_SEC = durationArg >= 0 ? Math.max(1, Number(args[durationArg + 1]) || 5) : 5;
const WARMUP_SEC = 1;
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
  const floorPageBefore = await measure("floor page (before)", `${floor.url}/`);
  const floorRouteBefore = await measure("floor route (before)", `${floor.url}/api/floor`);
  const measured: Record<string, Figures> = {};
  for (const r of routes) measured[r.name] = await measure(r.name, r.url, r.headers);
  const floorPageAfter = await measure("floor page (after)", `${floor.url}/`);
  const floorRouteAfter = await measure("floor route (after)", `${floor.url}/api/floor`);
  // Still signed in at the end, every page still what it should be.
  await checkRoutes(routes);

  const mean = (a: number, b: number) => Math.round(((a + b) / 2) * 10) / 10;
  const floorRps = { page: mean(floorPageBefore.rps, floorPageAfter.rps), route: mean(floorRouteBefore.rps, floorRouteAfter.rps) };
  const results: Record<string, Figures & { floor: "page" | "route"; ratio: number; targeted: boolean; meetsTarget: boolean }> = {};
  for (const r of routes) {
    const f = measured[r.name]!;
    const ratio = Math.round((f.rps / floorRps[r.floor]) * 100) / 100;
    results[r.name] = { ...f, floor: r.floor, ratio, targeted: r.targeted, meetsTarget: ratio >= TARGET_RATIO && f.p99Ms < TARGET_P99_MS };
  }
  const all = [floorPageBefore, floorPageAfter, floorRouteBefore, floorRouteAfter, ...Object.values(measured)];
  const valid = all.every((f) => f.non2xx === 0 && f.errors === 0);
  await cleanup();
  printResult({
    bench: "floor",
    connections: CONNECTIONS,
    durationSec: DURATION_SEC,
    target: { ratio: TARGET_RATIO, p99Ms: TARGET_P99_MS },
    floor: {
      page: { rps: floorRps.page, before: floorPageBefore, after: floorPageAfter },
      route: { rps: floorRps.route, before: floorRouteBefore, after: floorRouteAfter },
    },
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
