import Stripe from "stripe";
import { describe, expect, test } from "vitest";
import { csvOfPayments, type PaymentRow } from "@/lib/billing/payments-csv";
import { diagnosisSchema } from "@/lib/billing/diagnosis-schema";
import { cancellationRefund, checkoutMinutesFor, planBookingPayments } from "@/lib/billing/payment-plan";
import { refundFormSchema } from "@/lib/billing/refund-schema";
import { parseFormBody } from "@/dev/stripe-standin/form-body";
import { signPayload } from "@/dev/stripe-standin/server";
import { parseEnv } from "@/lib/env";

describe("planBookingPayments", () => {
  const base = { priceCents: 19001, mode: "full" as const, depositCents: null, attendees: 2 };
  test("one payer pays the whole; a split gives the odd cent to the first half", () => {
    expect(planBookingPayments({ ...base, payer: "me" })).toEqual([{ attendee: 0, kind: "session", amountCents: 19001, splitPart: null }]);
    expect(planBookingPayments({ ...base, payer: "partner" })).toEqual([{ attendee: 1, kind: "session", amountCents: 19001, splitPart: null }]);
    const split = planBookingPayments({ ...base, payer: "split" });
    expect(split.map((p) => p.amountCents)).toEqual([9501, 9500]);
    expect(split.reduce((n, p) => n + p.amountCents, 0)).toBe(19001);
  });
  test("a deposit is capped at the price; nothing online for free, none mode, or below Stripe's minimum", () => {
    expect(planBookingPayments({ ...base, mode: "deposit", depositCents: 5000, payer: "me" })).toEqual([{ attendee: 0, kind: "deposit", amountCents: 5000, splitPart: null }]);
    expect(planBookingPayments({ ...base, mode: "deposit", depositCents: 50000, payer: "me" })[0]!.amountCents).toBe(19001);
    expect(planBookingPayments({ ...base, priceCents: 0, payer: "me" })).toEqual([]);
    expect(planBookingPayments({ ...base, mode: "none", payer: "me" })).toEqual([]);
    expect(planBookingPayments({ ...base, mode: "deposit", depositCents: 30, payer: "me" })).toEqual([]);
    // Halves below the minimum: one payment instead.
    expect(planBookingPayments({ ...base, priceCents: 80, payer: "split" })).toHaveLength(1);
  });
  test("an individual always pays alone", () => {
    expect(planBookingPayments({ ...base, attendees: 1, payer: "split" })).toHaveLength(1);
  });
  test("checkouts last Stripe's minimum for the booker, longer when a partner has to pay", () => {
    expect(checkoutMinutesFor(1, "me")).toBe(30);
    expect(checkoutMinutesFor(2, "split")).toBe(120);
    expect(checkoutMinutesFor(1, "partner")).toBe(120);
  });
});

describe("cancellationRefund", () => {
  test("in time: everything not yet refunded; late: the fee is kept", () => {
    expect(cancellationRefund({ paidCents: 19000, refundedCents: 0, late: false, lateCancelFeeCents: 9500 })).toBe(19000);
    expect(cancellationRefund({ paidCents: 19000, refundedCents: 4000, late: false, lateCancelFeeCents: 9500 })).toBe(15000);
    expect(cancellationRefund({ paidCents: 19000, refundedCents: 0, late: true, lateCancelFeeCents: 9500 })).toBe(9500);
    expect(cancellationRefund({ paidCents: 5000, refundedCents: 0, late: true, lateCancelFeeCents: 9500 })).toBe(0);
    expect(cancellationRefund({ paidCents: 19000, refundedCents: 12000, late: true, lateCancelFeeCents: 9500 })).toBe(0);
  });
});

describe("the stand-in's webhook signature", () => {
  test("is exactly Stripe's: the official SDK verifies it, and refuses a changed body or another secret", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_1" } } });
    const t = Math.floor(Date.now() / 1000);
    const header = signPayload(payload, "whsec_test", t);
    const stripe = new Stripe("sk_test_x");
    expect(stripe.webhooks.constructEvent(payload, header, "whsec_test").id).toBe("evt_1");
    expect(header).toBe(stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_test", timestamp: t }));
    expect(() => stripe.webhooks.constructEvent(payload + " ", header, "whsec_test")).toThrow();
    expect(() => stripe.webhooks.constructEvent(payload, header, "whsec_other")).toThrow();
  });
});

describe("parseFormBody (the SDK's form encoding)", () => {
  test("nests brackets into objects and arrays", () => {
    const body = new URLSearchParams({
      mode: "payment",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "9500",
      "line_items[0][quantity]": "1",
      "metadata[paymentId]": "abc",
      "expand[0]": "payment_method",
    }).toString();
    expect(parseFormBody(body)).toEqual({
      mode: "payment",
      line_items: [{ price_data: { currency: "usd", unit_amount: "9500" }, quantity: "1" }],
      metadata: { paymentId: "abc" },
      expand: ["payment_method"],
    });
  });
});

describe("forms", () => {
  test("refund amounts and reasons", () => {
    expect(refundFormSchema.safeParse({ amount: "95.50", reason: "Shortened" }).success).toBe(true);
    expect(refundFormSchema.safeParse({ amount: "0", reason: "Shortened" }).success).toBe(false);
    expect(refundFormSchema.safeParse({ amount: "-5", reason: "Shortened" }).success).toBe(false);
    expect(refundFormSchema.safeParse({ amount: "5", reason: "x" }).success).toBe(false);
  });
  test("ICD-10 codes are normalised and checked", () => {
    expect(diagnosisSchema.parse({ codes: "f43.23; z63.0 " }).codes).toEqual(["F43.23", "Z63.0"]);
    expect(diagnosisSchema.safeParse({ codes: "43.2" }).success).toBe(false);
    expect(diagnosisSchema.parse({ codes: "" }).codes).toEqual([]);
  });
});

describe("env", () => {
  test("a Stripe key needs its webhook secret; bad shapes name the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_test_abc" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(parseEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" }).STRIPE_SECRET_KEY).toBe("sk_test_abc");
    expect(() => parseEnv({ NODE_ENV: "test", STRIPE_SECRET_KEY: "pk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => parseEnv({ NODE_ENV: "test", STRIPE_API_BASE: "ftp://x" })).toThrow(/STRIPE_API_BASE/);
    expect(() => parseEnv({ NODE_ENV: "test", STRIPE_STANDIN_PORT: "80" })).toThrow(/STRIPE_STANDIN_PORT/);
  });
});

describe("csvOfPayments", () => {
  test("quotes commas and neutralises spreadsheet formulas", () => {
    const row: PaymentRow = {
      id: "1",
      createdAt: new Date("2026-03-09T15:00:00Z"),
      paidAt: null,
      kind: "session",
      status: "succeeded",
      amountCents: 19000,
      refundedCents: 2500,
      currency: "USD",
      description: "Couples session, 9 March",
      clientId: "c",
      clientName: "=HYPERLINK(\"x\")",
      clinicianName: null,
      serviceName: "Couples session",
    };
    const [head, line] = csvOfPayments([row], "America/New_York").trim().split("\r\n");
    expect(head).toBe("date,client,description,clinician,service,kind,status,currency,amount,refunded");
    expect(line).toBe(`2026-03-09,"'=HYPERLINK(""x"")","Couples session, 9 March",,Couples session,session,succeeded,USD,190.00,25.00`);
  });
});
