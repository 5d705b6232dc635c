import { eq, like } from "drizzle-orm";
import { describe, expect, test, vi } from "vitest";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointments,
  emailMessages,
  locations,
  services,
  type Appointment,
  type AppointmentStatus,
  type Client,
  type Practice,
  type Service,
} from "@/db/schema";
import { verifyManageToken } from "@/lib/booking/manage-token";
import { pgError } from "@/lib/db/pg-error";
import { env } from "@/lib/env";
import { expireHolds } from "@/lib/jobs/expire-holds";
import { reminderKey, reminderKindAt, sendReminders } from "@/lib/jobs/send-reminders";
import { createClient, createMember, createPractice, uniqueEmail, type TestMember } from "./helpers/factories";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CLINICAL_DESCRIPTION = "Assessment of postpartum pelvic floor dysfunction, dyspareunia and diastasis";

async function createService(practice: Practice, overrides: Partial<typeof services.$inferInsert> = {}): Promise<Service> {
  const [service] = await db
    .insert(services)
    .values({
      practiceId: practice.id,
      name: "Couples session (50 min)",
      description: CLINICAL_DESCRIPTION,
      durationMinutes: 50,
      priceCents: 19000,
      format: "online",
      attendance: "either",
      ...overrides,
    })
    .returning();
  return service!;
}

async function createAppointment(
  clinician: TestMember,
  service: Service,
  input: { startsAt: Date; status: AppointmentStatus; holdExpiresAt?: Date | null; locationId?: string | null; sequence?: number; attendees?: Client[] },
): Promise<Appointment> {
  const endsAt = new Date(input.startsAt.getTime() + service.durationMinutes * MINUTE);
  const [appointment] = await db
    .insert(appointments)
    .values({
      practiceId: service.practiceId,
      serviceId: service.id,
      memberId: clinician.member.id,
      locationId: input.locationId ?? null,
      format: service.format,
      startsAt: input.startsAt,
      endsAt,
      blockedFrom: input.startsAt,
      blockedTo: endsAt,
      status: input.status,
      holdExpiresAt: input.holdExpiresAt ?? null,
      priceCents: service.priceCents,
      currency: service.currency,
      sequence: input.sequence ?? 0,
    })
    .returning();
  if (input.attendees?.length) {
    await db
      .insert(appointmentAttendees)
      .values(input.attendees.map((c) => ({ practiceId: service.practiceId, appointmentId: appointment!.id, clientId: c.id })));
  }
  return appointment!;
}

async function statusOf(id: string): Promise<AppointmentStatus | undefined> {
  const [row] = await db.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, id));
  return row?.status;
}

/** The reminder rows recorded for one appointment, by key. */
async function remindersFor(appointmentId: string) {
  return db
    .select()
    .from(emailMessages)
    .where(like(emailMessages.key, `reminder:%:${appointmentId}:%`))
    .orderBy(emailMessages.key);
}

async function setting() {
  const practice = await createPractice({ name: "Harbor Couples Therapy", email: "hello@harbor.test" });
  const clinician = await createMember(practice, { role: "clinician", displayName: "Dana Whitfield, LMFT" });
  return { practice, clinician };
}

describe("expire-holds", () => {
  test("expires only holds whose time ran out; a live hold and a confirmed appointment are untouched", async () => {
    const { practice, clinician } = await setting();
    const service = await createService(practice);
    const now = new Date();
    const day = new Date(now.getTime() + 3 * 24 * HOUR);
    const stale = await createAppointment(clinician, service, { startsAt: day, status: "held", holdExpiresAt: new Date(now.getTime() - MINUTE) });
    const exactlyNow = await createAppointment(clinician, service, { startsAt: new Date(day.getTime() + HOUR), status: "held", holdExpiresAt: now });
    const live = await createAppointment(clinician, service, { startsAt: new Date(day.getTime() + 2 * HOUR), status: "held", holdExpiresAt: new Date(now.getTime() + 5 * MINUTE) });
    const confirmed = await createAppointment(clinician, service, { startsAt: new Date(day.getTime() + 3 * HOUR), status: "confirmed" });

    expect(await expireHolds(now)).toBeGreaterThanOrEqual(2);

    expect(await statusOf(stale.id)).toBe("expired");
    expect(await statusOf(exactlyNow.id)).toBe("expired");
    expect(await statusOf(live.id)).toBe("held");
    expect(await statusOf(confirmed.id)).toBe("confirmed");
    const [row] = await db.select({ updatedAt: appointments.updatedAt }).from(appointments).where(eq(appointments.id, stale.id));
    expect(row!.updatedAt.getTime()).toBeGreaterThan(stale.updatedAt.getTime() - 1);

    // Running again changes nothing of ours.
    await expireHolds(now);
    expect(await statusOf(live.id)).toBe("held");
  });

  test("an expired hold frees its time: the same slot can be held again", async () => {
    const { practice, clinician } = await setting();
    const service = await createService(practice);
    const now = new Date();
    const startsAt = new Date(now.getTime() + 2 * 24 * HOUR);
    await createAppointment(clinician, service, { startsAt, status: "held", holdExpiresAt: new Date(now.getTime() - 1000) });
    // While the stale hold is still "held", the exclusion constraint refuses the slot.
    const refused = await createAppointment(clinician, service, { startsAt, status: "held", holdExpiresAt: new Date(now.getTime() + 10 * MINUTE) }).catch(
      (error: unknown) => error,
    );
    expect(pgError(refused)).toMatchObject({ code: "23P01", constraint: "appointments_no_overlap" });
    await expireHolds(now);
    const again = await createAppointment(clinician, service, { startsAt, status: "held", holdExpiresAt: new Date(now.getTime() + 10 * MINUTE) });
    expect(again.status).toBe("held");
  });
});

