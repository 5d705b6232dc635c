import { describe, expect, it } from "vitest";
import type { Fee } from "@/db/schema";
import { cancellationEffects } from "@/lib/billing/cancellation-policy";
import { feeStillDue } from "@/lib/billing/fee-due";
import { paymentLabel } from "@/lib/billing/payment-label";
import { emailedLine } from "@/lib/booking/emailed-line";

// The words of the confirm dialogs and of "what a payment was for" (decision 0034).

describe("emailedLine", () => {
  it("names who is emailed, the reader as You", () => {
    expect(emailedLine(["You", "Ben Reyes"], "an updated invitation")).toBe("You and Ben Reyes are emailed an updated invitation.");
    expect(emailedLine(["You"], "that it is cancelled")).toBe("You are emailed that it is cancelled.");
    expect(emailedLine(["Noor Vale"], "that it is cancelled")).toBe("Noor Vale is emailed that it is cancelled.");
    expect(emailedLine([], "x")).toBe("No one is emailed: no attendee has an email address.");
  });
});

describe("cancellationEffects", () => {
  const base = { currency: "USD", paidCents: 19000, refundedCents: 0, lateCancelFeeCents: 9500, usedCredit: false };
  it("in time: all of what was paid comes back", () => {
    expect(cancellationEffects(base, false)).toEqual(["$190 is refunded to the card that paid."]);
  });
  it("late: the fee is kept from what was paid, the rest refunded", () => {
    expect(cancellationEffects(base, true)).toEqual(["$95 is refunded to the card that paid.", "$95 is kept as the late-cancellation fee."]);
  });
  it("late with nothing paid: the fee is recorded as owed, nothing charged", () => {
    expect(cancellationEffects({ ...base, paidCents: 0 }, true, "staff")).toEqual(["A late-cancellation fee of $95 is recorded as owed; no card is charged until someone presses Charge."]);
  });
  it("nothing paid in time: says so", () => {
    expect(cancellationEffects({ ...base, paidCents: 0 }, false)).toEqual(["Nothing is charged or refunded."]);
  });
  it("a package credit comes back only in time", () => {
    expect(cancellationEffects({ ...base, paidCents: 0, usedCredit: true }, false)).toEqual(["The package credit it used comes back."]);
    expect(cancellationEffects({ ...base, paidCents: 0, usedCredit: true }, true)).toEqual(["The package credit it used is not returned."]);
  });
});

describe("feeStillDue", () => {
  const policy = { lateCancelFeeCents: 9500, noShowFeeCents: 19000, currency: "USD" };
  const fee = (status: Fee["status"]) => ({ kind: "no_show", status, amountCents: 19000 }) as Fee;
  it("a no-show with a fee and nothing paid ahead: due", () => {
    expect(feeStillDue({ status: "no_show", payments: [], fees: [], policy })).toMatchObject({ kind: "no_show", amountCents: 19000 });
    expect(feeStillDue({ status: "no_show", payments: [], fees: [fee("open")], policy })).toMatchObject({ kind: "no_show" });
  });
  it("paid, waived, covered by a prepayment, no fee, or not a no-show: nothing due", () => {
    expect(feeStillDue({ status: "no_show", payments: [], fees: [fee("paid")], policy })).toBeNull();
    expect(feeStillDue({ status: "no_show", payments: [], fees: [fee("waived")], policy })).toBeNull();
    expect(feeStillDue({ status: "no_show", payments: [{ status: "succeeded", kind: "session", amountCents: 19000, refundedCents: 0 }], fees: [], policy })).toBeNull();
    expect(feeStillDue({ status: "no_show", payments: [], fees: [], policy: { ...policy, noShowFeeCents: 0 } })).toBeNull();
    expect(feeStillDue({ status: "completed", payments: [], fees: [], policy })).toBeNull();
  });
});

describe("paymentLabel", () => {
  const at = { serviceName: "Couples session", startsAt: new Date("2026-12-09T15:00:00Z") };
  it("names the appointment as it is now", () => {
    expect(paymentLabel({ kind: "session", splitPart: 1, description: "Couples session, old date" }, at, "America/New_York")).toBe("Couples session, Wednesday 9 December 2026, 10:00 AM EST (share 1 of 2)");
    expect(paymentLabel({ kind: "deposit", splitPart: null, description: "x" }, at, "America/New_York")).toBe("Couples session, Wednesday 9 December 2026, 10:00 AM EST (deposit)");
    expect(paymentLabel({ kind: "fee", splitPart: null, description: "No-show fee" }, at, "America/New_York", "no_show")).toBe("No-show fee: Couples session, Wednesday 9 December 2026, 10:00 AM EST");
  });
  it("keeps the stored words for what has no appointment", () => {
    expect(paymentLabel({ kind: "package", splitPart: null, description: "Five sessions" }, null, "America/New_York")).toBe("Five sessions");
  });
});
