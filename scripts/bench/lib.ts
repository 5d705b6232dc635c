import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { embeddedDatabaseDir, removeEmbeddedCluster } from "@/db/embedded";

/**
 * Small helpers shared by the `npm run bench:*` scripts: free loopback ports,
 * throwaway data directories under .data/, waiting for a server (and the
 * embedded PostgreSQL it started) to be really gone, and the result line.
 */

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function log(message: string): void {
  // Progress goes to stderr; stdout ends with the one JSON result line.
  process.stderr.write(`[bench] ${message}\n`);
}

/** The installed Next.js version (what the build and `next start` run). */
export function nextVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(process.cwd(), "node_modules", "next", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** `preferred`, or the next port up that is free on loopback (20 tries). */
export async function pickPort(preferred: number, avoid: number[] = []): Promise<number> {
  for (let port = preferred; port < preferred + 20; port++) {
    if (avoid.includes(port)) continue;
    if ((await canBind(port)) && !(await portOpen(port))) return port;
  }
  throw new Error(`no free port in ${preferred}..${preferred + 19} on 127.0.0.1`);
}

/** A fresh, empty directory `.data/<prefix>-XXXXXX` (ignored by git). */
export async function makeDataDir(prefix: string): Promise<string> {
  const parent = path.join(process.cwd(), ".data");
  await fs.mkdir(parent, { recursive: true });
  // mkdtemp makes it 0700; fine even as root: the cluster then lives under /var/lib/tandem (db/embedded.ts).
  return fs.mkdtemp(path.join(parent, `${prefix}-`));
}

export async function removeDataDir(dir: string): Promise<void> {
  // Only ever our own temp dirs under .data/.
  const parent = realpathSync(path.join(process.cwd(), ".data"));
  if (!path.resolve(dir).startsWith(parent + path.sep)) throw new Error(`refusing to remove ${dir}`);
  await removeEmbeddedCluster(dir);
  await fs.rm(dir, { recursive: true, force: true });
}

/** Live (non-zombie) processes in a process group, via ps. */
export function groupMembers(pgid: number): { pid: number; command: string }[] {
  let out = "";
  try {
    out = execFileSync("ps", ["-eo", "pid=,pgid=,stat=,args="], { encoding: "utf8" });
  } catch {
    return [];
  }
  const members: { pid: number; command: string }[] = [];
  for (const line of out.split("\n")) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (!m || Number(m[2]) !== pgid || m[3]!.startsWith("Z")) continue;
    members.push({ pid: Number(m[1]), command: m[4]! });
  }
  return members;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // A zombie still answers kill(0); it is gone for our purposes.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/** The postmaster's pid from the cluster's `postmaster.pid`, if the file is there. */
export function postmasterPid(dataDir: string): number | null {
  const file = path.join(embeddedDatabaseDir(dataDir), "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  return Number.isFinite(pid) && pid > 0 ? pid : null;
}

/**
 * Waits until the embedded PostgreSQL of `dataDir` is stopped: its port
 * closed and its postmaster gone. If it is still running after `graceMs`
 * (its parent died without stopping it), stops it ourselves: SIGINT (fast
 * shutdown), then SIGKILL. Returns whether we had to step in.
 */
export async function ensurePostgresStopped(dataDir: string, pgPort: number, graceMs = 20_000): Promise<{ forced: boolean }> {
  const stopped = async () => {
    const pid = postmasterPid(dataDir);
    return !(await portOpen(pgPort)) && (pid === null || !pidAlive(pid));
  };
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (await stopped()) return { forced: false };
    await sleep(50);
  }
  const pid = postmasterPid(dataDir);
  if (pid !== null && pidAlive(pid)) {
    log(`postgres (pid ${pid}) still running after ${graceMs} ms; sending SIGINT`);
    try {
      process.kill(pid, "SIGINT");
    } catch {
      // already gone
    }
    for (let i = 0; i < 200 && pidAlive(pid); i++) await sleep(50);
    if (pidAlive(pid)) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  for (let i = 0; i < 100 && !(await stopped()); i++) await sleep(50);
  if (!(await stopped())) throw new Error(`embedded postgres on port ${pgPort} (${dataDir}) would not stop`);
  return { forced: true };
}

/**
 * SIGTERM to a whole process group (npm → sh → next → postgres), then waits
 * until no live process is left in it; SIGKILL after `graceMs`.
 */
export async function stopProcessGroup(pgid: number, graceMs = 20_000): Promise<{ forced: boolean; ms: number }> {
  const started = Date.now();
  try {
    process.kill(-pgid, "SIGTERM");
  } catch {
    return { forced: false, ms: 0 }; // nothing left
  }
  while (Date.now() - started < graceMs) {
    if (groupMembers(pgid).length === 0) return { forced: false, ms: Date.now() - started };
    await sleep(25);
  }
  const left = groupMembers(pgid);
  log(`process group ${pgid} still has ${left.length} process(es) after ${graceMs} ms; sending SIGKILL: ${left.map((p) => p.command).join(" | ")}`);
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // gone meanwhile
  }
  for (let i = 0; i < 100 && groupMembers(pgid).length > 0; i++) await sleep(50);
  return { forced: true, ms: Date.now() - started };
}

/**
 * Runs `cleanup` once, on normal completion (call it yourself) or when the
 * bench is interrupted (SIGINT/SIGTERM/SIGHUP), so no server or temp dir is
 * left behind.
 */
export function onInterrupt(cleanup: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = () => (running ??= cleanup().catch((e: unknown) => log(`cleanup failed: ${String(e)}`)));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void run().finally(() => process.exit(130));
    });
  }
  return run;
}

/** Server output for a report: repeated lines once, with a count; at most `max` lines. */
export function summariseOutput(lines: string[], max = 60): string {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  const out = [...counts].slice(0, max).map(([line, n]) => (n > 1 ? `${line}  [×${n}]` : line));
  if (counts.size > max) out.push(`… ${counts.size - max} more distinct lines`);
  return out.join("\n");
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The result: one JSON object, the last line of stdout. */
export function printResult(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
