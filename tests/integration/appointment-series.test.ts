import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointments,
  appointmentSeries,
  availabilityRules,
  closures,
  couples,
  emailMessages,
  serviceClinicians,
  services,
  type Practice,
  type ServiceAttendance,
} from "@/db/schema";
import { rescheduleAppointment } from "@/lib/appointments/change-appointment";
import { bookForClients } from "@/lib/appointments/staff-book";
import { createAppointment } from "@/lib/booking/lifecycle";
import { pgError } from "@/lib/db/pg-error";
import { bookSeries, previewSeries } from "@/lib/series/book-series";
import { cancelThisAndLater } from "@/lib/series/end-series";
import { changeThisAndLater } from "@/lib/series/change-series";
import { moveThisAndLater } from "@/lib/series/move-series";
import { seriesPlace } from "@/lib/series/read-series";
import { auditEventsFor, createClient, createMember, createPractice, scopeFor, uniqueEmail, type TestMember } from "./helpers/factories";

const ZONE = "America/Los_Angeles";
/** Monday 3 March 2031, 04:00 in Los Angeles; clocks spring forward on Sunday 9 March 2031. */
const NOW = new Date("2031-03-03T12:00:00Z");
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()!;
const iso = (local: string) => new Date(at(local)).toISOString();

/** A practice in Los Angeles; a clinician who works 9:00–17:00 every weekday, online. */
async function seriesPractice(attendance: ServiceAttendance = "individual") {
  const practice = await createPractice({ timeZone: ZONE });
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician" });
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 540, endMinute: 1020, timeZone: ZONE })),
  );
  const service = await createService(practice, clinician, attendance);
  return { practice, owner, clinician, service, scope: scopeFor(owner) };
}

async function createService(practice: Practice, clinician: TestMember, attendance: ServiceAttendance) {
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: `Series ${attendance}`, durationMinutes: 50, format: "online", attendance, priceCents: 15000, bufferAfterMinutes: 10, slotStepMinutes: 15 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  return service!;
}

async function createCouple(practice: Practice) {
  const x = await createClient(practice, { firstName: "Noor", email: uniqueEmail("noor") });
  const y = await createClient(practice, { firstName: "Sam", email: uniqueEmail("sam") });
  const [a, b] = [x.id, y.id].sort() as [string, string];
  const [couple] = await db.insert(couples).values({ practiceId: practice.id, clientAId: a, clientBId: b }).returning();
  return { x, y, couple: couple! };
}

function appointmentsOf(practiceId: string) {
  return db.select().from(appointments).where(eq(appointments.practiceId, practiceId)).orderBy(asc(appointments.startsAt));
}

/** Weekly on Tuesdays at 9:00 from 4 March 2031 (across the spring-forward Sunday). */
function weekly(ctx: { service: { id: string }; clinician: TestMember }, clientIds: string[], extra: Record<string, unknown> = {}) {
  return { serviceId: ctx.service.id, clinicianId: ctx.clinician.member.id, clientIds, start: at("2031-03-04T09:00"), frequency: "weekly", ends: "count", count: 6, ...extra };
}

