import postgres from "postgres";
import { embeddedUrl } from "@/db/embedded";
import { buildIfNeeded, startProdServer, type ProdServer } from "../lib/prod-server";
import { startInstances } from "../lib/instances";
import { ensurePostgresStopped, log, makeDataDir, onInterrupt, pickPort } from "./lib";
import { removeDataDir } from "./lib";

/**
 * Runs `fn` against a production server with its own data directory and
 * embedded PostgreSQL (or DATABASE_URL), then stops everything, also on
 * Ctrl-C. `fn` gets the server and a connection to the server's database.
 * With `instances` > 1, more servers run beside the first on the same
 * database (the first one's embedded PostgreSQL, reached by DATABASE_URL;
 * the same data directory, so they share its Stripe stand-in; the first
 * one's APP_URL, the public origin of every link): `servers`
 * holds them all, `server` is the first.
 */
export async function withBenchServer<T>(
  name: string,
  ports: { app: number; pg: number },
  fn: (ctx: { server: ProdServer; servers: ProdServer[]; sql: postgres.Sql }) => Promise<T>,
  /** Extra settings for the server (e.g. TRUSTED_PROXY_HOPS when the bench plays the proxy). */
  extraEnv: Record<string, string> = {},
  instances = 1,
): Promise<T> {
  const external = Boolean(process.env.DATABASE_URL);
  buildIfNeeded();
  const port = await pickPort(ports.app);
  const pgPort = external ? null : await pickPort(ports.pg, [port]);
  const morePorts: number[] = [];
  for (let i = 1; i < instances; i++) morePorts.push(await pickPort(ports.app + i, [port, ...(pgPort ? [pgPort] : []), ...morePorts]));
  const dataDir = external ? null : await makeDataDir(`bench-${name}`);
  const appPorts = [port, ...morePorts].join(", ");
  log(external ? `using DATABASE_URL, app port(s) ${appPorts}` : `data dir ${dataDir}, app port(s) ${appPorts}, embedded postgres port ${pgPort}`);
  let server: ProdServer | null = null;
  let more: ProdServer[] = [];
  let sql: postgres.Sql | null = null;
  const cleanup = onInterrupt(async () => {
    await sql?.end({ timeout: 5 }).catch(() => undefined);
    // The first server last: it owns the embedded PostgreSQL the others use.
    await Promise.all(more.map((s) => s.stop()));
    await server?.stop();
    if (dataDir && pgPort) {
      await ensurePostgresStopped(dataDir, pgPort);
      await removeDataDir(dataDir);
    }
  });
  try {
    server = await startProdServer({
      port,
      env: { ...(external ? { SEED_DEMO: "never" } : { DATA_DIR: dataDir!, EMBEDDED_PG_PORT: String(pgPort), SEED_DEMO: "never" }), ...extraEnv },
      timeoutMs: 180_000,
    });
    const databaseUrl = process.env.DATABASE_URL ?? embeddedUrl(pgPort!, "tandem");
    if (morePorts.length > 0) {
      more = await startInstances({ ports: morePorts, env: { ...(external ? {} : { DATA_DIR: dataDir!, DATABASE_URL: databaseUrl }), APP_URL: server.url, SEED_DEMO: "never", ...extraEnv } });
    }
    sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
    return await fn({ server, servers: [server, ...more], sql });
  } finally {
    await cleanup();
  }
}
