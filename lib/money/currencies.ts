/**
 * The one currency list. The database's currency checks are built from it
 * (db/schema imports this file by a relative path, so drizzle-kit can load
 * the schema), forms offer it, and tests/integration/currencies.test.ts
 * reads the live checks and fails if any of them says something else.
 * No imports: safe in the browser, in db/schema and in scripts.
 */

export const CURRENCIES = ["USD", "GBP", "EUR", "AUD"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const CURRENCY_LABELS: Record<Currency, string> = {
  USD: "US dollar (USD)",
  GBP: "Pound sterling (GBP)",
  EUR: "Euro (EUR)",
  AUD: "Australian dollar (AUD)",
};

export function isCurrency(value: unknown): value is Currency {
  return typeof value === "string" && (CURRENCIES as readonly string[]).includes(value);
}

/**
 * What a practice charges in: the currency chosen at sign-up (practices.currency, held to this
 * list by the database's check). New services, packages and setup templates start with it.
 */
export function practiceCurrency(practice: { currency: string }): Currency {
  return isCurrency(practice.currency) ? practice.currency : "USD";
}

/** The currency a country's practice is offered at sign-up (ISO 3166 alpha-2); afterwards, practiceCurrency. */
export function defaultCurrencyFor(country: string | null | undefined): Currency {
  switch ((country ?? "").toUpperCase()) {
    case "GB":
      return "GBP";
    case "AU":
      return "AUD";
    default:
      return "USD";
  }
}
