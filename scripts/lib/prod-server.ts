import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** `npm run build` (next build, then scripts/after-build.ts) unless a build is already there (pass force to rebuild). */
export function buildIfNeeded(options: { force?: boolean } = {}): void {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (options.force || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
    if (result.status !== 0) throw new Error("next build failed");
  } else if (existsSync(path.join(root, "dist", "worker.mjs")) && existsSync(path.join(root, ".next", "standalone", ".next", "static"))) {
    return;
  }
  // The standalone server's assets and the compiled worker/migrate (docs/decisions/0022).
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const after = spawnSync(process.execPath, [tsx, path.join(root, "scripts", "after-build.ts")], { stdio: "inherit", env });
  if (after.status !== 0) throw new Error("scripts/after-build.ts failed");
}

/**
 * What a production server needs to run on this machine for the browser tests
 * and benchmarks. Production fails closed (lib/env.ts), so the local choices
 * are said out loud: the Stripe stand-in (pages then say "Test payments"),
 * mail kept in the outbox table (tests read it from the database), a fixed
 * secret that is not anyone's real one, the demo practices on an empty
 * database. Keys from the developer's shell are blanked (empty = unset), so
 * nothing reaches a real Stripe or Resend account. APP_URL is per server.
 */
export const LOCAL_PRODUCTION_ENV = {
  STRIPE_MODE: "standin",
  STRIPE_SECRET_KEY: "",
  STRIPE_WEBHOOK_SECRET: "",
  MAIL_TRANSPORT: "outbox",
  RESEND_API_KEY: "",
  AUTH_SECRET: "tandem-local-production-test-secret-not-for-real-use",
  SEED_DEMO: "auto",
} as const;

export const STANDALONE_SERVER = path.join(root, ".next", "standalone", "server.js");

/**
 * server.js takes its port and host from PORT and HOSTNAME and changes into its own folder, so a
 * relative DATA_DIR is made absolute here (it stays the checkout's, as scripts/serve.ts does).
 */
export function standaloneEnv(env: Record<string, string | undefined>, port: number): NodeJS.ProcessEnv & Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  out.PORT = String(port);
  out.HOSTNAME = "127.0.0.1";
  if (out.DATA_DIR) out.DATA_DIR = path.resolve(root, out.DATA_DIR);
  // Typed as a process environment (NODE_ENV is whatever the caller passed, as with spawn).
  return out as NodeJS.ProcessEnv & Record<string, string>;
}

export interface ProdServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The standalone server (what `npm start` and the image run; `next start` only warns that it
 * "does not work" with `output: "standalone"`) on a port with its own data directory and
 * embedded database, resolved once `/` answers 200.
 */
export async function startProdServer(options: {
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
  log?: boolean;
}): Promise<ProdServer & { readyMs: number }> {
  const started = Date.now();
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [STANDALONE_SERVER], {
    env: standaloneEnv({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...LOCAL_PRODUCTION_ENV, APP_URL: url, ...options.env }, options.port),
    stdio: options.log ? "inherit" : ["ignore", "ignore", "inherit"],
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = started + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (exited) throw new Error("the standalone server exited before it answered");
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the standalone server did not answer 200 on ${url} in time`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = Date.now() - started;
  return {
    url,
    process: child,
    readyMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