describe("reminderKindAt", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  test.each([
    [25 * HOUR, null],
    [24 * HOUR, "24h"],
    [2 * HOUR + 1, "24h"],
    [2 * HOUR, "2h"],
    [1, "2h"],
    [0, null],
    [-HOUR, null],
  ])("starting in %i ms → %s", (lead, kind) => {
    expect(reminderKindAt(new Date(now.getTime() + lead), now)).toBe(kind);
  });
});

describe("send-reminders", () => {
  test("a couple appointment 20 h away: one 24h reminder per attendee, never twice", async () => {
    const { practice, clinician } = await setting();
    const service = await createService(practice, { attendance: "couple" });
    const alex = await createClient(practice, { firstName: "Alex", email: uniqueEmail("alex") });
    const sam = await createClient(practice, { firstName: "Sam", preferredName: "Sammy", email: uniqueEmail("sam") });
    const now = new Date();
    const appt = await createAppointment(clinician, service, { startsAt: new Date(now.getTime() + 20 * HOUR), status: "confirmed", sequence: 2, attendees: [alex, sam] });

    const first = await sendReminders(now);
    expect(first.outbox).toBeGreaterThanOrEqual(2);
    const rows = await remindersFor(appt.id);
    expect(rows.map((r) => r.key).sort()).toEqual([reminderKey("24h", appt.id, alex.id), reminderKey("24h", appt.id, sam.id)].sort());
    expect(rows.map((r) => r.to).sort()).toEqual([alex.email, sam.email].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ status: "outbox", practiceId: practice.id, template: "booking-reminder-24h" });
      expect(row.subject).toContain("Harbor Couples Therapy");
    }

    // Again at once, and again five minutes later: nothing more.
    await sendReminders(now);
    await sendReminders(new Date(now.getTime() + 5 * MINUTE));
    expect(await remindersFor(appt.id)).toHaveLength(2);

    // Two workers running the job at the same moment still send one each.
    const later = new Date(now.getTime() + 18 * HOUR + 30 * MINUTE); // 1.5 h before: the 2h reminder
    await Promise.all([sendReminders(later), sendReminders(later)]);
    const after = await remindersFor(appt.id);
    expect(after.map((r) => r.key).sort()).toEqual(
      [reminderKey("24h", appt.id, alex.id), reminderKey("24h", appt.id, sam.id), reminderKey("2h", appt.id, alex.id), reminderKey("2h", appt.id, sam.id)].sort(),
    );
  });

  test("the email has the manage link and an .ics, and nothing clinical", async () => {
    const { practice, clinician } = await setting();
    const [location] = await db
      .insert(locations)
      .values({ practiceId: practice.id, name: "Main office", addressLine1: "12 Harbor Street", city: "Portland", region: "ME", postalCode: "04101", timeZone: "America/New_York" })
      .returning();
    const service = await createService(practice, { format: "in_person", name: "Pelvic health follow-up" });
    const client = await createClient(practice, { firstName: "Robin", email: uniqueEmail("robin") });
    const now = new Date();
    const appt = await createAppointment(clinician, service, {
      startsAt: new Date(now.getTime() + 10 * HOUR),
      status: "confirmed",
      sequence: 4,
      locationId: location!.id,
      attendees: [client],
    });

    await sendReminders(now);
    const [row] = await remindersFor(appt.id);
    expect(row).toBeDefined();
    const text = row!.text!;
    const html = row!.html!;

    // Allowed: practice, clinician, service name, time with its zone, place.
    expect(text).toContain("Harbor Couples Therapy");
    expect(text).toContain("Dana Whitfield, LMFT");
    expect(text).toContain("Pelvic health follow-up");
    expect(text).toContain("12 Harbor Street, Portland, ME 04101");
    expect(text).toMatch(/\d{1,2}:\d{2} (AM|PM) E[SD]T/);
    expect(text).toContain("To reschedule or cancel, use your link");
    // Never the service description.
    for (const body of [text, html, row!.subject]) {
      expect(body).not.toContain(CLINICAL_DESCRIPTION);
      expect(body).not.toMatch(/dysfunction|dyspareunia|diastasis/i);
    }

    // The manage link opens this appointment for this client.
    const match = new RegExp(`${env.APP_URL}/manage/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)`).exec(text);
    expect(match).not.toBeNull();
    const verified = verifyManageToken(match![1]!, now);
    expect(verified).toMatchObject({ ok: true, appointmentId: appt.id, clientId: client.id });
    if (verified.ok) expect(verified.expiresAt.getTime()).toBe(appt.endsAt.getTime() + 7 * 24 * HOUR);

    // The calendar file: a REQUEST for this appointment at its current sequence.
    expect(row!.attachments).toHaveLength(1);
    const attachment = row!.attachments![0]!;
    expect(attachment.filename).toBe("invite.ics");
    expect(attachment.contentType).toMatch(/^text\/calendar/);
    const ics = Buffer.from(attachment.content, "base64").toString("utf8").replace(/\r\n[ \t]/g, "");
    expect(ics).toContain("METHOD:REQUEST\r\n");
    expect(ics).toContain(`UID:${appt.id}@tandem\r\n`);
    expect(ics).toContain("SEQUENCE:4\r\n");
    expect(ics).toContain("LOCATION:12 Harbor Street\\, Portland\\, ME 04101\r\n");
    expect(ics).toContain(`URL:${match![0]}\r\n`);
    expect(ics).toContain("SUMMARY:Session with Dana Whitfield\\, LMFT — Harbor Couples Therapy\r\n");
    expect(ics).toContain("ORGANIZER;CN=\"Harbor Couples Therapy\":MAILTO:hello@harbor.test");
    expect(ics).not.toMatch(/dysfunction|Pelvic health/i);
  });

  test("an appointment 1 h away gets the 2h reminder only", async () => {
    const { practice, clinician } = await setting();
    const service = await createService(practice);
    const client = await createClient(practice, { email: uniqueEmail("soon") });
    const now = new Date();
    const appt = await createAppointment(clinician, service, { startsAt: new Date(now.getTime() + HOUR), status: "confirmed", attendees: [client] });

    await sendReminders(now);
    await sendReminders(new Date(now.getTime() + 5 * MINUTE));
    const rows = await remindersFor(appt.id);
    expect(rows.map((r) => r.key)).toEqual([reminderKey("2h", appt.id, client.id)]);
    expect(rows[0]!.template).toBe("booking-reminder-2h");
    expect(rows[0]!.subject).toMatch(/^Starting soon/);
  });

  test("cancelled, held, past and far-off appointments, and attendees without email, get none", async () => {
    const { practice, clinician } = await setting();
    const service = await createService(practice);
    const withEmail = await createClient(practice, { email: uniqueEmail("has-email") });
    const noEmail = await createClient(practice, { email: null });
    const now = new Date();
    const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
    const cancelled = await createAppointment(clinician, service, { startsAt: at(5), status: "cancelled", attendees: [withEmail] });
    const lateCancelled = await createAppointment(clinician, service, { startsAt: at(5), status: "late_cancelled", attendees: [withEmail] });
    const held = await createAppointment(clinician, service, { startsAt: at(7), status: "held", holdExpiresAt: at(1), attendees: [withEmail] });
    const farOff = await createAppointment(clinician, service, { startsAt: at(30), status: "confirmed", attendees: [withEmail] });
    const started = await createAppointment(clinician, service, { startsAt: new Date(now.getTime() - 10 * MINUTE), status: "confirmed", attendees: [withEmail] });
    const silent = await createAppointment(clinician, service, { startsAt: at(12), status: "confirmed", attendees: [noEmail] });

    await sendReminders(now);
    const keys = await db
      .select({ key: emailMessages.key })
      .from(emailMessages)
      .where(eq(emailMessages.practiceId, practice.id));
    expect(keys).toEqual([]);
    for (const a of [cancelled, lateCancelled, held, farOff, started, silent]) expect(await remindersFor(a.id)).toEqual([]);
  });

  test("reads with one query however many reminders are due (the sends only insert)", async () => {
    const { practice, clinician } = await setting();
    const service = await createService(practice);
    const now = new Date();
    for (let i = 0; i < 6; i++) {
      const client = await createClient(practice, { email: uniqueEmail(`many-${i}`) });
      await createAppointment(clinician, service, { startsAt: new Date(now.getTime() + (3 + i) * HOUR), status: "confirmed", attendees: [client] });
    }
    const selects = vi.spyOn(db, "select");
    try {
      const result = await sendReminders(now);
      expect(result.due).toBeGreaterThanOrEqual(6);
      expect(selects).toHaveBeenCalledTimes(1);
    } finally {
      selects.mockRestore();
    }
    const rows = await db.select({ key: emailMessages.key }).from(emailMessages).where(eq(emailMessages.practiceId, practice.id));
    expect(rows).toHaveLength(6);
  });
});
