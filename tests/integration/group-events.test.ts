import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailMessages, eventNotices, eventRegistrations, eventSessions, eventWaitlist, groupEvents, payments, refunds } from "@/db/schema";
import { createEvent, eventFormValues, loadEventRoster, markAttendance, updateEvent } from "@/lib/events/manage-events";
import { listPublicEvents } from "@/lib/events/public-events";
import { acceptOffer, cancelEventSeats, cancelRegistrationById, signUp, sweepEvents } from "@/lib/events/seats";
import { sendEventNotices } from "@/lib/events/notices";
import { signUpWithinLimits } from "@/lib/events/sign-up-limits";
import { createPracticeWithOwner, uniqueEmail } from "./helpers/factories";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
});
afterAll(async () => {
  await stripe.close();
});

const person = (label: string) => ({ firstName: label, lastName: "Tester", email: uniqueEmail(label) });
const one = (label: string) => ({ kind: "individual", attendees: [person(label)], agreePolicy: true });
const couple = (a: string, b: string) => ({ kind: "couple", attendees: [person(a), person(b)], agreePolicy: true });

/** `days` ahead, as the form's local datetime (the practice is in New York). */
function local(daysAhead: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(d).replace(" ", "T");
}

async function newEvent(options: { capacity: number; price?: string; dates?: number }) {
  const { practice, owner, scope } = await createPracticeWithOwner();
  const created = await createEvent(
    scope,
    {
      title: "Desire mismatch: a webinar",
      description: "For couples",
      format: "online",
      joinUrl: "https://meet.example/room",
      capacity: options.capacity,
      price: options.price ?? "",
      signupCutoff: local(4),
      cancellationHours: 24,
      cancellationPolicy: "Full refund until 24 hours before.",
      sessions: Array.from({ length: options.dates ?? 1 }, (_, i) => ({ startsAt: local(5 + i * 7), durationMinutes: 60 })),
      hostIds: [owner.member.id],
    },
    new Date(),
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { practice, owner, scope, eventId: created.eventId };
}

const seatsTaken = async (eventId: string) => (await db.select({ n: groupEvents.seatsTaken }).from(groupEvents).where(eq(groupEvents.id, eventId)))[0]!.n;

describe("the last seat cannot be sold twice", () => {
  it("N concurrent sign-ups for the last 3 seats: exactly 3 get a seat, the rest a waitlist place", async () => {
    const { practice, eventId } = await newEvent({ capacity: 5 });
    for (const label of ["early1", "early2"]) expect((await signUp(practice.id, eventId, one(label), new Date())).ok).toBe(true);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signUp(practice.id, eventId, one(`racer${i}`), new Date())));
    const statuses = results.map((r) => (r.ok ? r.status : r.code));
    expect(statuses.filter((s) => s === "confirmed")).toHaveLength(3);
    expect(statuses.filter((s) => s === "waitlisted")).toHaveLength(9);
    expect(await seatsTaken(eventId)).toBe(5);
    const live = await db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ["held", "confirmed"])));
    expect(live.reduce((n, r) => n + r.seats, 0)).toBe(5);
    // The public list says full, and names nobody.
    const [listed] = await listPublicEvents(practice.id, new Date());
    expect(listed!.seatsLeft).toBe(0);
    expect(JSON.stringify(listed)).not.toMatch(/racer|early|@example\.test/);
  });

  it("the database itself refuses a registration past the capacity, by a named constraint", async () => {
    const { practice, eventId } = await newEvent({ capacity: 1 });
    const first = await signUp(practice.id, eventId, one("solo"), new Date());
    expect(first.ok && first.status).toBe("confirmed");
    const [reg] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId));
    await expect(
      db.execute(sql`insert into event_registrations (practice_id, event_id, client_id, seats, status) values (${practice.id}, ${eventId}, ${reg!.clientId}, 1, 'confirmed')`),
    ).rejects.toMatchObject({ cause: { constraint_name: "group_events_seats_within_capacity" } });
    expect(await seatsTaken(eventId)).toBe(1);
  });

  it("a couple takes two seats in one booking; with one seat left a couple waits and a single person behind them is offered it", async () => {
    const { practice, eventId, scope } = await newEvent({ capacity: 3 });
    const pair = await signUp(practice.id, eventId, couple("ana", "ben"), new Date());
    expect(pair.ok && pair.status).toBe("confirmed");
    expect(await seatsTaken(eventId)).toBe(2);
    const third = await signUp(practice.id, eventId, one("cara"), new Date());
    expect(third.ok && third.status).toBe("confirmed");
    const waitingCouple = await signUp(practice.id, eventId, couple("dan", "eve"), new Date());
    const waitingOne = await signUp(practice.id, eventId, one("finn"), new Date());
    expect(waitingCouple.ok && waitingCouple.status).toBe("waitlisted");
    expect(waitingOne.ok && waitingOne.status === "waitlisted" && waitingOne.placeInLine).toBe(2);
    // Cara cancels: one seat frees; the couple first in line needs two, so Finn is offered it.
    const roster = await loadEventRoster(scope, eventId);
    const cara = roster!.registrations.find((r) => r.names.includes("cara Tester"))!;
    expect((await cancelRegistrationById(practice.id, cara.id, { kind: "member", userId: scope.user.id }, new Date())).ok).toBe(true);
    const wl = await db.select().from(eventWaitlist).where(eq(eventWaitlist.eventId, eventId)).orderBy(eventWaitlist.position);
    expect(wl.map((w) => w.status)).toEqual(["waiting", "offered"]);
  });
});

