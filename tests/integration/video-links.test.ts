import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { appointments, availabilityRules, couples, emailMessages, members, practices, serviceClinicians, services, type Practice, type ServiceFormat } from "@/db/schema";
import { cancelAppointment, rescheduleAppointment } from "@/lib/appointments/change-appointment";
import { bookForClients } from "@/lib/appointments/staff-book";
import { listClientSessions } from "@/lib/booking/list-client-sessions";
import { sendReminders } from "@/lib/jobs/send-reminders";
import { loadVideoSettings, saveOwnVideoRoom, saveVideoPattern } from "@/lib/video/settings";
import { auditEventsFor, createClient, createMember, createPractice, scopeFor, uniqueEmail, type TestMember } from "./helpers/factories";

const ZONE = "America/New_York";
/** Monday 3 March 2031, 07:00 in New York. */
const NOW = new Date("2031-03-03T12:00:00Z");
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()!;
const ROOM = "https://video.example.test/dana-room";
const PATTERN = "https://meet.example.test/tandem/{appointment}?lang=en";
const PER_SESSION = /^https:\/\/meet\.example\.test\/tandem\/[A-Za-z0-9_-]{22}\?lang=en$/;

async function videoPractice(options: { pattern?: string | null; format?: ServiceFormat } = {}) {
  const practice = await createPractice({ timeZone: ZONE });
  if (options.pattern) await db.update(practices).set({ videoUrlPattern: options.pattern }).where(eq(practices.id, practice.id));
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician", displayName: "Dana Whitfield" });
  await db.update(members).set({ videoUrl: ROOM }).where(eq(members.id, clinician.member.id));
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 540, endMinute: 1020, timeZone: ZONE })),
  );
  const service = await createService(practice, clinician, options.format ?? "online");
  return { practice, owner, clinician, service, scope: scopeFor(owner) };
}

async function createService(practice: Practice, clinician: TestMember, format: ServiceFormat) {
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, format, attendance: "either", priceCents: 0 , slotStepMinutes: 15 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  return service!;
}

async function createCouple(practice: Practice) {
  const x = await createClient(practice, { firstName: "Noor", email: uniqueEmail("noor") });
  const y = await createClient(practice, { firstName: "Sam", email: uniqueEmail("sam") });
  const [a, b] = [x.id, y.id].sort() as [string, string];
  await db.insert(couples).values({ practiceId: practice.id, clientAId: a, clientBId: b });
  return { x, y };
}

async function stored(appointmentId: string) {
  const [row] = await db.select({ videoUrl: appointments.videoUrl }).from(appointments).where(eq(appointments.id, appointmentId));
  return row!.videoUrl;
}

function mailTo(to: string[], template: string) {
  return db.select().from(emailMessages).where(and(inArray(emailMessages.to, to), eq(emailMessages.template, template)));
}

/** The calendar file's unfolded text. */
function ics(mail: { attachments: { content: string }[] | null }): string {
  const content = mail.attachments![0]!.content;
  const text = content.includes("BEGIN:VCALENDAR") ? content : Buffer.from(content, "base64").toString("utf8");
  return text.replace(/\r\n[ \t]/g, "");
}
const icsProp = (text: string, name: string) => text.split("\r\n").find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);

