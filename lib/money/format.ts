/**
 * Money is typed as decimals in the practice currency and stored as integer
 * minor units (cents, pence). Pure; safe in the browser.
 */

/** The largest amount a form accepts (in major units), well inside a 32-bit column in minor units. */
export const MAX_AMOUNT = 100_000;

export type ParsedMoney = { ok: true; cents: number } | { ok: false; reason: "format" | "negative" | "too_large" };

/**
 * "190" → 19000, "190.5" → 19050, "1,250.00" → 125000, "" → 0.
 * No floating point: the whole and fractional parts are read as integers.
 */
export function parseMoney(input: unknown): ParsedMoney {
  if (input === undefined || input === null) return { ok: true, cents: 0 };
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { ok: false, reason: "format" };
    input = String(input);
  }
  if (typeof input !== "string") return { ok: false, reason: "format" };
  const text = input.trim();
  if (text === "") return { ok: true, cents: 0 };
  if (/^-\s*\d/.test(text)) return { ok: false, reason: "negative" };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return { ok: false, reason: "format" };
  const whole = Number((match[1] ?? "0").replace(/,/g, ""));
  const fraction = Number((match[2] ?? "0").padEnd(2, "0"));
  if (whole > MAX_AMOUNT || (whole === MAX_AMOUNT && fraction > 0)) return { ok: false, reason: "too_large" };
  return { ok: true, cents: whole * 100 + fraction };
}

/** Minor units as the text a form field shows: 19000 → "190", 19050 → "190.50". */
export function centsToAmountInput(cents: number): string {
  const whole = Math.floor(cents / 100);
  const fraction = cents % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, "0")}`;
}

/** 19000, "USD" → "$190"; 19050 → "$190.50"; 12000, "GBP" → "£120". */
export function formatMoney(cents: number, currency: string, locale = "en-US"): string {
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/**
 * Minor units to "$40.00": always two decimals and Intl's own symbol ("A$"
 * for AUD), as emails print amounts. Every listed currency has two decimals.
 */
export function formatMoneyFull(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

/** "USD" → "$", "GBP" → "£": the symbol a money input shows beside it. */
export function currencySymbol(currency: string): string {
  return (
    new Intl.NumberFormat("en-US", { style: "currency", currency, currencyDisplay: "narrowSymbol" }).formatToParts(0).find((x) => x.type === "currency")
      ?.value ?? currency
  );
}