describe("waitlist offers", () => {
  it("are made in order, with a hold; an expired offer passes to the next and cannot be taken late", async () => {
    const { practice, eventId, scope } = await newEvent({ capacity: 1 });
    const now = new Date();
    const a = await signUp(practice.id, eventId, one("amy"), now);
    const b = await signUp(practice.id, eventId, one("bob"), now);
    const c = await signUp(practice.id, eventId, one("cat"), now);
    expect([a, b, c].map((r) => r.ok && r.status)).toEqual(["confirmed", "waitlisted", "waitlisted"]);
    expect(c.ok && c.status === "waitlisted" && c.placeInLine).toBe(2);

    await cancelRegistrationById(practice.id, (a as { registrationId: string }).registrationId, { kind: "member", userId: scope.user.id }, now);
    const offerTo = async () =>
      (await db.select().from(eventNotices).where(and(eq(eventNotices.practiceId, practice.id), eq(eventNotices.kind, "offer")))).map((n) => ({ clientId: n.clientId, url: String(n.data.actionUrl) }));
    const offers1 = await offerTo();
    expect(offers1).toHaveLength(1);
    const bobToken = new URL(offers1[0]!.url).searchParams.get("t")!;

    // Thirteen hours later the offer (12 h) has lapsed: the job gives it to Cat.
    const later = new Date(now.getTime() + 13 * 3_600_000);
    // (Other tests' lapsed holds are released too: count only this event's.)
    expect((await sweepEvents(later)).released).toBeGreaterThanOrEqual(1);
    const offers2 = await offerTo();
    expect(offers2).toHaveLength(2);
    const late = await acceptOffer(practice.id, bobToken, later);
    expect(late).toMatchObject({ ok: false, code: "expired" });

    const catToken = new URL(offers2.find((o) => o.clientId !== offers1[0]!.clientId)!.url).searchParams.get("t")!;
    const taken = await acceptOffer(practice.id, catToken, later);
    expect(taken.ok && taken.status).toBe("confirmed");
    expect(await seatsTaken(eventId)).toBe(1);
    const wl = await db.select({ s: eventWaitlist.status }).from(eventWaitlist).where(eq(eventWaitlist.eventId, eventId)).orderBy(eventWaitlist.position);
    expect(wl.map((w) => w.s)).toEqual(["expired", "accepted"]);
  });
});

