import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db/client";
import { services } from "@/db/schema";
import { pgError } from "@/lib/db/pg-error";
import { CURRENCIES } from "@/lib/money";
import { createPractice } from "./helpers/factories";

/**
 * The currency list lives in lib/money; the database's checks are built from
 * it. This reads the migrated database itself (not the schema files), so a
 * migration that writes another list, or a currency column without a check,
 * fails here.
 */
test("every currency column in the database is checked against lib/money's CURRENCIES, no more, no less", async () => {
  const columns = await db.execute<{ table: string }>(sql`
    select table_name as "table" from information_schema.columns
    where table_schema = 'public' and column_name = 'currency' order by table_name`);
  const checks = await db.execute<{ table: string; definition: string }>(sql`
    select c.conrelid::regclass::text as "table", pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where c.contype = 'c' and c.connamespace = 'public'::regnamespace 
      and exists (select 1 from pg_attribute a where a.attrelid = c.conrelid and a.attnum = any (c.conkey) and a.attname = 'currency')
    order by 1`);

  const tables = columns.map((c) => c.table);
  expect(tables).toEqual(["appointments", "fees", "group_events", "packages", "payments", "practices", "product_orders", "products", "refunds", "services"]);
  expect(checks.map((c) => c.table)).toEqual(tables);
  for (const check of checks) {
    const allowed = [...check.definition.matchAll(/'([A-Z]{3})'::text/g)].map((m) => m[1]);
    expect(allowed, `${check.table}: ${check.definition}`).toEqual([...CURRENCIES]);
  }
});

test("a service may be priced in each listed currency and in nothing else (CAD and NZD were allowed before 0014)", async () => {
  const practice = await createPractice();
  const insert = (currency: string) =>
    db
      .insert(services)
      .values({ practiceId: practice.id, name: `In ${currency}`, durationMinutes: 50, currency, format: "online", attendance: "individual" })
      .then(
        () => "stored",
        (e: unknown) => pgError(e)?.constraint ?? String(e),
      );
  for (const currency of CURRENCIES) expect(await insert(currency)).toBe("stored");
  for (const currency of ["CAD", "NZD", "usd", "XXX"]) expect(await insert(currency)).toBe("services_currency");
});
