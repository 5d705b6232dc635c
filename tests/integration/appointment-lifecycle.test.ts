import { and, eq, inArray, sql } from "drizzle-orm";
import { Resend } from "resend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointmentEvents,
  appointments,
  availabilityRules,
  clients,
  emailMessages,
  formAssignments,
  serviceClinicians,
  services,
  type AppointmentStatus,
  type Service,
} from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { holdSlot } from "@/lib/booking/hold-slot";
import {
  EVENT_EFFECTS,
  EVENT_KINDS,
  MAX_ATTEMPTS,
  TRANSITIONS,
  awaitPayment,
  cancel,
  complete,
  confirm,
  createAppointment,
  expire,
  markNoShow,
  reschedule,
  type AppointmentRef,
} from "@/lib/booking/lifecycle";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { createClient, createMember, createPractice, uniqueEmail, type TestMember } from "./helpers/factories";
import { startResendCapture, type ResendCapture } from "./helpers/resend-capture";

const NOW = new Date("2031-03-01T12:00:00Z");
const START = new Date("2031-03-03T14:00:00Z");
const STATUSES = Object.keys(TRANSITIONS) as AppointmentStatus[];

async function setting(options: { attendance?: "individual" | "couple" } = {}) {
  const practice = await createPractice({ timeZone: "America/New_York" });
  const clinician = await createMember(practice, { role: "clinician" });
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Session", durationMinutes: 50, priceCents: 0, format: "online", attendance: options.attendance ?? "individual", minNoticeMinutes: 60, horizonDays: 60 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  await db.insert(availabilityRules).values({ practiceId: practice.id, memberId: clinician.member.id, weekday: 1, startMinute: 9 * 60, endMinute: 17 * 60, timeZone: "America/New_York" });
  return { practice, clinician, service: service! };
}

const slotAt = (clinician: TestMember, start: Date) => ({ start: start.getTime(), end: start.getTime() + 50 * 60_000, memberId: clinician.member.id, locationId: null });

/** An appointment put straight into `status` (arranging only; the moves under test go through the lifecycle). */
async function appointmentIn(ctx: Awaited<ReturnType<typeof setting>>, status: AppointmentStatus, hour: number): Promise<AppointmentRef> {
  const start = new Date(START.getTime() + hour * 3_600_000);
  const appointmentId = await db.transaction((tx) =>
    createAppointment(tx, { practiceId: ctx.practice.id, service: ctx.service, slot: slotAt(ctx.clinician, start), status: "held", holdExpiresAt: new Date(NOW.getTime() + 600_000), now: NOW }),
  );
  await db.update(appointments).set({ status, holdExpiresAt: status === "held" || status === "pending_payment" ? new Date(NOW.getTime() + 600_000) : null }).where(eq(appointments.id, appointmentId));
  return { practiceId: ctx.practice.id, appointmentId, now: NOW };
}

const eventsOf = (appointmentId: string) => db.select().from(appointmentEvents).where(eq(appointmentEvents.appointmentId, appointmentId));
const statusOf = async (id: string) => (await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, id)))[0]!.s;