describe("the join link of an online session", () => {
  test("a couple booked under a provider pattern: one room of its own, the same link in both partners' emails and calendar files", async () => {
    const { practice, clinician, service, scope } = await videoPractice({ pattern: PATTERN });
    const { x, y } = await createCouple(practice);
    const result = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [x.id, y.id], start: at("2031-03-04T10:00") }, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const url = await stored(result.appointmentId);
    expect(url).toMatch(PER_SESSION);

    const mail = await mailTo([x.email!, y.email!], "booking-confirmation");
    expect(mail).toHaveLength(2);
    for (const m of mail) {
      expect(m.html).toContain("Join video session");
      expect(m.html).toContain(url!.replace("&", "&amp;"));
      expect(m.text).toContain(url);
      const cal = ics(m);
      expect(icsProp(cal, "LOCATION")).toBe(url!.replace(/([,;])/g, "\\$1"));
      expect(icsProp(cal, "URL")).toBe(url);
      expect(icsProp(cal, "DESCRIPTION")).toContain(`Join the video session: ${url}`);
      expect(icsProp(cal, "DESCRIPTION")).toContain("/manage/");
    }

    // A second session gets another room: the token is per appointment.
    const again = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [x.id], start: at("2031-03-05T10:00") }, NOW);
    expect(again.ok && (await stored(again.appointmentId))).toMatch(PER_SESSION);
    expect(again.ok && (await stored(again.appointmentId))).not.toBe(url);
  });

  test("without a pattern the clinician's standing room is the link; a phone session has none", async () => {
    const { practice, clinician, service, scope } = await videoPractice();
    const client = await createClient(practice, { email: uniqueEmail("robin") });
    const online = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [client.id], start: at("2031-03-04T10:00") }, NOW);
    expect(online.ok && (await stored(online.appointmentId))).toBe(ROOM);

    const phone = await createService(practice, clinician, "phone");
    const call = await bookForClients(scope, { serviceId: phone.id, clinicianId: clinician.member.id, clientIds: [client.id], start: at("2031-03-04T13:00") }, NOW);
    expect(call.ok).toBe(true);
    if (!call.ok) return;
    expect(await stored(call.appointmentId)).toBeNull();
    const [phoneMail] = await db.select().from(emailMessages).where(and(eq(emailMessages.to, client.email!), eq(emailMessages.template, "booking-confirmation"), eq(emailMessages.key, `booking-confirmation:${call.appointmentId}:${client.id}:0`)));
    expect(phoneMail!.html).not.toContain("Join video session");
    expect(icsProp(ics(phoneMail!), "LOCATION")).toBe("Phone");
  });

  test("a reschedule fixes a new room and the rescheduled email and file carry it; the cancellation carries no link", async () => {
    const { practice, clinician, service, scope, owner } = await videoPractice({ pattern: PATTERN });
    const { x, y } = await createCouple(practice);
    const booked = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [x.id, y.id], start: at("2031-03-04T10:00") }, NOW);
    if (!booked.ok) throw new Error("not booked");
    const first = await stored(booked.appointmentId);
    const actor = { kind: "member" as const, userId: owner.user.id };

    const moved = await rescheduleAppointment({ practiceId: practice.id, appointmentId: booked.appointmentId, actor, byStaff: true, values: { start: at("2031-03-06T14:00") } }, NOW);
    expect(moved).toEqual({ ok: true });
    const second = await stored(booked.appointmentId);
    expect(second).toMatch(PER_SESSION);
    expect(second).not.toBe(first);
    const rescheduled = await mailTo([x.email!, y.email!], "booking-rescheduled");
    expect(rescheduled).toHaveLength(2);
    for (const m of rescheduled) {
      expect(m.text).toContain(second);
      expect(m.text).not.toContain(first);
      expect(icsProp(ics(m), "URL")).toBe(second);
    }

    expect(await cancelAppointment({ practiceId: practice.id, appointmentId: booked.appointmentId, actor, waiveFee: true }, NOW)).toMatchObject({ ok: true });
    const cancelled = await mailTo([x.email!, y.email!], "booking-cancelled");
    expect(cancelled).toHaveLength(2);
    for (const m of cancelled) {
      expect(m.html).not.toContain("Join video session");
      expect(m.html).not.toContain("meet.example.test");
      const cal = ics(m);
      expect(cal).not.toContain("meet.example.test");
      expect(icsProp(cal, "LOCATION")).toBe("Online");
    }
    // The portal shows nothing to join for a cancelled session, even inside the window.
    const sessions = await listClientSessions(x, new Date(at("2031-03-06T13:50")));
    // It is listed with the past and cancelled sessions, never as upcoming (issue 11, problem 11).
    expect(sessions.upcoming.find((s) => s.id === booked.appointmentId)).toBeUndefined();
    expect(sessions.past.find((s) => s.id === booked.appointmentId)?.join).toEqual({ kind: "none" });
  });

  test("the reminders carry the link in the email and the file", async () => {
    const { practice, clinician, service, scope } = await videoPractice();
    const client = await createClient(practice, { email: uniqueEmail("kim") });
    const booked = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [client.id], start: at("2031-03-04T10:00") }, NOW);
    expect(booked.ok).toBe(true);
    await sendReminders(new Date(at("2031-03-04T08:30")));
    const [reminder] = await mailTo([client.email!], "booking-reminder-2h");
    expect(reminder!.html).toContain("Join video session");
    expect(reminder!.text).toContain(ROOM);
    expect(icsProp(ics(reminder!), "URL")).toBe(ROOM);
  });

  test("the portal offers the button from 15 minutes before the start until the end, and says when before that", async () => {
    const { practice, clinician, service, scope } = await videoPractice();
    const client = await createClient(practice, { email: uniqueEmail("lee") });
    const booked = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [client.id], start: at("2031-03-04T10:00") }, NOW);
    if (!booked.ok) throw new Error("not booked");
    const joinAt = async (local: string) => (await listClientSessions(client, new Date(at(local)))).upcoming.find((s) => s.id === booked.appointmentId)?.join;
    expect(await joinAt("2031-03-04T09:44")).toEqual({ kind: "later", opensAt: new Date(at("2031-03-04T09:45")) });
    expect(await joinAt("2031-03-04T09:45")).toEqual({ kind: "open", url: ROOM });
    expect(await joinAt("2031-03-04T10:49")).toEqual({ kind: "open", url: ROOM });
    expect(await joinAt("2031-03-04T10:50")).toBeUndefined(); // ended: no longer upcoming
  });
});

