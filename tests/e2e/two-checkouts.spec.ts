import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { embeddedUrl, removeEmbeddedCluster } from "@/db/embedded";
import { waitFor200 } from "./wait-for-200";

/**
 * Two app servers on one machine, each with its own data directory and no
 * port configured at all (what two checkouts get from `npm start`): each
 * picks its own app port, embedded PostgreSQL port and Stripe stand-in port,
 * and answers from its own database. The data directories sit inside a
 * mode-700 folder, as a clone in /root would; as root (CI) that is where
 * PostgreSQL, running as `postgres`, could not reach its data before.
 * Runs in the e2e stage because `npm start` serves the production build.
 */
interface Started {
  child: ChildProcess;
  url: string;
  pgPort: number;
  standInPort: number;
  output: string[];
}

const privateDir = mkdtempSync(path.join(os.tmpdir(), "tandem-two-checkouts-"));
chmodSync(privateDir, 0o700);
const dataDirs = [path.join(privateDir, "one", ".data"), path.join(privateDir, "two", ".data")];
const children: ChildProcess[] = [];

test.afterAll(async () => {
  await Promise.all(children.map(stop));
  for (const dir of dataDirs) await removeEmbeddedCluster(dir);
  rmSync(privateDir, { recursive: true, force: true });
});

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    // The whole group: the wrapper, `next start` and the PostgreSQL it started.
    process.kill(-child.pid!, "SIGTERM");
  });
}

/** `npm start` (scripts/serve.ts) with nothing but DATA_DIR set; resolves when it names its ports. */
function startApp(dataDir: string): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", SEED_DEMO: "auto" };
  // playwright.config.ts sets these for the main e2e server; a fresh checkout has none of them.
  for (const name of ["PORT", "APP_URL", "EMBEDDED_PG_PORT", "STRIPE_STANDIN_PORT", "DATABASE_URL", "STRIPE_API_BASE", "STRIPE_SECRET_KEY"]) delete env[name];
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const child = spawn(process.execPath, [tsx, "scripts/serve.ts", "start", "-H", "127.0.0.1"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    let url = "";
    let pgPort = 0;
    const read = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        output.push(line);
        url ||= /\[tandem\] production server on (\S+)/.exec(line)?.[1] ?? "";
        pgPort ||= Number(/\[db\] starting embedded PostgreSQL .*port (\d+)\)/.exec(line)?.[1] ?? 0);
        const standIn = /\[stripe stand-in\] listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
        if (standIn && url && pgPort) resolve({ child, url: url.replace("localhost", "127.0.0.1"), pgPort, standInPort: Number(standIn[1]), output });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output.join("\n")}`)));
  });
}

test("two servers side by side each choose free ports and answer from their own database", async () => {
  test.setTimeout(300_000);
  // One after the other: each picks the first free app port from 3000 up, as two terminals would.
  const one = await startApp(dataDirs[0]!);
  const pageOne = await waitFor200(one.url, 120_000);
  const two = await startApp(dataDirs[1]!);
  const pageTwo = await waitFor200(two.url, 120_000);

  expect(new Set([one.url, two.url]).size).toBe(2);
  expect(one.pgPort).not.toBe(two.pgPort);
  expect(one.standInPort).not.toBe(two.standInPort);
  for (const page of [pageOne, pageTwo]) expect(page).toContain("Demo practices");

  // Each answers from its own database: rename a practice in the first one only.
  const sql = postgres(embeddedUrl(one.pgPort, "tandem"), { max: 1, onnotice: () => {} });
  try {
    const [practice] = await sql<{ slug: string }[]>`select slug from practices order by name limit 1`;
    expect(pageOne).toContain(`/book/${practice!.slug}`);
    await sql`update practices set name = 'Checkout One Practice' where slug = ${practice!.slug}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  expect(await waitFor200(one.url, 120_000)).toContain("Checkout One Practice");
  expect(await waitFor200(two.url, 120_000)).not.toContain("Checkout One Practice");

  // Each stand-in is its own checkout's (its state file sits in that data directory).
  for (const [server, dir] of [[one, dataDirs[0]!], [two, dataDirs[1]!]] as const) {
    const health = (await (await fetch(`http://127.0.0.1:${server.standInPort}/__standin/health`)).json()) as { statePath: string };
    expect(health.statePath).toBe(path.join(dir, "stripe-standin.json"));
  }
  // Nothing changed the private folder's permissions.
  expect(statSync(privateDir).mode & 0o777).toBe(0o700);
});
