import { sql, type AnyColumn, type SQL } from "drizzle-orm";
// Relative, not "@/": drizzle-kit loads the schema on its own. The list is
// pure (no imports), so db/ stays independent of Next.
import { CURRENCIES } from "../../lib/money/currencies";
import { PRACTICE_LOCALES } from "../../lib/dates/locales";

/** Every timestamp column: `timestamp with time zone`, read as a JS Date. */
export const tz = { withTimezone: true, mode: "date" } as const;

/** The check every currency column carries: one of lib/money's CURRENCIES. */
export function currencyIn(column: AnyColumn): SQL {
  return sql`${column} in ${sql.raw(`(${CURRENCIES.map((c) => `'${c}'`).join(", ")})`)}`;
}

/** The check a practice's locale carries: one of lib/dates' PRACTICE_LOCALES. */
export function localeIn(column: AnyColumn): SQL {
  return sql`${column} in ${sql.raw(`(${PRACTICE_LOCALES.map((l) => `'${l}'`).join(", ")})`)}`;
}
