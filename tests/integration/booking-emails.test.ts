import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { emailMessages } from "@/db/schema";
import BookingCancelledEmail, { bookingCancelledSubject, type BookingCancelledEmailProps } from "@/emails/booking-cancelled";
import BookingConfirmationEmail, { bookingConfirmationSubject, type BookingConfirmationEmailProps } from "@/emails/booking-confirmation";
import BookingReminderEmail, { bookingReminderSubject } from "@/emails/booking-reminder";
import BookingRescheduledEmail, { bookingRescheduledSubject } from "@/emails/booking-rescheduled";
import { buildIcs, icsAttachment } from "@/lib/booking/ics";
import { sendEmail } from "@/lib/email/send-email";
import { uniqueEmail } from "./helpers/factories";
import { startResendCapture, type ResendCapture } from "./helpers/resend-capture";

const base: BookingConfirmationEmailProps = {
  practiceName: "Harbor Couples Therapy",
  clinicianName: "Dana Whitfield, LMFT",
  serviceName: "Couples session (50 min)",
  // 10:00 in New York (EDT, after the March change).
  startsAt: new Date("2026-03-09T14:00:00Z"),
  timeZone: "America/New_York",
  format: "in_person",
  location: "12 Harbor Street, Portland, ME 04101",
  recipientName: "Alex",
  manageUrl: "http://localhost:3000/manage/token-abc.sig",
};

async function text(element: Parameters<typeof render>[0]): Promise<string> {
  return render(element, { plainText: true });
}

describe("booking email templates", () => {
  test("confirmation: practice, clinician, service, time in the practice's zone with its name, place, manage link", async () => {
    const body = await text(BookingConfirmationEmail(base));
    expect(body).toContain("Hi Alex");
    expect(body).toContain("Monday 9 March 2026, 10:00 AM EDT");
    expect(body).toContain("Dana Whitfield, LMFT, Harbor Couples Therapy");
    expect(body).toContain("Couples session (50 min)");
    expect(body).toContain("In person: 12 Harbor Street, Portland, ME 04101");
    expect(body).toContain(base.manageUrl);
    expect(body).toContain("To reschedule or cancel, use your link");
    expect(bookingConfirmationSubject(base)).toBe("Booked: your session with Harbor Couples Therapy, Mon 9 Mar, 10:00 AM EDT");
    expect(await render(BookingConfirmationEmail(base))).toMatch(/<html/i);
  });

  test("times follow the zone, across a daylight-saving change", async () => {
    const winter = await text(BookingConfirmationEmail({ ...base, startsAt: new Date("2026-03-06T15:00:00Z") }));
    expect(winter).toContain("Friday 6 March 2026, 10:00 AM EST");
    const london = await text(BookingConfirmationEmail({ ...base, timeZone: "Europe/London", startsAt: new Date("2026-07-01T09:00:00Z") }));
    expect(london).toContain("Wednesday 1 July 2026, 10:00 AM GMT+1");
  });

  test("an en-GB practice's emails read its clock and its zone names, in body and subject (decision 0044)", async () => {
    const uk = { ...base, timeZone: "Europe/London", locale: "en-GB", startsAt: new Date("2026-07-01T13:30:00Z") };
    expect(await text(BookingConfirmationEmail(uk))).toContain("Wednesday 1 July 2026, 14:30 BST");
    expect(bookingConfirmationSubject(uk)).toBe("Booked: your session with Harbor Couples Therapy, Wed 1 Jul, 14:30 BST");
    expect(await text(BookingReminderEmail({ ...uk, kind: "2h" }))).toContain("at 14:30 BST");
  });

  test("online and phone sessions say so", async () => {
    expect(await text(BookingConfirmationEmail({ ...base, format: "online", location: null }))).toContain("Online (video)");
    expect(await text(BookingConfirmationEmail({ ...base, format: "phone", location: null }))).toContain("Phone");
  });

  test("rescheduled: new and previous time, manage link", async () => {
    const props = { ...base, startsAt: new Date("2026-03-11T18:00:00Z"), previousStartsAt: base.startsAt };
    const body = await text(BookingRescheduledEmail(props));
    expect(body).toContain("Wednesday 11 March 2026, 2:00 PM EDT");
    expect(body).toContain("Monday 9 March 2026, 10:00 AM EDT");
    expect(body).toContain(base.manageUrl);
    expect(bookingRescheduledSubject(props)).toBe("New time: your session with Harbor Couples Therapy is now Wed 11 Mar, 2:00 PM EDT");
  });

  test("cancelled: the late-cancellation fee only when passed, in the practice's currency", async () => {
    const props: BookingCancelledEmailProps = { ...base, lateCancelFee: { cents: 7500, currency: "USD" } };
    const withFee = await text(BookingCancelledEmail(props));
    expect(withFee).toContain("A late-cancellation fee of $75.00 applies under the practice's policy.");
    expect(await text(BookingCancelledEmail({ ...base, lateCancelFee: { cents: 6000, currency: "GBP" } }))).toContain("fee of £60.00 applies");
    const without = await text(BookingCancelledEmail(base));
    expect(without).not.toMatch(/fee/i);
    expect(await text(BookingCancelledEmail({ ...base, lateCancelFee: { cents: 0, currency: "USD" } }))).not.toMatch(/fee/i);
    expect(without).not.toContain(base.manageUrl);
    expect(bookingCancelledSubject(base)).toBe("Cancelled: your session with Harbor Couples Therapy, Mon 9 Mar, 10:00 AM EDT");
  });

  test("reminders: 24h and 2h variants", async () => {
    const day = await text(BookingReminderEmail({ ...base, kind: "24h" }));
    expect(day).toContain("coming up within the next day");
    expect(day).toContain(base.manageUrl);
    const soon = await text(BookingReminderEmail({ ...base, kind: "2h" }));
    expect(soon).toContain("starts in about two hours, at 10:00 AM EDT");
    expect(bookingReminderSubject({ ...base, kind: "24h" })).toBe("Reminder: your session with Harbor Couples Therapy, Mon 9 Mar, 10:00 AM EDT");
    expect(bookingReminderSubject({ ...base, kind: "2h" })).toBe("Starting soon: your session with Harbor Couples Therapy at 10:00 AM EDT");
  });

  test("every template renders its PreviewProps", async () => {
    for (const Template of [BookingConfirmationEmail, BookingRescheduledEmail, BookingCancelledEmail, BookingReminderEmail] as const) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const html = await render((Template as any)((Template as any).PreviewProps));
      expect(html).toContain("Harbor Couples Therapy");
    }
  });
});

