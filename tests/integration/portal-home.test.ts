import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, fees, services, type AppointmentStatus, type Client, type Practice } from "@/db/schema";
import { balanceDue } from "@/lib/billing/portal-billing";
import { listClientSessions } from "@/lib/booking/list-client-sessions";
import { countQueries } from "@/scripts/bench/homework-fixture";
import { createClient, createMember, createPractice, type TestMember } from "./helpers/factories";

/** Wednesday 2 December 2026, 10:00 in New York. */
const NOW = new Date("2026-12-02T15:00:00Z");
const HOUR = 3_600_000;

async function fixture() {
  const practice = await createPractice({ timeZone: "America/New_York" });
  const clinician = await createMember(practice, { role: "clinician" });
  const [service] = await db.insert(services).values({ practiceId: practice.id, name: "Session", durationMinutes: 50, format: "in_person", attendance: "individual", priceCents: 0 }).returning();
  const kim = await createClient(practice, { firstName: "Kim" });
  const other = await createClient(practice, { firstName: "Other" });
  return { practice, clinician, serviceId: service!.id, kim, other };
}

async function session(f: { practice: Practice; clinician: TestMember; serviceId: string }, client: Client, hoursFromNow: number, status: AppointmentStatus) {
  const startsAt = new Date(NOW.getTime() + hoursFromNow * HOUR);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [a] = await db
    .insert(appointments)
    .values({ practiceId: f.practice.id, serviceId: f.serviceId, memberId: f.clinician.member.id, format: "in_person", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status, priceCents: 0, currency: "USD", cancelledAt: status.includes("cancel") ? NOW : null })
    .returning();
  await db.insert(appointmentAttendees).values({ practiceId: f.practice.id, appointmentId: a!.id, clientId: client.id });
  return a!.id;
}

describe("the portal home's sessions (issue 11, problem 11)", () => {
  test("upcoming holds only confirmed and awaiting-payment sessions still ahead; cancelled, late-cancelled and no-show ones go with the past, whatever their time", async () => {
    const f = await fixture();
    const next = await session(f, f.kim, 24, "confirmed");
    const unpaid = await session(f, f.kim, 48, "pending_payment");
    const cancelledAhead = await session(f, f.kim, 30, "cancelled");
    const lateAhead = await session(f, f.kim, 5, "late_cancelled");
    const noShowEarlierToday = await session(f, f.kim, -0.5, "no_show"); // still "not ended" at NOW
    const done = await session(f, f.kim, -72, "completed");
    await session(f, f.other, 6, "confirmed"); // another client's: never seen

    const { upcoming, past } = await listClientSessions(f.kim, NOW);
    expect(upcoming.map((s) => s.id)).toEqual([next, unpaid]);
    expect(past.map((s) => s.id)).toEqual([cancelledAhead, lateAhead, noShowEarlierToday, done]);
    expect(past.every((s) => s.manageHref === null && s.join.kind === "none")).toBe(true);
    expect(upcoming[0]!.manageHref).toMatch(/^\/manage\//);
  });

  test("two queries, however many sessions", async () => {
    const f = await fixture();
    const one = await countQueries(() => listClientSessions(f.kim, NOW));
    for (let i = 0; i < 6; i++) await session(f, f.kim, i * 24 - 60, i % 2 ? "cancelled" : "confirmed");
    const many = await countQueries(() => listClientSessions(f.kim, NOW));
    expect(one.queries).toBe(2);
    expect(many.queries).toBe(2);
  });
});

describe("the portal home's balance due", () => {
  test("open fees summed per currency in one query; paid or waived fees and another client's are not counted", async () => {
    const f = await fixture();
    expect(await balanceDue(f.kim)).toEqual([]);
    const a = await session(f, f.kim, -48, "no_show");
    const b = await session(f, f.kim, 10, "late_cancelled");
    const c = await session(f, f.kim, -96, "no_show");
    const theirs = await session(f, f.other, -50, "no_show");
    await db.insert(fees).values([
      { practiceId: f.practice.id, appointmentId: a, clientId: f.kim.id, kind: "no_show", amountCents: 19_000, currency: "USD" },
      { practiceId: f.practice.id, appointmentId: b, clientId: f.kim.id, kind: "late_cancel", amountCents: 9_500, currency: "USD" },
      { practiceId: f.practice.id, appointmentId: c, clientId: f.kim.id, kind: "no_show", amountCents: 5_000, currency: "USD", status: "paid" },
      { practiceId: f.practice.id, appointmentId: theirs, clientId: f.other.id, kind: "no_show", amountCents: 7_000, currency: "USD" },
    ]);
    const { result, queries } = await countQueries(() => balanceDue(f.kim));
    expect(queries).toBe(1);
    expect(result).toEqual([{ currency: "USD", amountCents: 28_500, count: 2 }]);
  });
});
