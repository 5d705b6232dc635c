import "server-only";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { embeddedUrl } from "./embedded";
import * as schema from "./schema";

export const EMBEDDED_DATABASE = "tandem";

export function databaseUrl(): string {
  return env.DATABASE_URL ?? embeddedUrl(env.EMBEDDED_PG_PORT, EMBEDDED_DATABASE);
}

/** For migrations and pg-boss: one session throughout (advisory locks), so never a transaction-mode pooler. */
export function directDatabaseUrl(): string {
  return env.DATABASE_DIRECT_URL ?? databaseUrl();
}

function connect() {
  // postgres.js connects lazily, on the first query. Pool size and prepared statements: docs/deploy.md.
  const sql = postgres(databaseUrl(), {
    max: env.DATABASE_POOL_MAX,
    prepare: env.DATABASE_PREPARE === "on",
    onnotice: () => {},
    connection: { application_name: "tandem" },
  });
  return { sql, db: drizzle(sql, { schema }) };
}

type Connection = ReturnType<typeof connect>;
// One pool per process, even when Next loads this module in several bundles.
const holder = globalThis as unknown as { __tandemDb?: Connection };
const connection = (holder.__tandemDb ??= connect());

export const db = connection.db;
export const sql = connection.sql;
export type Db = typeof db;
/** A transaction handle, for functions that run inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