describe("paid seats", () => {
  it("are held while paying, confirmed by the checkout; cancelling the event refunds each paid seat once", async () => {
    const { practice, eventId, scope } = await newEvent({ capacity: 3, price: "40" });
    const pair = await signUp(practice.id, eventId, couple("gus", "hal"), new Date());
    if (!pair.ok || pair.status !== "awaiting_payment") throw new Error(JSON.stringify(pair));
    expect(await seatsTaken(eventId)).toBe(2);
    const solo = await signUp(practice.id, eventId, one("ivy"), new Date());
    if (!solo.ok || solo.status !== "awaiting_payment") throw new Error(JSON.stringify(solo));
    // Full while both pay: the next buyer is waitlisted, never sold a seat that is held.
    const extra = await signUp(practice.id, eventId, one("jo"), new Date());
    expect(extra.ok && extra.status).toBe("waitlisted");

    const paysFor = async (registrationId: string) => (await db.select().from(payments).where(eq(payments.eventRegistrationId, registrationId)))[0]!;
    const p1 = await paysFor(pair.registrationId);
    expect(p1.amountCents).toBe(8000);
    expect(p1.kind).toBe("event_seat");
    await stripe.checkout(p1.stripeCheckoutSessionId!, "pay");
    await stripe.checkout((await paysFor(solo.registrationId)).stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    const regs = await db.select().from(eventRegistrations).where(inArray(eventRegistrations.id, [pair.registrationId, solo.registrationId]));
    expect(regs.map((r) => r.status)).toEqual(["confirmed", "confirmed"]);

    const cancelled = await cancelEventSeats(practice.id, eventId, { userId: scope.user.id }, new Date());
    expect(cancelled).toMatchObject({ ok: true, alreadyCancelled: false, refunded: 2 });
    const again = await cancelEventSeats(practice.id, eventId, { userId: scope.user.id }, new Date());
    expect(again).toMatchObject({ ok: true, alreadyCancelled: true, refunded: 0 });
    await stripe.settled();
    const paid = await db.select().from(payments).where(inArray(payments.eventRegistrationId, [pair.registrationId, solo.registrationId]));
    const made = await db.select().from(refunds).where(inArray(refunds.paymentId, paid.map((p) => p.id)));
    expect(made).toHaveLength(2);
    expect(paid.every((p) => p.refundedCents === p.amountCents)).toBe(true);
    expect(await seatsTaken(eventId)).toBe(0);
    expect((await db.select().from(eventRegistrations).where(inArray(eventRegistrations.id, [pair.registrationId, solo.registrationId]))).map((r) => r.status)).toEqual(["refunded", "refunded"]);
    // A cancelled event takes no sign-ups.
    expect(await signUp(practice.id, eventId, one("kim"), new Date())).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("attendee privacy", () => {
  it("each attendee gets their own email and .ics, naming no other attendee", async () => {
    const { practice, eventId, scope } = await newEvent({ capacity: 4, dates: 2 });
    const a = couple("lea", "max");
    const b = one("ned");
    await signUp(practice.id, eventId, a, new Date());
    await signUp(practice.id, eventId, b, new Date());
    await sendEventNotices(new Date());
    const everyone = [...a.attendees, ...b.attendees];
    for (const me of everyone) {
      const mail = await db.select().from(emailMessages).where(eq(emailMessages.to, me.email));
      expect(mail.map((m) => m.template)).toEqual(["event-confirmed"]);
      const m = mail[0]!;
      const ics = Buffer.from(String((m.attachments as { content: string }[])[0]!.content), "base64").toString("utf8");
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(ics).not.toMatch(/ATTENDEE|ORGANIZER/);
      for (const other of everyone.filter((o) => o !== me)) {
        for (const text of [m.html ?? "", m.text ?? "", ics, m.to]) {
          expect(text).not.toContain(other.email);
          expect(text).not.toContain(`${other.firstName} Tester`);
        }
      }
      // The online join link goes to each confirmed attendee, in their own message.
      expect(m.text).toContain("https://meet.example/room");
    }
    // Hosts see the roster, and mark attendance only once a date has started.
    const roster = await loadEventRoster(scope, eventId);
    expect(roster!.registrations.flatMap((r) => r.names).sort()).toEqual(["lea Tester", "max Tester", "ned Tester"]);
    const early = await markAttendance(scope, eventId, { sessionId: roster!.dates[0]!.id, registrationId: roster!.registrations[0]!.id, attended: true }, new Date());
    expect(early).toMatchObject({ ok: false, code: "invalid" });
    const after = await markAttendance(scope, eventId, { sessionId: roster!.dates[0]!.id, registrationId: roster!.registrations[0]!.id, attended: true }, new Date(Date.now() + 6 * 86_400_000));
    expect(after).toEqual({ ok: true });
  });

  it("a reminder before each date, once, to each confirmed attendee on their own, about that date alone", async () => {
    const { practice, eventId } = await newEvent({ capacity: 4, dates: 2 });
    const pair = couple("ora", "pim");
    const gone = one("quin");
    await signUp(practice.id, eventId, pair, new Date());
    const left = await signUp(practice.id, eventId, gone, new Date());
    if (!left.ok || left.status !== "confirmed") throw new Error("not signed up");
    await cancelRegistrationById(practice.id, left.registrationId, { kind: "attendee" }, new Date());
    await sendEventNotices(new Date());
    const dates = await db.select().from(eventSessions).where(eq(eventSessions.eventId, eventId)).orderBy(eventSessions.startsAt);
    const reminders = (email: string) => db.select().from(emailMessages).where(and(eq(emailMessages.to, email), eq(emailMessages.template, "event-reminder")));

    // Four days ahead of the first date: nothing is due.
    await sweepEvents(new Date(dates[0]!.startsAt.getTime() - 4 * 86_400_000));
    expect(await reminders(pair.attendees[0]!.email)).toEqual([]);
    // 23 hours before it, twice (a second worker, the next minute): one each for the partners, none for the cancelled place.
    const dayBefore = new Date(dates[0]!.startsAt.getTime() - 23 * 3_600_000);
    await sweepEvents(dayBefore);
    await sweepEvents(new Date(dayBefore.getTime() + 60_000));
    for (const [me, other] of [pair.attendees, [...pair.attendees].reverse()] as const) {
      const mail = await reminders(me!.email);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe("Reminder: Desire mismatch: a webinar");
      expect(mail[0]!.text).toContain("https://meet.example/room");
      expect(mail[0]!.text).not.toContain(other!.email);
      expect(mail[0]!.text).not.toContain(`${other!.firstName} Tester`);
      expect(mail[0]!.text).not.toMatch(/Date 2/);
    }
    expect(await reminders(gone.attendees[0]!.email)).toEqual([]);
    // The second date has its own reminder, a week later.
    await sweepEvents(new Date(dates[1]!.startsAt.getTime() - 2 * 3_600_000));
    expect(await reminders(pair.attendees[1]!.email)).toHaveLength(2);
  });

  it("one address signs up at most 10 times an hour; the 11th is told when to try again and writes nothing; bad input spends nothing", async () => {
    const { practice, eventId } = await newEvent({ capacity: 20 });
    const ip = `2001:db8:9::${Math.floor(Math.random() * 0xffff).toString(16)}`;
    const now = new Date();
    const bad = await signUpWithinLimits({ practiceId: practice.id, eventId, values: { kind: "individual", attendees: [], agreePolicy: true }, ip, now });
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    for (let i = 0; i < 10; i++) expect(await signUpWithinLimits({ practiceId: practice.id, eventId, values: one(`flood${i}`), ip, now })).toMatchObject({ ok: true, status: "confirmed" });
    const eleventh = await signUpWithinLimits({ practiceId: practice.id, eventId, values: one("flood10"), ip, now });
    expect(eleventh).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/^Too many sign-ups from here\. Please try again in \d+ minutes?\.$/) });
    expect(await seatsTaken(eventId)).toBe(10);
    // Another address is not held back by this one.
    expect(await signUpWithinLimits({ practiceId: practice.id, eventId, values: one("neighbour"), ip: `${ip}:1`, now })).toMatchObject({ ok: true });
  });

  it("bad input changes nothing and names the field", async () => {
    const { practice, eventId } = await newEvent({ capacity: 2 });
    const bad = await signUp(practice.id, eventId, { kind: "couple", attendees: [person("x")], agreePolicy: true }, new Date());
    expect(bad).toMatchObject({ ok: false, code: "invalid", errors: { attendees: expect.any(Array) } });
    expect(await seatsTaken(eventId)).toBe(0);
  });
});

describe("editing an event", () => {
  it("keeps capacity above the seats taken, offers a raised capacity to the waitlist, and emails each attendee the moved dates once", async () => {
    const { practice, eventId, scope } = await newEvent({ capacity: 2, dates: 2 });
    const a = one("uma");
    const b = one("vic");
    for (const p of [a, b]) expect((await signUp(practice.id, eventId, p, new Date())).ok).toBe(true);
    const w = await signUp(practice.id, eventId, one("wes"), new Date());
    expect(w.ok && w.status).toBe("waitlisted");
    await sendEventNotices(new Date());
    const roster = await loadEventRoster(scope, eventId);
    const values = eventFormValues(roster!, "America/New_York");
    expect(values).toMatchObject({ title: "Desire mismatch: a webinar", capacity: 2, price: "", sessions: [{ startsAt: local(5), durationMinutes: 60 }, { startsAt: local(12), durationMinutes: 60 }] });

    // Below the seats taken: refused by field, nothing changes.
    expect(await updateEvent(scope, eventId, { ...values, capacity: 1, title: "Renamed" }, new Date())).toMatchObject({ ok: false, errors: { capacity: ["2 seats are taken, so the event needs at least 2"] } });
    expect((await db.select().from(groupEvents).where(eq(groupEvents.id, eventId)))[0]).toMatchObject({ title: "Desire mismatch: a webinar", capacity: 2, sequence: 0 });

    // One more seat, the second date a day later, a new join link.
    const moved = { ...values, capacity: 3, joinUrl: "https://meet.example/new-room", sessions: [values.sessions[0]!, { startsAt: local(13), durationMinutes: 60 }] };
    expect(await updateEvent(scope, eventId, moved, new Date())).toEqual({ ok: true, eventId, notified: 2 });
    const [event] = await db.select().from(groupEvents).where(eq(groupEvents.id, eventId));
    expect(event).toMatchObject({ capacity: 3, sequence: 1, joinUrl: "https://meet.example/new-room" });
    // The dates keep their rows (the UIDs calendars know them by).
    const after = await loadEventRoster(scope, eventId);
    expect(after!.dates.map((d) => d.id)).toEqual(roster!.dates.map((d) => d.id));
    // The waitlisted person is offered the new seat.
    expect((await db.select().from(eventWaitlist).where(eq(eventWaitlist.eventId, eventId)))[0]!.status).toBe("offered");
    for (const p of [a, b]) {
      const mail = (await db.select().from(emailMessages).where(eq(emailMessages.to, p.attendees[0]!.email))).filter((m) => m.template === "event-updated");
      expect(mail).toHaveLength(1);
      expect(mail[0]!.text).toContain("https://meet.example/new-room");
      const ics = Buffer.from(String((mail[0]!.attachments as { content: string }[])[0]!.content), "base64").toString("utf8");
      expect(ics).toContain("SEQUENCE:1");
      expect(ics).toContain(`UID:${after!.dates[1]!.id}@tandem-event`);
      expect(ics).not.toMatch(/ATTENDEE|ORGANIZER/);
      for (const other of [a, b].filter((o) => o !== p)) expect(`${mail[0]!.text}${ics}`).not.toContain(other.attendees[0]!.email);
    }
    // Saving again unchanged sends nothing more.
    expect(await updateEvent(scope, eventId, moved, new Date())).toEqual({ ok: true, eventId, notified: 0 });

    // Once the first date has started it cannot move or go; another practice cannot edit at all.
    const later = new Date(Date.now() + 5.1 * 86_400_000);
    expect(await updateEvent(scope, eventId, { ...moved, sessions: [moved.sessions[1]!] }, later)).toMatchObject({ ok: false, errors: { sessions: ["A date that has already started cannot be changed or removed"] } });
    const stranger = await createPracticeWithOwner();
    expect(await updateEvent(stranger.scope, eventId, moved, new Date())).toMatchObject({ ok: false, code: "not_found" });
  });
});
