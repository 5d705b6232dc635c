import { createHash } from "node:crypto";
import { own, type StandInContext } from "./context";
import { newId, now } from "./ids";
import type { PaymentMethod, StoredPaymentMethod, TestCardNumber } from "./types";

/** Test cards the checkout page offers. */
export const TEST_CARDS = {
  "4242": { brand: "visa", last4: "4242", chargeOffSession: true, label: "Visa ending 4242: succeeds" },
  "0341": { brand: "visa", last4: "0341", chargeOffSession: false, label: "Visa ending 0341: pays now, declines later charges" },
} as const satisfies Record<TestCardNumber, { brand: string; last4: string; chargeOffSession: boolean; label: string }>;

/** The card a visitor paid with on the test payment page, saved to the customer when the session asked to. */
export function newPaymentMethod(ctx: StandInContext, card: TestCardNumber, customer: string | null, account: string): StoredPaymentMethod {
  const c = TEST_CARDS[card];
  const pm: StoredPaymentMethod = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: { address: null, email: null, name: null, phone: null },
    card: { brand: c.brand, country: "US", display_brand: c.brand, exp_month: 12, exp_year: new Date().getFullYear() + 3, funding: "credit", last4: c.last4, fingerprint: createHash("sha1").update(card).digest("hex").slice(0, 16) },
    created: now(),
    customer,
    livemode: false,
    metadata: {},
    type: "card",
    _test_card: card,
  };
  ctx.state.payment_methods[pm.id] = pm;
  own(ctx, pm, account);
  return pm;
}

/** As Stripe shows it: without the stand-in's note of which test card it is. */
export function publicPaymentMethod(pm: StoredPaymentMethod): PaymentMethod {
  const { _test_card: _a, ...rest } = pm;
  void _a;
  return rest;
}
