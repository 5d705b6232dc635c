import type { TransactionSql } from "postgres";
import { sql } from "@/db/client";

/**
 * Runs `fn` in one read-only REPEATABLE READ transaction: every table of an
 * export is read from the same snapshot, so a payment written halfway
 * through cannot appear without its appointment. Times come out in UTC.
 * The transaction stays open while the archive streams (one connection).
 */
export async function inSnapshot<T>(fn: (tx: TransactionSql) => Promise<T>): Promise<T> {
  return (await sql.begin("isolation level repeatable read read only", async (tx) => {
    await tx`set local time zone 'UTC'`;
    return fn(tx);
  })) as T;
}
