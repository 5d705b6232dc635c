import { describe, expect, test } from "vitest";
import { payAtBookingFor, priceLabel } from "@/lib/booking/service-labels";

describe("what is paid at booking (one rule for the booking page and the Services page)", () => {
  test("a service set to charge in full is paid online only when the practice can take payments", () => {
    expect(payAtBookingFor({ paymentMode: "full", depositCents: null }, 19000, true)).toEqual({ mode: "full", amountCents: 19000 });
    expect(payAtBookingFor({ paymentMode: "full", depositCents: null }, 19000, false)).toBeNull();
  });

  test("a deposit never exceeds the price; no setting, 'none' or a free service charge nothing online", () => {
    expect(payAtBookingFor({ paymentMode: "deposit", depositCents: 5000 }, 19000, true)).toEqual({ mode: "deposit", amountCents: 5000 });
    expect(payAtBookingFor({ paymentMode: "deposit", depositCents: 25000 }, 19000, true)).toEqual({ mode: "deposit", amountCents: 19000 });
    expect(payAtBookingFor(null, 19000, true)).toBeNull();
    expect(payAtBookingFor({ paymentMode: "none", depositCents: null }, 19000, true)).toBeNull();
    expect(payAtBookingFor({ paymentMode: "full", depositCents: null }, 0, true)).toBeNull();
  });

  test("the label says what the visitor will meet", () => {
    expect(priceLabel({ priceCents: 19000, currency: "USD", payAtBooking: { mode: "full", amountCents: 19000 } })).toBe("$190 · paid online when you book");
    expect(priceLabel({ priceCents: 19000, currency: "USD", payAtBooking: { mode: "deposit", amountCents: 5000 } })).toBe("$190 · $50 deposit online when you book");
    expect(priceLabel({ priceCents: 19000, currency: "USD", payAtBooking: null })).toBe("$190 · pay at the session");
    expect(priceLabel({ priceCents: 0, currency: "USD", payAtBooking: null })).toBe("Free");
  });
});
