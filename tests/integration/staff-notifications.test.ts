import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, availabilityRules, emailMessages, serviceClinicians, services, staffNotifications } from "@/db/schema";
import { cancel, createAppointment } from "@/lib/booking/lifecycle";
import { listNotices, markAllRead, openNotice, unreadCount } from "@/lib/notifications/inbox";
import { savePreferences } from "@/lib/notifications/preferences";
import { DEFAULT_CHANNELS, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { sendStaffNotificationEmails } from "@/lib/notifications/send-emails";
import { createClient, createMember, createPractice, scopeFor, type TestMember } from "./helpers/factories";

const NOW = new Date("2031-03-01T12:00:00Z");
const LATER = new Date("2031-03-01T12:05:00Z");
const START = new Date("2031-03-03T14:00:00Z");

async function setting() {
  const practice = await createPractice({ timeZone: "America/New_York" });
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician" });
  const other = await createMember(practice, { role: "clinician" });
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, priceCents: 0, format: "online", attendance: "individual", minNoticeMinutes: 60, horizonDays: 60 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  await db.insert(availabilityRules).values({ practiceId: practice.id, memberId: clinician.member.id, weekday: 1, startMinute: 0, endMinute: 1440, timeZone: "America/New_York" });
  const client = await createClient(practice, { firstName: "Rowan", lastName: "Hale" });
  return { practice, owner, clinician, other, service: service!, client };
}

async function book(ctx: Awaited<ReturnType<typeof setting>>, start: Date) {
  const slot = { start: start.getTime(), end: start.getTime() + 50 * 60_000, memberId: ctx.clinician.member.id, locationId: null };
  return db.transaction(async (tx) => {
    const id = await createAppointment(tx, { practiceId: ctx.practice.id, service: ctx.service, slot, status: "confirmed", now: NOW });
    await tx.insert(appointmentAttendees).values({ practiceId: ctx.practice.id, appointmentId: id, clientId: ctx.client.id });
    return id;
  });
}

const noticesOf = (m: TestMember) => db.select().from(staffNotifications).where(eq(staffNotifications.memberId, m.member.id));

describe("staff notifications", () => {
  it("a booking and its cancellation tell the appointment's clinician only, in the app and by email without the client's name", async () => {
    const ctx = await setting();
    const elsewhere = await setting();
    const id = await book(ctx, START);
    const scope = scopeFor(ctx.clinician);
    expect(await unreadCount(scope)).toBe(1);
    expect(await unreadCount(scopeFor(ctx.owner))).toBe(0);
    expect(await unreadCount(scopeFor(ctx.other))).toBe(0);
    expect(await unreadCount(scopeFor(elsewhere.clinician))).toBe(0);
    // Another practice's member cannot open it, and it stays unread.
    const [notice] = await noticesOf(ctx.clinician);
    expect(await openNotice(scopeFor(elsewhere.clinician), notice!.id, NOW)).toBeNull();
    expect(await openNotice(scopeFor(ctx.other), notice!.id, NOW)).toBeNull();

    const [item] = await listNotices(scope);
    expect(item).toMatchObject({ title: "New booking", read: false, path: `/schedule/${id}` });
    expect(item!.detail).toContain("Rowan Hale");

    await sendStaffNotificationEmails(NOW);
    const mail = await db.select().from(emailMessages).where(and(eq(emailMessages.to, ctx.clinician.user.email), eq(emailMessages.template, "staff-notice")));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("New booking");
    expect(mail[0]!.text).toContain("Couples session");
    expect(mail[0]!.text).not.toContain("Rowan");
    expect(mail[0]!.text).not.toContain("Hale");
    // A second run sends nothing again.
    expect((await sendStaffNotificationEmails(NOW)).due).toBe(0);

    await db.transaction((tx) => cancel(tx, { practiceId: ctx.practice.id, appointmentId: id, now: LATER, late: false }));
    expect(await unreadCount(scope)).toBe(2);
    expect((await listNotices(scope))[0]!.title).toBe("Booking cancelled");

    expect(await openNotice(scope, notice!.id, NOW)).toBe(`/clinic/${ctx.practice.slug}/schedule/${id}`);
    expect(await unreadCount(scope)).toBe(1);
    await markAllRead(scope, NOW);
    expect(await unreadCount(scope)).toBe(0);
  });

  it("with booking emails turned off, the next booking shows in the app and sends no email", async () => {
    const ctx = await setting();
    const prefs = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, DEFAULT_CHANNELS[k]]));
    expect(await savePreferences(scopeFor(ctx.clinician), { ...prefs, booking_new: { email: false, inApp: true } }, NOW)).toEqual({ ok: true });
    await book(ctx, START);
    await sendStaffNotificationEmails(NOW);
    expect(await unreadCount(scopeFor(ctx.clinician))).toBe(1);
    const mail = await db.select().from(emailMessages).where(eq(emailMessages.to, ctx.clinician.user.email));
    expect(mail).toHaveLength(0);
    // A refused save changes nothing.
    const refused = await savePreferences(scopeFor(ctx.clinician), { ...prefs, safety_flag: { email: false, inApp: false } }, NOW);
    expect(refused.ok).toBe(false);
  });
});
