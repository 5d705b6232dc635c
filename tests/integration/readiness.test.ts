import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import journal from "@/db/migrations/meta/_journal.json";
import { checkReadiness, readinessResponse } from "@/lib/ops/readiness";
import { quoteIdent, withDatabase } from "../setup/context";

const adminUrl = inject("tandemAdminUrl");
/** A database of this worker's own, migrated with every migration but the last, as an instance ahead of its database sees it. */
const behind = `tandem_ready_behind_${process.env.VITEST_POOL_ID ?? process.pid}`;
let behindSql: postgres.Sql;
let folder: string;

beforeAll(async () => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${quoteIdent(behind)} with (force)`);
    await admin.unsafe(`create database ${quoteIdent(behind)}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  // The same migrations, with the journal one entry short: drizzle's own migrator applies the rest.
  folder = mkdtempSync(path.join(os.tmpdir(), "tandem-ready-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const short = JSON.parse(readFileSync(journalPath, "utf8")) as typeof journal;
  writeFileSync(journalPath, JSON.stringify({ ...short, entries: short.entries.slice(0, -1) }));
  behindSql = postgres(withDatabase(adminUrl, behind), { max: 1, onnotice: () => {} });
  await migrate(drizzle(behindSql), { migrationsFolder: folder });
}, 120_000);

afterAll(async () => {
  await behindSql?.end({ timeout: 5 });
  rmSync(folder, { recursive: true, force: true });
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${quoteIdent(behind)} with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
});

describe("/api/health", () => {
  test("answers 200 {status: ok}, uncached, and nothing else", async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok" });
  });
});

describe("/api/ready on the real test database", () => {
  test("the migrated database: 200 {status: ready}, uncached", async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ready" });
  });

  test("a database without the last migration is not ready; the same database with the journal it was migrated by is", async () => {
    expect(await checkReadiness({ sql: behindSql })).toMatchObject({ ready: false, reason: "migrations" });
    expect(await checkReadiness({ sql: behindSql, journal: { entries: journal.entries.slice(0, -1) } })).toEqual({ ready: true });
  });

  test("a build with one migration more than the database: not ready", async () => {
    const ahead = { entries: [...journal.entries, { tag: "9999_next", when: journal.entries.at(-1)!.when + 1 }] };
    expect(await checkReadiness({ journal: ahead })).toMatchObject({ ready: false, reason: "migrations" });
  });

  test("a database with no migrations table at all: not ready", async () => {
    // The admin database of the test server is not the app's: drizzle never migrated it.
    const bare = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      expect(await checkReadiness({ sql: bare })).toMatchObject({ ready: false, reason: "migrations" });
    } finally {
      await bare.end({ timeout: 5 });
    }
  });

  test("a database that does not answer: not ready, and the probe says only that", async () => {
    // A port that was free a moment ago: the connection is refused.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const gone = postgres(`postgres://tandem@127.0.0.1:${port}/tandem`, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    try {
      expect(await checkReadiness({ sql: gone })).toMatchObject({ ready: false, reason: "database" });
      const answer = await readinessResponse({ sql: gone });
      expect(answer).toEqual({ status: 503, body: { status: "not ready" } });
    } finally {
      await gone.end({ timeout: 1 });
    }
  });
});
