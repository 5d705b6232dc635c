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

function connect() {
  // postgres.js connects lazily, on the first query.
  const sql = postgres(databaseUrl(), { max: 10, onnotice: () => {}, connection: { application_name: "tandem" } });
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