describe("previewSeries", () => {
  test("lists each occurrence at 9:00 local across DST, with an overlap and a closure marked, and writes nothing", async () => {
    const ctx = await seriesPractice();
    const client = await createClient(ctx.practice, { email: uniqueEmail("robin") });
    const other = await createClient(ctx.practice, { email: uniqueEmail("kai") });
    // Another client already has 9:30 on the 2nd Tuesday; the practice is closed all of the 4th Tuesday.
    const taken = await bookForClients(ctx.scope, { serviceId: ctx.service.id, clinicianId: ctx.clinician.member.id, clientIds: [other.id], start: at("2031-03-11T09:30") }, NOW);
    expect(taken.ok).toBe(true);
    await db.insert(closures).values({ practiceId: ctx.practice.id, startsAt: new Date(at("2031-03-25T00:00")), endsAt: new Date(at("2031-03-26T00:00")), reason: "Training day" });
    const before = await appointmentsOf(ctx.practice.id);

    const preview = await previewSeries(ctx.scope, weekly(ctx, [client.id]), NOW);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.rule).toEqual({ frequency: "weekly", firstDate: "2031-03-04", time: "09:00", timeZone: ZONE });
    expect(preview.occurrences.map((o) => o.start)).toEqual([
      "2031-03-04T17:00:00.000Z", // PST
      "2031-03-11T16:00:00.000Z", // PDT: still 9:00 local
      "2031-03-18T16:00:00.000Z",
      "2031-03-25T16:00:00.000Z",
      "2031-04-01T16:00:00.000Z",
      "2031-04-08T16:00:00.000Z",
    ]);
    expect(preview.occurrences.map((o) => [o.index, o.status, o.reason])).toEqual([
      [0, "ok", undefined],
      [1, "conflict", "overlap"],
      [2, "ok", undefined],
      [3, "conflict", "closure"],
      [4, "ok", undefined],
      [5, "ok", undefined],
    ]);
    expect(preview.occurrences[1]!.message).toBe("Overlaps another session with this clinician");
    expect(preview.occurrences[3]!.message).toBe("The practice is closed (a closure)");
    expect(await appointmentsOf(ctx.practice.id)).toEqual(before);
    expect(await db.select().from(appointmentSeries).where(eq(appointmentSeries.practiceId, ctx.practice.id))).toEqual([]);
  });

  test("a series beyond the service's booking horizon is still checked (staff book ahead); outside hours is its own reason", async () => {
    const ctx = await seriesPractice();
    const client = await createClient(ctx.practice);
    const preview = await previewSeries(ctx.scope, weekly(ctx, [client.id], { count: 12, start: at("2031-03-07T16:00") }), NOW);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    // Fridays 16:00: 50 minutes fit before 17:00 every week, the 12th (23 May) is 81 days out (horizon 60).
    expect(preview.occurrences).toHaveLength(12);
    expect(preview.occurrences.every((o) => o.status === "ok")).toBe(true);
    const late = await previewSeries(ctx.scope, weekly(ctx, [client.id], { start: at("2031-03-08T10:00"), count: 2 }), NOW);
    expect(late.ok && late.occurrences.map((o) => o.reason)).toEqual(["outside_availability", "outside_availability"]);
  });

  test("monthly on a 5th weekday lists the skipped months", async () => {
    const ctx = await seriesPractice();
    const client = await createClient(ctx.practice);
    // Monday 31 March 2031 is the 5th Monday; April has none, June does (30 June).
    const preview = await previewSeries(ctx.scope, weekly(ctx, [client.id], { frequency: "monthly", start: at("2031-03-31T10:00"), count: 2 }), NOW);
    expect(preview.ok && preview.occurrences.map((o) => o.date)).toEqual(["2031-03-31", "2031-06-30"]);
    expect(preview.ok && preview.skippedMonths).toEqual(["2031-04", "2031-05"]);
  });

  test("bad input is a field error: too many sessions, an end before the start, a forged client, one client for a couple service", async () => {
    const ctx = await seriesPractice();
    const client = await createClient(ctx.practice);
    expect(await previewSeries(ctx.scope, weekly(ctx, [client.id], { count: 53 }), NOW)).toEqual({ ok: false, errors: { count: ["Choose 2 to 52 sessions"] } });
    expect(await previewSeries(ctx.scope, weekly(ctx, [client.id], { ends: "until", until: "2031-03-01" }), NOW)).toEqual({ ok: false, errors: { until: ["The last date must be on or after the first session"] } });
    expect(await previewSeries(ctx.scope, weekly(ctx, [client.id], { ends: "until", until: "" }), NOW)).toEqual({ ok: false, errors: { until: ["Choose the date of the last session"] } });
    const elsewhere = await createClient(await createPractice());
    expect(await previewSeries(ctx.scope, weekly(ctx, [elsewhere.id]), NOW)).toEqual({ ok: false, errors: { clientIds: ["Choose clients of this practice"] } });
    const couple = await seriesPractice("couple");
    const { x } = await createCouple(couple.practice);
    expect(await previewSeries(couple.scope, weekly(couple, [x.id]), NOW)).toEqual({ ok: false, errors: { clientIds: ["This is a couple service: choose a client who is linked with their partner"] } });
  });
});

