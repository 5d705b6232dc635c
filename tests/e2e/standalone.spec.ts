import { spawn, type ChildProcess } from "node:child_process";
import { builtinModules } from "node:module";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { embeddedUrl } from "@/db/embedded";
import { LOCAL_PRODUCTION_ENV } from "../../scripts/lib/prod-server";
import { STANDALONE_DIR, copyStandaloneAssets } from "../../scripts/lib/standalone";
import { waitFor200 } from "./wait-for-200";

/**
 * What a deployment runs, run from copies outside the checkout, the way the
 * image lays them out (Dockerfile): the standalone server (`node server.js`
 * in a copy of .next/standalone with its assets) and the compiled migrate and
 * worker (dist/) in a folder whose node_modules holds the production
 * dependencies only. Each gets its own fresh database on the e2e harness's
 * PostgreSQL, as a managed one would be given by DATABASE_URL: no embedded
 * server, no tsx, nothing of the checkout. Reuses the build scripts/e2e.ts made.
 */
const root = process.cwd();
const work = mkdtempSync(path.join(os.tmpdir(), "tandem-standalone-"));
const database = `tandem_standalone_${process.pid}`;
const adminUrl = embeddedUrl(Number(process.env.EMBEDDED_PG_PORT), "tandem");
const databaseUrl = embeddedUrl(Number(process.env.EMBEDDED_PG_PORT), database);
const children: ChildProcess[] = [];

test.beforeAll(async () => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
});

test.afterAll(async () => {
  await Promise.all(children.map(stop));
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  rmSync(work, { recursive: true, force: true });
});

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Only what a deployment sets: nothing from this shell or the e2e harness (no NODE_ENV, no ports). */
function deploymentEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, ...extra };
  // Next's types make NODE_ENV required; a deployment's migrate command has none.
  return env as NodeJS.ProcessEnv;
}

interface Run {
  child: ChildProcess;
  output: string[];
  exit: Promise<number | string | null>;
  /** Resolves with the first line matching, rejects if the process exits first. */
  line(pattern: RegExp): Promise<string>;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const output: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  // "close": after the output is read to its end; a signal's name when it died of one.
  const exit = new Promise<number | string | null>((resolve) => child.once("close", (code, signal) => resolve(code ?? signal)));
  const read = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      output.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  child.stdout!.on("data", read);
  child.stderr!.on("data", read);
  return {
    child,
    output,
    exit,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const seen = output.find((l) => pattern.test(l));
        if (seen) return resolve(seen);
        waiters.push({ pattern, resolve });
        void exit.then((code) => reject(new Error(`${args.join(" ")} exited (${code}) before printing ${pattern}:\n${output.join("\n")}`)));
      }),
  };
}

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/**
 * What `npm ci --omit=dev` leaves of node_modules, as far as our code can see:
 * the production dependencies by name (linked to the checkout's copies, whose
 * own dependencies the lockfile keeps production ones). A bundle importing a
 * devDependency, or a package it only gets by hoisting, fails to start here.
 */
function productionOnlyApp(dir: string): void {
  for (const name of Object.keys(pkg.dependencies)) {
    const link = path.join(dir, "node_modules", name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(root, "node_modules", name), link, "dir");
  }
  cpSync(path.join(root, "dist"), path.join(dir, "dist"), { recursive: true });
  cpSync(path.join(root, "db", "migrations"), path.join(dir, "db", "migrations"), { recursive: true });
  cpSync(path.join(root, "package.json"), path.join(dir, "package.json"));
}

test("the standalone server, the compiled migrate and the worker run from copies with production dependencies only", async () => {
  test.setTimeout(110_000);
  const journal = JSON.parse(readFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };

  // The bundles import npm packages that are production dependencies, and nothing else.
  const externals = JSON.parse(readFileSync(path.join(root, "dist", "externals.json"), "utf8")) as string[];
  expect(externals.length).toBeGreaterThan(0);
  for (const name of externals) {
    expect(builtinModules.includes(name) ? "builtin" : name in pkg.dependencies ? "dependency" : name in pkg.devDependencies ? "devDependency" : "undeclared", name).not.toMatch(/devDependency|undeclared/);
  }

  // db:migrate from the production-only folder applies every migration to an empty database.
  const app = path.join(work, "app");
  productionOnlyApp(app);
  const dataDir = path.join(work, "data");
  const migrate = run(["dist/db-migrate.mjs"], app, deploymentEnv({ DATA_DIR: dataDir }));
  expect(await migrate.exit, migrate.output.join("\n")).toBe(0);
  expect(migrate.output.join("\n")).toContain("[db] migrations applied");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [applied] = await sql<{ count: number }[]>`select count(*)::int as count from drizzle.__drizzle_migrations`;
    expect(applied?.count).toBe(journal.entries.length);
  } finally {
    await sql.end({ timeout: 5 });
  }

  // The standalone server, copied away from the checkout with its assets, answers a page with its CSS and JS.
  const server = path.join(work, "server");
  cpSync(STANDALONE_DIR, server, { recursive: true, verbatimSymlinks: true });
  copyStandaloneAssets(server, root);
  expect(existsSync(path.join(server, "db", "migrations", "meta", "_journal.json"))).toBe(true);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const production = { ...LOCAL_PRODUCTION_ENV, NODE_ENV: "production", APP_URL: url, DATA_DIR: dataDir, JOB_RUNNER: "off", STRIPE_STANDIN_PORT: String(await freePort()) };
  const web = run(["server.js"], server, deploymentEnv({ ...production, PORT: String(port), HOSTNAME: "127.0.0.1" }));
  let answered = false;
  void web.exit.then((code) => {
    if (!answered) console.error(`server.js exited (${code}) before it answered:\n${web.output.join("\n")}`);
  });
  const html = await waitFor200(url, 90_000);
  answered = true;
  expect(html).toContain("Demo practices");
  const assets = [...html.matchAll(/(?:href|src)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
  const kind = (asset: string) => path.extname(new URL(asset, url).pathname);
  expect(assets.some((a) => kind(a) === ".css"), "a stylesheet").toBe(true);
  expect(assets.some((a) => kind(a) === ".js"), "a script").toBe(true);
  for (const asset of new Set(assets)) {
    const res = await fetch(new URL(asset, url));
    expect(res.status, asset).toBe(200);
    expect(res.headers.get("content-type"), asset).toMatch(kind(asset) === ".css" ? /text\/css/ : kind(asset) === ".js" ? /javascript/ : /font|image/);
    await res.arrayBuffer();
  }

  // The worker from the same production-only folder starts its job runner on that database and stops cleanly.
  const worker = run(["dist/worker.mjs"], app, deploymentEnv(production));
  await worker.line(/\[jobs\] worker started/);
  worker.child.kill("SIGTERM");
  expect(await worker.exit, worker.output.join("\n")).toBe(0);
});