describe("the lifecycle's transitions", () => {
  type Move = { name: string; to: AppointmentStatus; run: (ref: AppointmentRef, service: Service) => Promise<boolean> };
  const MOVES: Move[] = [
    { name: "awaitPayment", to: "pending_payment", run: (ref) => db.transaction((tx) => awaitPayment(tx, ref)) },
    { name: "confirm", to: "confirmed", run: (ref) => db.transaction((tx) => confirm(tx, ref)) },
    { name: "cancel", to: "cancelled", run: (ref) => db.transaction((tx) => cancel(tx, { ...ref, late: false })) },
    { name: "cancel (late)", to: "late_cancelled", run: (ref) => db.transaction((tx) => cancel(tx, { ...ref, late: true })) },
    { name: "complete", to: "completed", run: (ref) => db.transaction((tx) => complete(tx, ref)) },
    { name: "markNoShow", to: "no_show", run: (ref) => db.transaction((tx) => markNoShow(tx, ref)) },
    { name: "expire", to: "expired", run: (ref) => db.transaction((tx) => expire(tx, ref)) },
  ];

  it.each(MOVES)("$name moves exactly the statuses the table allows, and queues one outbox row when it does", async (move) => {
    const ctx = await setting();
    for (const [i, from] of STATUSES.entries()) {
      const ref = await appointmentIn(ctx, from, i);
      const before = (await eventsOf(ref.appointmentId)).length;
      const allowed = TRANSITIONS[from].includes(move.to);
      expect({ from, moved: await move.run(ref, ctx.service) }).toEqual({ from, moved: allowed });
      expect(await statusOf(ref.appointmentId)).toBe(allowed ? move.to : from);
      const after = await eventsOf(ref.appointmentId);
      expect(after.length - before).toBe(allowed ? 1 : 0);
      if (allowed) {
        const kind = move.to === "pending_payment" ? "awaiting_payment" : move.to;
        const event = after.find((e) => e.kind === kind)!;
        expect(event).toMatchObject({ practiceId: ctx.practice.id, attempts: 0, effectsDone: [] });
        // A change with nothing to follow is written done; one with effects waits for the job.
        expect(event.doneAt === null).toBe(EVENT_EFFECTS[kind].length > 0);
      }
    }
  });

  it("another practice's id moves nothing and queues nothing", async () => {
    const ctx = await setting();
    const other = await setting();
    const ref = await appointmentIn(ctx, "held", 0);
    const before = (await eventsOf(ref.appointmentId)).length;
    expect(await db.transaction((tx) => confirm(tx, { ...ref, practiceId: other.practice.id }))).toBe(false);
    expect(await statusOf(ref.appointmentId)).toBe("held");
    expect(await eventsOf(ref.appointmentId)).toHaveLength(before);
  });

  it("reschedule moves only a confirmed appointment; the sequence and the outbox row follow", async () => {
    const ctx = await setting();
    for (const [i, from] of STATUSES.entries()) {
      const ref = await appointmentIn(ctx, from, i);
      const target = slotAt(ctx.clinician, new Date(START.getTime() + (i + 24) * 3_600_000));
      const moved = await db.transaction((tx) => reschedule(tx, { ...ref, slot: target, service: ctx.service, previousStartsAt: START }));
      expect({ from, moved }).toEqual({ from, moved: from === "confirmed" });
      const [row] = await db.select().from(appointments).where(eq(appointments.id, ref.appointmentId));
      expect(row!.startsAt.getTime() === target.start).toBe(from === "confirmed");
      const rescheduled = (await eventsOf(ref.appointmentId)).filter((e) => e.kind === "rescheduled");
      expect(rescheduled.map((e) => e.key)).toEqual(from === "confirmed" ? [`rescheduled:${ref.appointmentId}:1`] : []);
    }
  });

  it("a change rolled back queues nothing; the same change twice queues once", async () => {
    const ctx = await setting();
    const ref = await appointmentIn(ctx, "held", 0);
    await expect(
      db.transaction(async (tx) => {
        await confirm(tx, ref);
        throw new Error("the caller refuses after all");
      }),
    ).rejects.toThrow("refuses");
    expect(await statusOf(ref.appointmentId)).toBe("held");
    expect((await eventsOf(ref.appointmentId)).map((e) => e.kind)).toEqual(["held"]);
    expect(await db.transaction((tx) => confirm(tx, ref))).toBe(true);
    expect(await db.transaction((tx) => confirm(tx, ref))).toBe(false);
    expect((await eventsOf(ref.appointmentId)).filter((e) => e.kind === "confirmed")).toHaveLength(1);
  });

  it("the kinds the outbox knows are the database's", async () => {
    const [row] = await db.execute<{ def: string }>(sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'appointment_events_kind'`);
    for (const kind of EVENT_KINDS) expect(row!.def).toContain(`'${kind}'`);
    expect(row!.def.match(/'[a-z_]+'/g)).toHaveLength(EVENT_KINDS.length);
  });
});

describe("the outbox's job", () => {
  let capture: ResendCapture;
  beforeAll(async () => {
    capture = await startResendCapture();
  });
  afterAll(() => capture.close());

  it("an email that fails is retried by the job and sent once", async () => {
    const ctx = await setting();
    const client = await createClient(ctx.practice, { email: uniqueEmail("retry") });
    const resend = new Resend("re_test_123", { baseUrl: capture.url });
    const appointmentId = await db.transaction(async (tx) => {
      const id = await createAppointment(tx, { practiceId: ctx.practice.id, service: ctx.service, slot: slotAt(ctx.clinician, START), status: "confirmed", now: NOW });
      await tx.insert(appointmentAttendees).values({ practiceId: ctx.practice.id, appointmentId: id, clientId: client.id });
      return id;
    });
    const sentTo = () => capture.requests.filter((r) => (r.body as { to?: string[] | string }).to?.toString() === client.email);

    capture.respondWith({ status: 500, body: { statusCode: 500, name: "internal_server_error", message: "down" } });
    expect(await runAppointmentEvents(NOW, { appointmentId, transport: resend })).toEqual({ due: 1, done: 0, failed: 1 });
    const [failed] = await eventsOf(appointmentId).then((e) => e.filter((x) => x.kind === "confirmed"));
    expect(failed).toMatchObject({ attempts: 1, doneAt: null, effectsDone: ["forms", "gfe"] });
    expect(failed!.lastError).toContain("not sent");
    expect(sentTo()).toHaveLength(1);

    // Not due again before its back-off, even with the provider back.
    capture.reset();
    expect(await runAppointmentEvents(new Date(NOW.getTime() + 30_000), { appointmentId, transport: resend })).toMatchObject({ due: 0 });
    const later = new Date(NOW.getTime() + 2 * 60_000);
    expect(await runAppointmentEvents(later, { appointmentId, transport: resend })).toEqual({ due: 1, done: 1, failed: 0 });
    expect(await runAppointmentEvents(new Date(later.getTime() + 3_600_000), { appointmentId, transport: resend })).toMatchObject({ due: 0 });

    expect(sentTo()).toHaveLength(1);
    const mail = await db.select().from(emailMessages).where(and(eq(emailMessages.to, client.email!), eq(emailMessages.template, "booking-confirmation")));
    expect(mail.map((m) => m.status)).toEqual(["sent"]);
    const [done] = await eventsOf(appointmentId).then((e) => e.filter((x) => x.kind === "confirmed"));
    expect(done).toMatchObject({ attempts: 2, effectsDone: ["forms", "gfe", "email"], lastError: null });
    expect(done!.doneAt?.getTime()).toBe(later.getTime());
  });

  it(`stops after ${MAX_ATTEMPTS} attempts and keeps the last error`, async () => {
    const ctx = await setting();
    const client = await createClient(ctx.practice, { email: uniqueEmail("gives-up") });
    const resend = new Resend("re_test_123", { baseUrl: capture.url });
    const appointmentId = await db.transaction(async (tx) => {
      const id = await createAppointment(tx, { practiceId: ctx.practice.id, service: ctx.service, slot: slotAt(ctx.clinician, START), status: "confirmed", now: NOW });
      await tx.insert(appointmentAttendees).values({ practiceId: ctx.practice.id, appointmentId: id, clientId: client.id });
      return id;
    });
    capture.respondWith({ status: 500, body: { statusCode: 500, name: "internal_server_error", message: "down" } });
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await runAppointmentEvents(new Date(NOW.getTime() + i * 3_600_000), { appointmentId, transport: resend });
    const [event] = await eventsOf(appointmentId).then((e) => e.filter((x) => x.kind === "confirmed"));
    expect(event).toMatchObject({ attempts: MAX_ATTEMPTS, doneAt: null });
    expect(event!.lastError).toBeTruthy();
    capture.reset();
  });

  it("forms that could not be assigned after a public booking are caught up by the job; the confirmation is not sent twice", async () => {
    const ctx = await setting({ attendance: "individual" });
    const templates = await seedIntakeForms(db, ctx.practice.id, "couples_therapy", [ctx.service.id]);
    expect(templates.size).toBeGreaterThan(0);
    // A real failure in PostgreSQL: this practice's form assignments are refused until the trigger goes.
    const fn = `refuse_forms_${ctx.practice.id.replace(/-/g, "")}`;
    await db.execute(sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin if new.practice_id = '${ctx.practice.id}' then raise exception 'forms are down'; end if; return new; end $$`));
    await db.execute(sql.raw(`create trigger ${fn} before insert on form_assignments for each row execute function ${fn}()`));
    const email = uniqueEmail("caught-up");
    let appointmentId: string;
    try {
      const hold = await holdSlot(ctx.practice.id, { serviceId: ctx.service.id, clinicianId: "any", start: START.toISOString() }, NOW);
      if (!hold.ok) throw new Error(JSON.stringify(hold));
      appointmentId = hold.appointmentId;
      const booked = await confirmBooking(ctx.practice.id, { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "Cy", lastName: "Lee", email }] }, NOW);
      // The booking stands and its confirmation went out; the forms did not.
      expect(booked.ok).toBe(true);
    } finally {
      await db.execute(sql.raw(`drop trigger if exists ${fn} on form_assignments`));
      await db.execute(sql.raw(`drop function if exists ${fn}()`));
    }
    const [client] = await db.select().from(clients).where(and(eq(clients.practiceId, ctx.practice.id), eq(clients.email, email)));
    const mailOf = (template: string) => db.select().from(emailMessages).where(and(eq(emailMessages.to, email), eq(emailMessages.template, template)));
    expect(await statusOf(appointmentId)).toBe("confirmed");
    expect(await mailOf("booking-confirmation")).toHaveLength(1);
    expect(await db.select().from(formAssignments).where(eq(formAssignments.clientId, client!.id))).toEqual([]);
    const [pending] = await eventsOf(appointmentId).then((e) => e.filter((x) => x.kind === "confirmed"));
    expect(pending).toMatchObject({ effectsDone: ["email", "gfe"], doneAt: null, attempts: 1 });

    // The job's next run (after the back-off) assigns them and sends their email, once.
    expect(await runAppointmentEvents(new Date(NOW.getTime() + 2 * 60_000), { appointmentId })).toEqual({ due: 1, done: 1, failed: 0 });
    const assigned = await db.select().from(formAssignments).where(eq(formAssignments.clientId, client!.id));
    expect(assigned.length).toBeGreaterThan(0);
    expect(assigned.every((a) => a.appointmentId === appointmentId && a.source === "booking")).toBe(true);
    expect(await mailOf("forms-to-complete")).toHaveLength(1);
    expect(await mailOf("booking-confirmation")).toHaveLength(1);
    await runAppointmentEvents(new Date(NOW.getTime() + 3_600_000), { appointmentId });
    expect(await db.select().from(formAssignments).where(inArray(formAssignments.clientId, [client!.id]))).toHaveLength(assigned.length);
    expect(await mailOf("forms-to-complete")).toHaveLength(1);
  });
});