describe("bookSeries", () => {
  test("books the chosen occurrences for a couple: skips one, moves one, each a confirmed appointment with its emails", async () => {
    const ctx = await seriesPractice("couple");
    const { x, y, couple } = await createCouple(ctx.practice);
    await db.insert(closures).values({ practiceId: ctx.practice.id, startsAt: new Date(at("2031-03-25T00:00")), endsAt: new Date(at("2031-03-26T00:00")) });

    // Undecided, the closure refuses the whole series and saves nothing.
    const refused = await bookSeries(ctx.scope, weekly(ctx, [x.id, y.id], { count: 5 }), NOW);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.conflicts?.map((c) => [c.index, c.reason])).toEqual([[3, "closure"]]);
    expect(refused.errors.decisions?.[0]).toMatch(/^This session cannot be booked: .*\(The practice is closed \(a closure\)\)\. Skip or move it and book again\.$/);
    expect(await appointmentsOf(ctx.practice.id)).toEqual([]);

    const result = await bookSeries(
      ctx.scope,
      weekly(ctx, [x.id, y.id], {
        count: 5,
        decisions: [
          { index: 1, action: "skip" },
          { index: 3, action: "move", start: at("2031-03-26T11:00") },
        ],
      }),
      NOW,
    );
    expect(result).toEqual({ ok: true, seriesId: expect.any(String), appointmentIds: expect.any(Array), skipped: 1, moved: 1 });
    if (!result.ok) return;
    const rows = await appointmentsOf(ctx.practice.id);
    expect(rows.map((r) => [r.startsAt.toISOString(), r.seriesIndex, r.status])).toEqual([
      [iso("2031-03-04T09:00"), 0, "confirmed"],
      [iso("2031-03-18T09:00"), 2, "confirmed"],
      [iso("2031-03-26T11:00"), 3, "confirmed"],
      [iso("2031-04-01T09:00"), 4, "confirmed"],
    ]);
    expect(rows.every((r) => r.seriesId === result.seriesId && r.coupleId === couple.id && r.bookedByStaff && r.priceCents === 15000)).toBe(true);
    const attendees = await db.select().from(appointmentAttendees).where(inArray(appointmentAttendees.appointmentId, result.appointmentIds));
    expect(attendees).toHaveLength(8);
    const [series] = await db.select().from(appointmentSeries).where(eq(appointmentSeries.id, result.seriesId));
    expect(series).toMatchObject({ frequency: "weekly", firstDate: "2031-03-04", localTime: "09:00", timeZone: ZONE, occurrenceCount: 5, untilDate: null, endedAt: null, coupleId: couple.id });
    // One confirmation per occurrence per partner, as for single sessions.
    const mail = await db.select().from(emailMessages).where(and(inArray(emailMessages.to, [x.email!, y.email!]), eq(emailMessages.template, "booking-confirmation")));
    expect(mail).toHaveLength(8);
    expect((await auditEventsFor(ctx.practice.id, "series.book"))[0]).toMatchObject({ subjectId: result.seriesId, detail: { skipped: 1, moved: 1 } });
    expect(await auditEventsFor(ctx.practice.id, "appointment.book")).toHaveLength(4);

    // Each occurrence is a real appointment: the exclusion constraint refuses an overlap with it.
    const overlap = await db
      .insert(appointments)
      .values({
        practiceId: ctx.practice.id,
        serviceId: ctx.service.id,
        memberId: ctx.clinician.member.id,
        format: "online",
        startsAt: new Date(at("2031-03-18T09:30")),
        endsAt: new Date(at("2031-03-18T10:20")),
        blockedFrom: new Date(at("2031-03-18T09:30")),
        blockedTo: new Date(at("2031-03-18T10:20")),
        status: "confirmed",
        priceCents: 0,
        currency: "USD",
      })
      .then(
        () => null,
        (error: unknown) => pgError(error)?.code,
      );
    expect(overlap).toBe("23P01");

    // One occurrence moves through the existing reschedule path and stays in its series.
    const moved = await rescheduleAppointment(
      { practiceId: ctx.practice.id, appointmentId: rows[1]!.id, actor: { kind: "member", userId: ctx.owner.user.id }, byStaff: true, values: { start: at("2031-03-19T14:00") } },
      NOW,
    );
    expect(moved).toEqual({ ok: true });
    const [after] = await db.select().from(appointments).where(eq(appointments.id, rows[1]!.id));
    expect(after).toMatchObject({ seriesId: result.seriesId, seriesIndex: 2, startsAt: new Date(at("2031-03-19T14:00")) });
  });

  test("a moved occurrence onto a taken time is refused, listing it; nothing saved", async () => {
    const ctx = await seriesPractice();
    const client = await createClient(ctx.practice);
    const other = await createClient(ctx.practice);
    const taken = await bookForClients(ctx.scope, { serviceId: ctx.service.id, clinicianId: ctx.clinician.member.id, clientIds: [other.id], start: at("2031-03-12T10:00") }, NOW);
    expect(taken.ok).toBe(true);
    const result = await bookSeries(ctx.scope, weekly(ctx, [client.id], { count: 3, decisions: [{ index: 1, action: "move", start: at("2031-03-12T10:00") }] }), NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.conflicts?.map((c) => [c.index, c.reason, c.start])).toEqual([[1, "overlap", iso("2031-03-12T10:00")]]);
    expect(await appointmentsOf(ctx.practice.id)).toHaveLength(1);
    // Nor years away, nor a malformed choice.
    expect(await bookSeries(ctx.scope, weekly(ctx, [client.id], { count: 3, decisions: [{ index: 1, action: "move", start: at("2035-03-12T10:00") }] }), NOW)).toEqual({
      ok: false,
      errors: { decisions: ["A moved session must stay within two years of the first one"] },
    });
    expect(await bookSeries(ctx.scope, weekly(ctx, [client.id], { count: 3, decisions: [{ index: 1, action: "move" }] }), NOW)).toEqual({
      ok: false,
      errors: { "decisions.0.start": ["Choose a new time for this session"] },
    });
    expect(await bookSeries(ctx.scope, weekly(ctx, [client.id], { count: 3, decisions: [{ index: 7, action: "skip" }] }), NOW)).toEqual({
      ok: false,
      errors: { decisions: ["A choice names a session that is not in this series. Preview the series again."] },
    });
    expect(await appointmentsOf(ctx.practice.id)).toHaveLength(1);
  });

  test("a race on one occurrence saves nothing and names the time that was taken", async () => {
    const ctx = await seriesPractice();
    const client = await createClient(ctx.practice);
    const other = await createClient(ctx.practice);
    // Another booking for the 3rd Tuesday is written but not yet committed while the series is checked and inserted.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const blockerInserted = new Promise<void>((resolve) => (inserted = resolve));
    const blocker = db.transaction(async (tx) => {
      const slot = { start: Date.parse(at("2031-03-18T09:00")), end: Date.parse(at("2031-03-18T09:50")), memberId: ctx.clinician.member.id, locationId: null };
      const id = await createAppointment(tx, { practiceId: ctx.practice.id, service: ctx.service, slot, status: "confirmed", bookedByStaff: true, now: NOW });
      await tx.insert(appointmentAttendees).values({ practiceId: ctx.practice.id, appointmentId: id, clientId: other.id });
      inserted();
      await gate;
    });
    await blockerInserted;
    let settled = false;
    const booking = bookSeries(ctx.scope, weekly(ctx, [client.id], { count: 4 }), NOW).finally(() => (settled = true));
    // Let the blocker commit once the series' insert is waiting on it (the clinician's booking lock).
    while (!settled) {
      const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`);
      if ((row?.n ?? 0) > 0) break;
    }
    release();
    await blocker;
    const result = await booking;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts?.map((c) => [c.index, c.start])).toEqual([[2, iso("2031-03-18T09:00")]]);
    expect(result.errors.decisions?.[0]).toMatch(/was just taken by another booking, so nothing was saved/);
    const rows = await appointmentsOf(ctx.practice.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.seriesId).toBeNull();
    expect(await db.select().from(appointmentSeries).where(eq(appointmentSeries.practiceId, ctx.practice.id))).toEqual([]);
  });
});

describe("cancelThisAndLater", () => {
  test("cancels this and the later occurrences through the lifecycle, ends the series, leaves the earlier ones", async () => {
    const ctx = await seriesPractice();
    const client = await createClient(ctx.practice, { email: uniqueEmail("robin") });
    const booked = await bookSeries(ctx.scope, weekly(ctx, [client.id], { count: 4 }), NOW);
    expect(booked.ok).toBe(true);
    if (!booked.ok) return;
    const rows = await appointmentsOf(ctx.practice.id);
    expect(await seriesPlace(ctx.scope, rows[2]!.id)).toMatchObject({ seriesId: booked.seriesId, frequency: "weekly", position: 3, total: 4, endedAt: null, confirmedFromHere: 2 });
    expect(await seriesPlace(ctx.scope, "not-a-uuid")).toBeNull();
    // Another practice's member cannot read it.
    const stranger = await createMember(await createPractice(), { role: "owner" });
    expect(await seriesPlace(scopeFor(stranger), rows[2]!.id)).toBeNull();
    expect(await cancelThisAndLater({ practiceId: stranger.practice.id, appointmentId: rows[2]!.id, actor: { kind: "member", userId: stranger.user.id } }, NOW)).toEqual({
      ok: false,
      message: "This session cannot end its series: it is not an upcoming confirmed session of a series.",
    });

    const result = await cancelThisAndLater({ practiceId: ctx.practice.id, appointmentId: rows[2]!.id, actor: { kind: "member", userId: ctx.owner.user.id } }, NOW);
    expect(result).toEqual({ ok: true, cancelled: 2, late: 0 });
    const after = await appointmentsOf(ctx.practice.id);
    expect(after.map((r) => r.status)).toEqual(["confirmed", "confirmed", "cancelled", "cancelled"]);
    const [series] = await db.select().from(appointmentSeries).where(eq(appointmentSeries.id, booked.seriesId));
    expect(series!.endedAt).toEqual(NOW);
    const mail = await db.select().from(emailMessages).where(and(eq(emailMessages.to, client.email!), eq(emailMessages.template, "booking-cancelled")));
    expect(mail).toHaveLength(2);
    expect(await auditEventsFor(ctx.practice.id, "series.end")).toHaveLength(1);
    // An ended series takes no new occurrence (the database says so).
    const added = await db
      .insert(appointments)
      .values({ ...rows[0]!, id: undefined, startsAt: new Date(at("2031-06-03T09:00")), endsAt: new Date(at("2031-06-03T09:50")), blockedFrom: new Date(at("2031-06-03T09:00")), blockedTo: new Date(at("2031-06-03T10:00")), seriesIndex: 9 })
      .then(
        () => null,
        (error: unknown) => pgError(error)?.constraint ?? pgError(error)?.code,
      );
    expect(added).toBe("appointments_series_scope");
  });

  test("moves this and the later occurrences to a new local time across DST in one go; a conflict on one date moves nothing and names it", async () => {
    const ctx = await seriesPractice();
    const client = await createClient(ctx.practice, { email: uniqueEmail("ren") });
    const booked = await bookSeries(ctx.scope, weekly(ctx, [client.id], { count: 4 }), NOW);
    expect(booked.ok).toBe(true);
    if (!booked.ok) return;
    const rows = await appointmentsOf(ctx.practice.id);
    // Someone else holds 10:00 on Tuesday 18 March (the third occurrence).
    const other = await createClient(ctx.practice, { email: uniqueEmail("other") });
    const taken = await bookForClients(ctx.scope, { serviceId: ctx.service.id, clinicianId: ctx.clinician.member.id, clientIds: [other.id], start: at("2031-03-18T10:00") }, NOW);
    expect(taken.ok).toBe(true);

    const refused = await moveThisAndLater(ctx.scope, rows[1]!.id, { time: "10:00" }, NOW);
    expect(refused).toEqual({ ok: false, errors: { time: [expect.stringMatching(/^1 session cannot move to 10:00, so nothing was moved\. Tue 18 Mar 2031: overlaps another session with this clinician\./)] } });
    expect((await appointmentsOf(ctx.practice.id)).filter((r) => r.seriesId).map((r) => DateTime.fromJSDate(r.startsAt, { zone: ZONE }).toFormat("d HH:mm"))).toEqual(["4 09:00", "11 09:00", "18 09:00", "25 09:00"]);
    expect(await moveThisAndLater(ctx.scope, rows[1]!.id, { time: "10:6" }, NOW)).toMatchObject({ ok: false, errors: { time: ["Enter the new start time as HH:MM, for example 10:00"] } });
    expect(await moveThisAndLater(ctx.scope, rows[1]!.id, { time: "09:00" }, NOW)).toMatchObject({ ok: false, errors: { time: ["The sessions already start at that time"] } });

    // From the second on, to 11:00: three move, after the DST change, still 11:00 local; the first stays.
    expect(await moveThisAndLater(ctx.scope, rows[1]!.id, { time: "11:00" }, NOW)).toEqual({ ok: true, moved: 3 });
    let after = (await appointmentsOf(ctx.practice.id)).filter((r) => r.seriesId);
    expect(after.map((r) => DateTime.fromJSDate(r.startsAt, { zone: ZONE }).toFormat("d HH:mm"))).toEqual(["4 09:00", "11 11:00", "18 11:00", "25 11:00"]);
    // Then the whole series from the first, across the change: 12:00 local before it (20:00Z) and after it (19:00Z).
    expect(await moveThisAndLater(ctx.scope, rows[0]!.id, { time: "12:00" }, NOW)).toEqual({ ok: true, moved: 4 });
    after = (await appointmentsOf(ctx.practice.id)).filter((r) => r.seriesId);
    expect(after.map((r) => DateTime.fromJSDate(r.startsAt, { zone: ZONE }).toFormat("d HH:mm"))).toEqual(["4 12:00", "11 12:00", "18 12:00", "25 12:00"]);
    expect(after.map((r) => r.startsAt.getUTCHours())).toEqual([20, 19, 19, 19]);
    expect(after.every((r) => r.status === "confirmed" && r.endsAt.getTime() - r.startsAt.getTime() === 50 * 60_000)).toBe(true);
    const mail = await db.select().from(emailMessages).where(and(eq(emailMessages.to, client.email!), eq(emailMessages.template, "booking-rescheduled")));
    expect(mail).toHaveLength(7);
    expect(await auditEventsFor(ctx.practice.id, "series.move")).toHaveLength(2);
    expect((await db.select().from(appointmentSeries).where(eq(appointmentSeries.id, booked.seriesId)))[0]!.localTime).toBe("12:00");
    // Another practice cannot move it.
    const stranger = await createMember(await createPractice(), { role: "owner" });
    expect(await moveThisAndLater(scopeFor(stranger), rows[3]!.id, { time: "12:00" }, NOW)).toMatchObject({ ok: false, errors: { form: [expect.any(String)] } });
  });
});

describe("changeThisAndLater", () => {
  test("the rest of a weekly Tuesday series becomes every 2 weeks on Thursdays at 10:00, across DST; the series splits and keeps its history", async () => {
    const ctx = await seriesPractice();
    const client = await createClient(ctx.practice, { email: uniqueEmail("mika") });
    const booked = await bookSeries(ctx.scope, weekly(ctx, [client.id], { count: 4 }), NOW);
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    const rows = await appointmentsOf(ctx.practice.id);
    const local = async () => (await appointmentsOf(ctx.practice.id)).filter((r) => r.seriesId).map((r) => DateTime.fromJSDate(r.startsAt, { zone: ZONE }).toFormat("EEE d MMM HH:mm"));

    // Bad input and impossible rules change nothing, each naming its field.
    expect(await changeThisAndLater(ctx.scope, rows[1]!.id, { date: "2031-03-3", time: "10:00", frequency: "biweekly" }, NOW)).toMatchObject({ ok: false, errors: { date: ["Choose a date"] } });
    expect(await changeThisAndLater(ctx.scope, rows[1]!.id, { date: "2031-03-13", time: "10:00", frequency: "yearly" }, NOW)).toMatchObject({ ok: false, errors: { frequency: [expect.any(String)] } });
    expect(await changeThisAndLater(ctx.scope, rows[1]!.id, { date: "2031-03-04", time: "10:00", frequency: "biweekly" }, NOW)).toMatchObject({
      ok: false,
      errors: { date: [expect.stringMatching(/^Choose a date after the previous session of the series \(Tue 4 Mar 2031\)/)] },
    });
    expect(await changeThisAndLater(ctx.scope, rows[1]!.id, { date: "2031-03-11", time: "09:00", frequency: "weekly" }, NOW)).toMatchObject({ ok: false, errors: { date: ["The sessions already follow that rule"] } });
    // A Saturday is outside the clinician's hours: every date is named, nothing moves.
    const weekend = await changeThisAndLater(ctx.scope, rows[1]!.id, { date: "2031-03-15", time: "10:00", frequency: "biweekly" }, NOW);
    expect(weekend).toMatchObject({ ok: false, errors: { date: [expect.stringMatching(/^3 sessions cannot be booked on the new rule, so nothing was changed\. Sat 15 Mar 2031: outside the clinician's availability; Sat 29 Mar 2031/)] } });
    expect(await local()).toEqual(["Tue 4 Mar 09:00", "Tue 11 Mar 09:00", "Tue 18 Mar 09:00", "Tue 25 Mar 09:00"]);

    // From the second: three sessions, every two weeks on Thursdays at 10:00 (the first Thursday is after the DST change).
    const changed = await changeThisAndLater(ctx.scope, rows[1]!.id, { date: "2031-03-13", time: "10:00", frequency: "biweekly" }, NOW);
    if (!changed.ok) throw new Error(JSON.stringify(changed));
    expect(changed.moved).toBe(3);
    expect(changed.seriesId).not.toBe(booked.seriesId);
    expect(await local()).toEqual(["Tue 4 Mar 09:00", "Thu 13 Mar 10:00", "Thu 27 Mar 10:00", "Thu 10 Apr 10:00"]);
    const after = await appointmentsOf(ctx.practice.id);
    // The same appointments moved (ids kept), now in a new series numbered from the start, still with this client.
    expect(after.slice(1).map((r) => r.id)).toEqual(rows.slice(1).map((r) => r.id));
    expect(after.slice(1).map((r) => [r.seriesId, r.seriesIndex])).toEqual([0, 1, 2].map((i) => [changed.seriesId, i]));
    const [oldRule] = await db.select().from(appointmentSeries).where(eq(appointmentSeries.id, booked.seriesId));
    const [newRule] = await db.select().from(appointmentSeries).where(eq(appointmentSeries.id, changed.seriesId));
    expect([oldRule!.frequency, oldRule!.untilDate, oldRule!.occurrenceCount]).toEqual(["weekly", "2031-03-04", null]);
    expect([newRule!.frequency, newRule!.firstDate, newRule!.localTime, newRule!.occurrenceCount, newRule!.clientId]).toEqual(["biweekly", "2031-03-13", "10:00", 3, client.id]);
    expect(await seriesPlace(ctx.scope, rows[2]!.id)).toMatchObject({ seriesId: changed.seriesId, frequency: "biweekly", position: 2, total: 3 });
    expect(await seriesPlace(ctx.scope, rows[0]!.id)).toMatchObject({ seriesId: booked.seriesId, position: 1, total: 1 });
    const mail = await db.select().from(emailMessages).where(and(eq(emailMessages.to, client.email!), eq(emailMessages.template, "booking-rescheduled")));
    expect(mail).toHaveLength(3);
    expect(await auditEventsFor(ctx.practice.id, "series.change")).toHaveLength(1);

    // From the first of the new series: monthly on the 2nd Friday; no split, its own rule rewritten.
    const monthly = await changeThisAndLater(ctx.scope, rows[1]!.id, { date: "2031-03-14", time: "09:30", frequency: "monthly" }, NOW);
    expect(monthly).toEqual({ ok: true, moved: 3, seriesId: changed.seriesId });
    expect(await local()).toEqual(["Tue 4 Mar 09:00", "Fri 14 Mar 09:30", "Fri 11 Apr 09:30", "Fri 9 May 09:30"]);
    // Another practice cannot change it.
    const stranger = await createMember(await createPractice(), { role: "owner" });
    expect(await changeThisAndLater(scopeFor(stranger), rows[1]!.id, { date: "2031-03-20", time: "10:00", frequency: "weekly" }, NOW)).toMatchObject({ ok: false, errors: { form: [expect.any(String)] } });
  });
});