describe("video settings", () => {
  test("owners set a per-session pattern (https, with {appointment}); bad ones are refused per field and change nothing", async () => {
    const { practice, scope } = await videoPractice();
    expect(await saveVideoPattern(scope, { pattern: "http://meet.example.test/{appointment}" })).toEqual({ ok: false, errors: { pattern: ["The address must start with https://"] } });
    expect(await saveVideoPattern(scope, { pattern: "https://meet.example.test/room" })).toEqual({ ok: false, errors: { pattern: ["Put {appointment} where each session's own code goes"] } });
    expect(await saveVideoPattern(scope, { pattern: "https://{appointment}.example.test/" })).toMatchObject({ ok: false, errors: { pattern: [expect.any(String)] } });
    expect(await saveVideoPattern(scope, { pattern: "javascript:alert(1)//{appointment}" })).toMatchObject({ ok: false, errors: { pattern: [expect.any(String)] } });
    expect((await loadVideoSettings(scope)).pattern).toBeNull();

    expect(await saveVideoPattern(scope, { pattern: ` ${PATTERN} ` })).toEqual({ ok: true });
    expect((await loadVideoSettings(scope)).pattern).toBe(PATTERN);
    expect(await auditEventsFor(practice.id, "video.pattern_update")).toHaveLength(1);
    expect(await saveVideoPattern(scope, { pattern: "" })).toEqual({ ok: true });
    expect((await loadVideoSettings(scope)).pattern).toBeNull();
  });

  test("a clinician saves their own room; the database refuses a pattern or a link that is not https", async () => {
    const { practice, clinician } = await videoPractice();
    const own = scopeFor(clinician);
    expect(await saveOwnVideoRoom(own, { room: "ftp://x.test/room" })).toEqual({ ok: false, errors: { room: ["The address must start with https://"] } });
    expect(await saveOwnVideoRoom(own, { room: "https://video.example.test/new" })).toEqual({ ok: true });
    expect((await loadVideoSettings(own)).ownRoom).toBe("https://video.example.test/new");

    await expect(db.update(practices).set({ videoUrlPattern: "http://x.test/{appointment}" }).where(eq(practices.id, practice.id))).rejects.toThrow();
    await expect(db.update(practices).set({ videoUrlPattern: "https://x.test/room" }).where(eq(practices.id, practice.id))).rejects.toThrow();
  });
});
