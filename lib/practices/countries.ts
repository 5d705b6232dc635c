import type { Currency } from "@/lib/money/currencies";

/**
 * The countries a new practice can choose (ISO 3166 alpha-2), each with the
 * currency the sign-up form starts with; the person may pick another. Only
 * countries whose own currency is one of lib/money's CURRENCIES are listed.
 * No imports at run time: safe in the browser.
 */
export const COUNTRIES = [
  { code: "US", label: "United States", currency: "USD" },
  { code: "GB", label: "United Kingdom", currency: "GBP" },
  { code: "IE", label: "Ireland", currency: "EUR" },
  { code: "AU", label: "Australia", currency: "AUD" },
  { code: "AT", label: "Austria", currency: "EUR" },
  { code: "BE", label: "Belgium", currency: "EUR" },
  { code: "FI", label: "Finland", currency: "EUR" },
  { code: "FR", label: "France", currency: "EUR" },
  { code: "DE", label: "Germany", currency: "EUR" },
  { code: "IT", label: "Italy", currency: "EUR" },
  { code: "NL", label: "Netherlands", currency: "EUR" },
  { code: "PT", label: "Portugal", currency: "EUR" },
  { code: "ES", label: "Spain", currency: "EUR" },
] as const satisfies readonly { code: string; label: string; currency: Currency }[];

export type CountryCode = (typeof COUNTRIES)[number]["code"];
export const COUNTRY_CODES = COUNTRIES.map((c) => c.code) as [CountryCode, ...CountryCode[]];

export function countryCurrency(code: string): Currency | null {
  return COUNTRIES.find((c) => c.code === code)?.currency ?? null;
}
