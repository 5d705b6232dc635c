import { describe, expect, test } from "vitest";
import { shapeBilling } from "@/lib/home/billing";
import { shapeAnswered, shapeAwaiting } from "@/lib/home/forms";
import { homeSectionsFor } from "@/lib/home/sections";
import { missingFormLines, paymentText, sessionPayment, shapeSessions, type SessionRow } from "@/lib/home/sessions";
import { homeWindow } from "@/lib/home/window";

const ZONE = "America/Chicago";
const NOW = new Date("2026-03-10T15:00:00Z");

function row(overrides: Partial<SessionRow> = {}): SessionRow {
  return {
    id: "a1",
    status: "confirmed",
    startsAt: new Date("2026-03-10T19:00:00Z"),
    endsAt: new Date("2026-03-10T19:50:00Z"),
    format: "online",
    coupleId: null,
    priceCents: 15_000,
    currency: "USD",
    serviceName: "Couples session",
    memberId: "me",
    memberName: "Casey",
    videoUrl: "https://video.example.test/casey",
    locationName: null,
    paymentMode: "none",
    attendees: [{ clientId: "c1", firstName: "Ana", lastName: "Lopez" }],
    missingForms: [],
    prepaidCents: 0,
    failedPayments: 0,
    pendingPayments: 0,
    ...overrides,
  };
}

describe("homeWindow", () => {
  test("today and tomorrow from local midnight, whatever daylight saving does", () => {
    // Sunday 8 March 2026: Chicago springs forward, a 23-hour day.
    const w = homeWindow(ZONE, new Date("2026-03-08T12:00:00Z"));
    expect(w).toMatchObject({ today: "2026-03-08", tomorrow: "2026-03-09" });
    expect(w.from.toISOString()).toBe("2026-03-08T06:00:00.000Z");
    expect(w.tomorrowFrom.toISOString()).toBe("2026-03-09T05:00:00.000Z");
    expect(w.to.toISOString()).toBe("2026-03-10T05:00:00.000Z");
  });

  test("late in the evening UTC is still the practice's today", () => {
    expect(homeWindow(ZONE, new Date("2026-03-11T04:30:00Z")).today).toBe("2026-03-10");
  });
});

describe("sessions", () => {
  test("what a session still owes", () => {
    expect(sessionPayment(row({ priceCents: 0 }))).toEqual({ kind: "free" });
    expect(sessionPayment(row({ prepaidCents: 15_000 }))).toEqual({ kind: "paid" });
    expect(sessionPayment(row({ status: "pending_payment" }))).toMatchObject({ kind: "unpaid", reason: "awaiting_payment", dueCents: 15_000 });
    expect(sessionPayment(row({ failedPayments: 1 }))).toMatchObject({ reason: "payment_failed" });
    expect(sessionPayment(row({ prepaidCents: 5_000 }))).toMatchObject({ reason: "due_at_session", dueCents: 10_000 });
  });

  test("the amount only for billing roles", () => {
    const p = sessionPayment(row({ prepaidCents: 5_000 }));
    expect(paymentText(p, false)).toBe("Unpaid · due at the session");
    expect(paymentText(p, true)).toBe("Unpaid · due at the session · $100");
    expect(paymentText({ kind: "paid" }, true)).toBeNull();
  });

  test("missing forms say whose for a couple", () => {
    const attendees = [
      { clientId: "c1", firstName: "Ana", lastName: "Lopez" },
      { clientId: "c2", firstName: "Ben", lastName: "Lopez" },
    ];
    const missingForms = [
      { clientId: "c1", title: "Informed consent" },
      { clientId: "c2", title: "Informed consent" },
      { clientId: "c2", title: "Couples intake" },
    ];
    expect(missingFormLines({ attendees, missingForms })).toEqual(["Couples intake (Ben)", "Informed consent (both)"]);
    expect(missingFormLines({ attendees: attendees.slice(0, 1), missingForms: missingForms.slice(0, 1) })).toEqual(["Informed consent"]);
  });

  test("split by local day, a couple as one line, the join link only on one's own online sessions that have not ended", () => {
    const w = homeWindow(ZONE, NOW);
    const rows = [
      row({ id: "later", startsAt: new Date("2026-03-11T14:00:00Z"), endsAt: new Date("2026-03-11T14:50:00Z") }),
      row({
        id: "couple",
        coupleId: "k1",
        attendees: [
          { clientId: "c1", firstName: "Ana", lastName: "Lopez" },
          { clientId: "c2", firstName: "Ben", lastName: "Lopez" },
        ],
      }),
      row({ id: "theirs", memberId: "other", memberName: "Robin", startsAt: new Date("2026-03-10T21:00:00Z"), endsAt: new Date("2026-03-10T21:50:00Z") }),
      row({ id: "over", startsAt: new Date("2026-03-10T13:00:00Z"), endsAt: new Date("2026-03-10T13:50:00Z"), status: "completed" }),
      row({ id: "clinic", format: "in_person", locationName: "Lincoln Park clinic", startsAt: new Date("2026-03-10T22:00:00Z"), endsAt: new Date("2026-03-10T22:50:00Z") }),
    ];
    const days = shapeSessions(rows, { memberId: "me", seesAmounts: false }, w, ZONE, NOW);
    expect(days.today.sessions.map((s) => [s.id, s.time, s.who, s.where, s.clinician, s.status, s.joinUrl])).toEqual([
      ["over", "8:00 AM – 8:50 AM", "Ana Lopez", "Online video", null, "Completed", null],
      ["couple", "2:00 PM – 2:50 PM", "Ana Lopez & Ben Lopez", "Online video", null, null, "https://video.example.test/casey"],
      ["theirs", "4:00 PM – 4:50 PM", "Ana Lopez", "Online video", "Robin", null, null],
      ["clinic", "5:00 PM – 5:50 PM", "Ana Lopez", "Lincoln Park clinic", null, null, null],
    ]);
    expect(days.today.sessions[1]!.isCouple).toBe(true);
    expect(days.tomorrow.sessions.map((s) => s.id)).toEqual(["later"]);
  });
});

