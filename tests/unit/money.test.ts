import { describe, expect, test } from "vitest";
import { FORMAT_LABELS, FORMAT_SHORT_LABELS, paymentLabel } from "@/lib/booking/service-labels";
import { CURRENCIES, CURRENCY_LABELS, centsToAmountInput, currencySymbol, defaultCurrencyFor, formatMoney, practiceCurrency, formatMoneyFull, isCurrency, parseMoney } from "@/lib/money";

// Moved from tests/unit/service-schema.test.ts when money got its one home (lib/money).
describe("money", () => {
  test("decimal amounts become integer minor units without floating-point error", () => {
    expect(parseMoney("190")).toEqual({ ok: true, cents: 19000 });
    expect(parseMoney("190.5")).toEqual({ ok: true, cents: 19050 });
    expect(parseMoney("190.50")).toEqual({ ok: true, cents: 19050 });
    expect(parseMoney(" 0.29 ")).toEqual({ ok: true, cents: 29 });
    expect(parseMoney("1,250.99")).toEqual({ ok: true, cents: 125099 });
    expect(parseMoney(".5")).toEqual({ ok: true, cents: 50 });
    expect(parseMoney(19.99)).toEqual({ ok: true, cents: 1999 });
    expect(parseMoney("")).toEqual({ ok: true, cents: 0 });
    expect(parseMoney(undefined)).toEqual({ ok: true, cents: 0 });
  });

  test("words, negatives, three decimals and huge amounts are refused", () => {
    expect(parseMoney("abc")).toEqual({ ok: false, reason: "format" });
    expect(parseMoney("-1")).toEqual({ ok: false, reason: "negative" });
    expect(parseMoney("1.999")).toEqual({ ok: false, reason: "format" });
    expect(parseMoney("1e3")).toEqual({ ok: false, reason: "format" });
    expect(parseMoney("12,34")).toEqual({ ok: false, reason: "format" });
    expect(parseMoney(".")).toEqual({ ok: false, reason: "format" });
    expect(parseMoney("100000.01")).toEqual({ ok: false, reason: "too_large" });
    expect(parseMoney("100000")).toEqual({ ok: true, cents: 10_000_000 });
  });

  test("minor units go back into a form and onto the page", () => {
    expect(centsToAmountInput(19000)).toBe("190");
    expect(centsToAmountInput(19050)).toBe("190.50");
    expect(centsToAmountInput(5)).toBe("0.05");
    expect(formatMoney(19000, "USD")).toBe("$190");
    expect(formatMoney(19050, "USD")).toBe("$190.50");
    expect(formatMoney(12000, "GBP")).toBe("£120");
    expect(formatMoney(32000, "AUD")).toBe("$320");
  });

  test("the currency follows the practice's country", () => {
    expect(defaultCurrencyFor("GB")).toBe("GBP");
    expect(defaultCurrencyFor("AU")).toBe("AUD");
    expect(defaultCurrencyFor("US")).toBe("USD");
    expect(defaultCurrencyFor("DE")).toBe("USD");
    expect(defaultCurrencyFor(null)).toBe("USD");
  });

  test("after sign-up, new services start in the practice's own currency, not its country's guess", () => {
    // A German practice that chose euros at sign-up: its country alone would have said USD.
    expect(practiceCurrency({ currency: "EUR" })).toBe("EUR");
    expect(practiceCurrency({ currency: "GBP" })).toBe("GBP");
    expect(practiceCurrency({ currency: "CAD" })).toBe("USD");
  });

});

describe("currency list", () => {
  test("every listed currency has a label, a symbol and two decimals", () => {
    expect(Object.keys(CURRENCY_LABELS)).toEqual([...CURRENCIES]);
    for (const c of CURRENCIES) {
      expect(isCurrency(c)).toBe(true);
      expect(new Intl.NumberFormat("en-US", { style: "currency", currency: c }).resolvedOptions().maximumFractionDigits).toBe(2);
    }
    expect(CURRENCIES.map(currencySymbol)).toEqual(["$", "£", "€", "$"]);
  });

  test("a currency outside the list is not one", () => {
    for (const c of ["CAD", "NZD", "usd", "", null, 5]) expect(isCurrency(c)).toBe(false);
  });

  test("emails print two decimals and Intl's symbol", () => {
    expect(formatMoneyFull(4000, "USD")).toBe("$40.00");
    expect(formatMoneyFull(6000, "GBP")).toBe("£60.00");
    expect(formatMoneyFull(32050, "AUD")).toBe("A$320.50");
  });
});

describe("service labels", () => {
  test("a priced service is paid at the session until billing exists", () => {
    expect(paymentLabel(19000)).toBe("Pay at the session");
    expect(paymentLabel(0)).toBe("Free");
  });

  test("the calendar's short labels differ only in saying Online", () => {
    expect(FORMAT_LABELS).toEqual({ in_person: "In person", online: "Online video", phone: "Phone" });
    expect(FORMAT_SHORT_LABELS).toEqual({ ...FORMAT_LABELS, online: "Online" });
  });
});
