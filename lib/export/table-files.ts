import { Readable } from "node:stream";
import type { TransactionSql } from "postgres";
import { stringify } from "csv-stringify/sync";
import type { ExportTable } from "./tables";

/**
 * One table's rows as the files of an export, read through a cursor (a
 * batch at a time: never the whole table in memory) inside the export's
 * snapshot transaction.
 *
 * Rows are serialised by PostgreSQL (`row_to_json`): timestamps as ISO 8601
 * in UTC (the transaction sets the zone), dates as `YYYY-MM-DD`, jsonb as
 * JSON, so the JSON file is exactly what the database holds.
 */

export type Scope = { practiceId: string; clientId?: undefined } | { practiceId: string; clientId: string };

const BATCH = 500;

/** The table's columns in their catalog order, less the ones this export leaves out. */
export async function exportColumns(tx: TransactionSql, table: ExportTable, scope: Scope): Promise<string[]> {
  const rows = await tx<{ column_name: string }[]>`
    select column_name from information_schema.columns
    where table_schema = 'public' and table_name = ${table.name}
    order by ordinal_position`;
  const omit = new Set([...(table.omit ?? []), ...(scope.clientId ? (table.clientOmit ?? []) : [])]);
  const columns = rows.map((r) => r.column_name).filter((c) => !omit.has(c));
  if (columns.length === 0) throw new Error(`export: table ${table.name} has no columns (is it in the database?)`);
  return columns;
}

/** The query for the table's rows in this scope, with its parameters; null when the table is no part of a client's record. */
export function rowsQuery(table: ExportTable, columns: string[], scope: Scope): { text: string; params: string[] } | null {
  const where = scope.clientId ? table.clientWhere : (table.practiceWhere ?? "t.practice_id = $1");
  if (where === null) return null;
  const list = columns.map((c) => `t.${quoteIdent(c)}`).join(", ");
  const text = `select row_to_json(x)::text as j from (select ${list} from ${quoteIdent(table.name)} t where (${where}) order by ${table.orderBy}) x`;
  // Pass only the parameters the clause names ($1 alone for the practice row).
  const params = /\$2\b/.test(where) ? [scope.practiceId, scope.clientId!] : [scope.practiceId];
  return { text, params };
}

async function* batches(tx: TransactionSql, query: { text: string; params: string[] }): AsyncGenerator<string[]> {
  for await (const rows of tx.unsafe<{ j: string }[]>(query.text, query.params).cursor(BATCH)) yield rows.map((r) => r.j);
}

export interface Counter {
  rows: number;
}

/** `[\n{…},\n{…}\n]\n`, streamed. */
export function jsonFile(tx: TransactionSql, query: { text: string; params: string[] }, counter?: Counter): Readable {
  return Readable.from(
    (async function* () {
      yield "[";
      let first = true;
      for await (const batch of batches(tx, query)) {
        const chunk = batch.map((j) => (first ? ((first = false), "\n") : ",\n") + j).join("");
        if (counter) counter.rows += batch.length;
        yield chunk;
      }
      yield first ? "]\n" : "\n]\n";
    })(),
    { objectMode: false },
  );
}

/** A header of column names, then one line per row (RFC 4180 quoting, by csv-stringify), streamed. */
export function csvFile(tx: TransactionSql, query: { text: string; params: string[] }, columns: string[]): Readable {
  return Readable.from(
    (async function* () {
      yield stringify([columns]);
      for await (const batch of batches(tx, query)) {
        const rows = batch.map((j) => {
          const row = JSON.parse(j) as Record<string, unknown>;
          return columns.map((c) => csvCell(row[c]));
        });
        yield stringify(rows);
      }
    })(),
    { objectMode: false },
  );
}

/**
 * A value as a CSV cell: JSON for objects and arrays, empty for null. Text
 * a spreadsheet would run as a formula (`=`, `+`, `@`, a tab or CR, or `-`
 * not starting a number) gets a leading `'`; the JSON file keeps every
 * value exactly (docs/export.md).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value !== "string") return String(value);
  return /^[=+@\t\r]/.test(value) || /^-(?![\d.])/.test(value) ? `'${value}` : value;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