describe("answers and what waits on clients", () => {
  test("answers newest first, saying since when", () => {
    const rows = [
      { responseId: "r1", clientId: "c1", firstName: "Cal", lastName: "Moss", title: "PHQ-9", submittedAt: new Date("2026-03-09T23:00:00Z"), lastVisitAt: new Date("2026-03-09T15:00:00Z") },
      { responseId: "r2", clientId: "c2", firstName: "Dee", lastName: "Ng", title: "Couples intake", submittedAt: new Date("2026-03-10T01:00:00Z"), lastVisitAt: null },
    ];
    expect(shapeAnswered(rows, ZONE).map((a) => [a.responseId, a.since, a.when])).toEqual([
      ["r2", "Before a first visit", "Monday 9 March 2026, 8:00 PM CDT"],
      ["r1", "Since the visit on Mon 9 Mar", "Monday 9 March 2026, 6:00 PM CDT"],
    ]);
  });

  test("signatures and address confirmations, oldest first", () => {
    const out = shapeAwaiting(
      [
        { kind: "email_confirmation", id: "e1", clientId: "c1", firstName: "Cal", lastName: "Moss", title: null, since: new Date("2026-03-09T15:00:00Z") },
        { kind: "signature", id: "s1", clientId: "c2", firstName: "Dee", lastName: "Ng", title: "Informed consent", since: new Date("2026-03-01T15:00:00Z") },
      ],
      ZONE,
    );
    expect(out.map((w) => [w.who, w.text, w.since])).toEqual([
      ["Dee Ng", "To sign: Informed consent", "Sent Sun 1 Mar"],
      ["Cal Moss", "To confirm a new email address", "Sent Mon 9 Mar"],
    ]);
  });
});

describe("billing", () => {
  test("balances per client, largest first, totals per currency; failed and waiting oldest first", () => {
    const fee = (id: string, clientId: string, firstName: string, amountCents: number, currency = "USD", kind: "no_show" | "late_cancel" = "no_show") => ({
      id,
      kind,
      amountCents,
      currency,
      createdAt: new Date(`2026-03-0${id.length + 1}T15:00:00Z`),
      clientId,
      firstName,
      lastName: "Moss",
    });
    const pay = (id: string, status: "failed" | "pending", day: number) => ({
      id,
      status,
      amountCents: 9_050,
      currency: "USD",
      description: "Session",
      clientId: "c1",
      firstName: "Cal",
      lastName: "Moss",
      createdAt: new Date(`2026-03-0${day}T15:00:00Z`),
    });
    const out = shapeBilling([fee("f", "c1", "Cal", 4_000, "USD", "late_cancel"), fee("ff", "c1", "Cal", 6_000), fee("fff", "c2", "Dee", 9_000, "GBP")], [pay("p2", "failed", 5), pay("p1", "failed", 3), pay("p3", "pending", 4)], ZONE);
    expect(out.totalDue).toBe("£90 · $100");
    expect(out.balances.map((b) => [b.who, b.amount, b.what])).toEqual([
      ["Cal Moss", "$100", "Late-cancellation fee, No-show fee"],
      ["Dee Moss", "£90", "No-show fee"],
    ]);
    expect(out.failed.map((p) => [p.paymentId, p.amount])).toEqual([
      ["p1", "$90.50"],
      ["p2", "$90.50"],
    ]);
    expect(out.waiting.map((p) => p.paymentId)).toEqual(["p3"]);
    expect(shapeBilling([], [], ZONE)).toEqual({ totalDue: null, balances: [], failed: [], waiting: [] });
  });
});

describe("sections", () => {
  test("each role sees what its capabilities allow; the safety slot first", () => {
    expect(homeSectionsFor("clinician")).toEqual(["safety_flags", "sessions", "notes_due", "forms_answered", "homework_flags", "plan_reviews", "gfe_overdue", "awaiting"]);
    expect(homeSectionsFor("front_desk")).toEqual(["sessions", "notes_due", "gfe_overdue", "awaiting", "billing"]);
    expect(homeSectionsFor("admin")).toEqual(["safety_flags", "setup_checklist", "sessions", "notes_due", "forms_answered", "homework_flags", "plan_reviews", "gfe_overdue", "awaiting", "billing"]);
  });
});