describe("sendEmail with attachments", () => {
  const ics = () =>
    icsAttachment({
      appointmentId: randomUUID(),
      sequence: 1,
      method: "REQUEST",
      start: base.startsAt,
      end: new Date(base.startsAt.getTime() + 50 * 60_000),
      summary: "Session with Dana Whitfield — Harbor Couples Therapy",
      location: "Online",
      stamp: new Date("2026-03-01T00:00:00Z"),
    });

  async function row(key: string) {
    const [r] = await db.select().from(emailMessages).where(eq(emailMessages.key, key));
    return r!;
  }

  test("the outbox keeps the attachment, base64-encoded", async () => {
    const attachment = ics();
    const key = `test:${randomUUID()}`;
    expect(
      await sendEmail({ key, to: uniqueEmail("outbox"), subject: "s", template: "booking-confirmation", element: BookingConfirmationEmail(base), attachments: [attachment] }, null),
    ).toEqual({ status: "outbox" });
    const stored = await row(key);
    expect(stored.attachments).toEqual([{ filename: "invite.ics", contentType: attachment.contentType, content: Buffer.from(attachment.content, "utf8").toString("base64") }]);
    expect(Buffer.from(stored.attachments![0]!.content, "base64").toString("utf8")).toBe(attachment.content);
  });

  test("no attachments: the column stays null", async () => {
    const key = `test:${randomUUID()}`;
    await sendEmail({ key, to: uniqueEmail("plain"), subject: "s", template: "booking-confirmation", element: BookingConfirmationEmail(base), attachments: [] }, null);
    expect((await row(key)).attachments).toBeNull();
  });

  describe("through the Resend SDK", () => {
    let capture: ResendCapture;
    beforeAll(async () => {
      capture = await startResendCapture();
    });
    afterAll(() => capture.close());
    beforeEach(() => capture.reset());

    test("posts the attachment as base64 with its content type, then drops it with the bodies", async () => {
      const attachment = ics();
      const key = `test:${randomUUID()}`;
      const result = await sendEmail(
        { key, to: uniqueEmail("sent"), subject: "s", template: "booking-confirmation", element: BookingConfirmationEmail(base), attachments: [attachment] },
        new Resend("re_test_123", { baseUrl: capture.url }),
      );
      expect(result).toEqual({ status: "sent" });
      const body = capture.requests[0]!.body as { attachments: { filename: string; content: string; content_type: string }[] };
      expect(body.attachments).toEqual([
        { filename: "invite.ics", content: Buffer.from(attachment.content, "utf8").toString("base64"), content_type: attachment.contentType },
      ]);
      expect(Buffer.from(body.attachments[0]!.content, "base64").toString("utf8")).toBe(attachment.content);
      expect(await row(key)).toMatchObject({ status: "sent", html: null, text: null, attachments: null });
    });

    test("a failed send keeps the attachment, like the bodies", async () => {
      capture.respondWith({ status: 500, body: { statusCode: 500, name: "internal_server_error", message: "down" } });
      const key = `test:${randomUUID()}`;
      await sendEmail(
        { key, to: uniqueEmail("failed"), subject: "s", template: "booking-confirmation", element: BookingConfirmationEmail(base), attachments: [ics()] },
        new Resend("re_test_123", { baseUrl: capture.url }),
      );
      const stored = await row(key);
      expect(stored.status).toBe("failed");
      expect(stored.attachments).toHaveLength(1);
    });

    test("a message without attachments sends none", async () => {
      const key = `test:${randomUUID()}`;
      await sendEmail({ key, to: uniqueEmail("bare"), subject: "s", template: "sign-in", element: BookingConfirmationEmail(base) }, new Resend("re_test_123", { baseUrl: capture.url }));
      expect((capture.requests[0]!.body as Record<string, unknown>).attachments).toBeUndefined();
    });
  });

  test("buildIcs output survives the base64 round trip byte for byte (UTF-8 names)", () => {
    const content = buildIcs({
      appointmentId: randomUUID(),
      sequence: 0,
      method: "CANCEL",
      start: base.startsAt,
      end: new Date(base.startsAt.getTime() + 3_600_000),
      summary: "Session with Zoë Çelik — Clínica",
    });
    expect(Buffer.from(Buffer.from(content, "utf8").toString("base64"), "base64").toString("utf8")).toBe(content);
  });
});
