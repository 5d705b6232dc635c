import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { buildIfNeeded, LOCAL_PRODUCTION_ENV } from "../lib/prod-server";
import {
  ensurePostgresStopped,
  groupMembers,
  log,
  makeDataDir,
  median,
  nextVersion,
  onInterrupt,
  pickPort,
  postmasterPid,
  printResult,
  removeDataDir,
  sleep,
  stopProcessGroup,
  summariseOutput,
} from "./lib";

/**
 * `npm run bench:boot`: time from `npm start` to the first 200 on `/`
 * against the production build, with the embedded PostgreSQL.
 *
 * - cold: an empty data directory, so initdb + migrations + demo seed;
 * - warm: the same data directory again, WARM_RUNS times.
 *
 * Each run's whole process group (npm → sh → next → postgres) is stopped,
 * and the database port closed, before the next run starts.
 */

const WARM_RUNS = 5;
const BOOT_TIMEOUT_MS = 180_000;
const POLL_MS = 20;
const SUSPICIOUS = /error|warn|fail|exception|unhandled|denied|refused/i;
const NPM_CONFIG_WARNING = /^npm warn Unknown \w+ config/;
// Next's own words when the instrumentation hook (database boot) failed.
const FATAL = /Failed to prepare server|Failed to preload entries|error occurred while loading instrumentation hook/;

interface BootRun {
  ms: number;
  stopMs: number;
  forcedStop: boolean;
  cleanPgStop: boolean;
  suspicious: string[];
}

buildIfNeeded();

const port = await pickPort(3201);
const pgPort = await pickPort(54371, [port]);
const dataDir = await makeDataDir("bench-boot");
const url = `http://127.0.0.1:${port}`;
log(`data dir ${dataDir}, app port ${port}, embedded postgres port ${pgPort}`);

let currentGroup: number | null = null;
let stopping = false;
const cleanup = onInterrupt(async () => {
  stopping = true; // no new server after this point
  if (currentGroup !== null) await stopProcessGroup(currentGroup);
  await ensurePostgresStopped(dataDir, pgPort, 5_000).catch((e: unknown) => log(String(e)));
  await removeDataDir(dataDir);
});

async function boot(label: string): Promise<BootRun> {
  if (stopping) throw new Error("interrupted");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    ...LOCAL_PRODUCTION_ENV,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    APP_URL: url,
    SEED_DEMO: "auto",
  };
  // Always the embedded database: that boot path is what this measures.
  delete env.DATABASE_URL;

  const output: string[] = [];
  const started = performance.now();
  const child = spawn("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], {
    env,
    detached: true, // its own process group, so the whole tree can be stopped
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pgid = child.pid!;
  currentGroup = pgid;
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => output.push(...chunk.split("\n").filter((l) => l.trim() !== "")));
  }

  let ms: number | null = null;
  let stop = { forced: false, ms: 0 };
  let serverErrors = 0;
  try {
    while (performance.now() - started < BOOT_TIMEOUT_MS) {
      if (exited !== null) throw new Error(`npm start exited (code ${exited}) before / answered 200`);
      if (output.some((l) => FATAL.test(l))) throw new Error("the server failed to start (see its output above)");
      let status = 0;
      try {
        const res = await fetch(`${url}/`, { redirect: "manual", signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        // not listening yet
      }
      if (status === 200) {
        ms = performance.now() - started;
        break;
      }
      if (status >= 500 && ++serverErrors >= 50) throw new Error(`/ answered ${status} ${serverErrors} times`);
      await sleep(POLL_MS);
    }
    if (ms === null) throw new Error(`/ did not answer 200 within ${BOOT_TIMEOUT_MS} ms`);
  } catch (error) {
    process.stderr.write(`--- server output (${label}) ---\n${summariseOutput(output)}\n---\n`);
    throw error;
  } finally {
    stop = await stopProcessGroup(pgid);
    await ensurePostgresStopped(dataDir, pgPort);
    currentGroup = null;
  }
  // A clean PostgreSQL shutdown removes its postmaster.pid.
  const cleanPgStop = postmasterPid(dataDir) === null;
  const left = groupMembers(pgid);
  if (left.length > 0) throw new Error(`processes left after ${label}: ${left.map((p) => p.command).join(" | ")}`);

  const ready = output.find((l) => /Ready in/.test(l));
  log(
    `${label}: first 200 on / after ${Math.round(ms)} ms${ready ? ` (next: "${ready.trim()}")` : ""}; ` +
      `stopped in ${stop.ms} ms${stop.forced ? " (SIGKILL)" : ""}${cleanPgStop ? "" : ", postgres did not shut down cleanly"}`,
  );
  // npm's complaints about this machine's npmrc are not the app's.
  const suspicious = output.filter((l) => SUSPICIOUS.test(l) && !NPM_CONFIG_WARNING.test(l));
  for (const line of suspicious) log(`${label} server output: ${line}`);
  return { ms, stopMs: stop.ms, forcedStop: stop.forced, cleanPgStop, suspicious };
}

let exitCode = 0;
try {
  const cold = await boot("cold");
  const warm: BootRun[] = [];
  for (let i = 1; i <= WARM_RUNS; i++) warm.push(await boot(`warm ${i}/${WARM_RUNS}`));
  await cleanup();

  const warmMs = warm.map((r) => Math.round(r.ms));
  const all = [cold, ...warm];
  printResult({
    bench: "boot",
    coldMs: Math.round(cold.ms),
    warmMedianMs: Math.round(median(warmMs)),
    warmMinMs: Math.min(...warmMs),
    warmMaxMs: Math.max(...warmMs),
    warmRunsMs: warmMs,
    runs: WARM_RUNS,
    stopMaxMs: Math.max(...all.map((r) => r.stopMs)),
    forcedStops: all.filter((r) => r.forcedStop).length,
    uncleanPgStops: all.filter((r) => !r.cleanPgStop).length,
    serverWarnings: all.reduce((n, r) => n + r.suspicious.length, 0),
    node: process.version,
    next: nextVersion(),
    platform: `${process.platform}-${process.arch}`,
  });
} catch (error) {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  await cleanup();
  exitCode = 1;
}
process.exit(exitCode);
