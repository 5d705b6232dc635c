import { describe, expect, test } from "vitest";
import { sql } from "@/db/client";
import { CLIENT_EXPORT_TABLES } from "@/lib/export/client-export";
import { EXPORT_TABLES, NOT_EXPORTED } from "@/lib/export/tables";

// Read from the migrated database's catalog, so a table added by a later
// migration fails here until docs/export.md's list (lib/export/tables.ts) names it.
async function catalog() {
  const rows = await sql<{ table_name: string; column_name: string }[]>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.table_name <> '__drizzle_migrations'`;
  const tables = new Map<string, Set<string>>();
  for (const r of rows) tables.set(r.table_name, (tables.get(r.table_name) ?? new Set()).add(r.column_name));
  return tables;
}

describe("every table is accounted for in the exports", () => {
  test("every table with a practice_id or client_id column is in the practice export", async () => {
    const tables = await catalog();
    const exported = new Set(EXPORT_TABLES.map((t) => t.name));
    const scoped = [...tables].filter(([, cols]) => cols.has("practice_id") || cols.has("client_id")).map(([name]) => name);
    expect(scoped.length).toBeGreaterThan(30);
    expect(scoped.filter((name) => !exported.has(name)).sort()).toEqual([]);
  });

  test("every table with a client_id column is in a client's export", async () => {
    const tables = await catalog();
    const inClient = new Set(CLIENT_EXPORT_TABLES.map((t) => t.name));
    const withClient = [...tables].filter(([, cols]) => cols.has("client_id")).map(([name]) => name);
    expect(withClient.length).toBeGreaterThan(8);
    expect(withClient.filter((name) => !inClient.has(name)).sort()).toEqual([]);
  });

  test("every other table is named as left out, with a reason, and none of those holds practice or client data", async () => {
    const tables = await catalog();
    const exported = new Set(EXPORT_TABLES.map((t) => t.name));
    expect([...tables.keys()].filter((name) => !exported.has(name) && !(name in NOT_EXPORTED)).sort()).toEqual([]);
    for (const [name, why] of Object.entries(NOT_EXPORTED)) {
      expect(tables.has(name), `${name} is no table`).toBe(true);
      expect(why.length).toBeGreaterThan(10);
      const cols = tables.get(name)!;
      expect(cols.has("practice_id") || cols.has("client_id"), name).toBe(false);
    }
  });

  test("the list names real tables and columns; tables left out of a client's export say why", async () => {
    const tables = await catalog();
    for (const t of EXPORT_TABLES) {
      expect(tables.has(t.name), t.name).toBe(true);
      for (const c of [...(t.omit ?? []), ...(t.clientOmit ?? [])]) expect(tables.get(t.name)!.has(c), `${t.name}.${c}`).toBe(true);
      if (t.clientWhere === null) expect(t.clientWhy, t.name).toBeTruthy();
      // Every client clause is scoped to the practice ($1) and, but for the practice's own row, to the client ($2).
      if (t.clientWhere !== null) expect(t.clientWhere, t.name).toMatch(/\$1\b/);
      if (t.clientWhere !== null && t.name !== "practices") expect(t.clientWhere, t.name).toMatch(/\$2\b/);
    }
    expect(new Set(EXPORT_TABLES.map((t) => t.name)).size).toBe(EXPORT_TABLES.length);
  });
});
