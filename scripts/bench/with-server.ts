import postgres from "postgres";
import { embeddedUrl } from "@/db/embedded";
import { buildIfNeeded, startProdServer, type ProdServer } from "../lib/prod-server";
import { ensurePostgresStopped, log, makeDataDir, onInterrupt, pickPort } from "./lib";
import { removeDataDir } from "./lib";

/**
 * Runs `fn` against a production server with its own data directory and
 * embedded PostgreSQL (or DATABASE_URL), then stops everything, also on
 * Ctrl-C. `fn` gets the server and a connection to the server's database.
 */
export async function withBenchServer<T>(
  name: string,
  ports: { app: number; pg: number },
  fn: (ctx: { server: ProdServer; sql: postgres.Sql }) => Promise<T>,
  /** Extra settings for the server (e.g. TRUSTED_PROXY_HOPS when the bench plays the proxy). */
  extraEnv: Record<string, string> = {},
): Promise<T> {
  const external = Boolean(process.env.DATABASE_URL);
  buildIfNeeded();
  const port = await pickPort(ports.app);
  const pgPort = external ? null : await pickPort(ports.pg, [port]);
  const dataDir = external ? null : await makeDataDir(`bench-${name}`);
  log(external ? `using DATABASE_URL, app port ${port}` : `data dir ${dataDir}, app port ${port}, embedded postgres port ${pgPort}`);
  let server: ProdServer | null = null;
  let sql: postgres.Sql | null = null;
  const cleanup = onInterrupt(async () => {
    await sql?.end({ timeout: 5 }).catch(() => undefined);
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
    sql = postgres(process.env.DATABASE_URL ?? embeddedUrl(pgPort!, "tandem"), { max: 4, onnotice: () => {} });
    return await fn({ server, sql });
  } finally {
    await cleanup();
  }
}
