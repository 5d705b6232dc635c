import type { APIRequestContext, Page } from "@playwright/test";
import { and, desc, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { createBookableService, createMember, createPractice, db, emailsTo, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

// Issue 11, problem 2 (decision 0037), for a clinician at a desk: a client's online booking reaches the
// clinician under the bell and by an email that names no client; opening the notice goes to the session and
// clears the count; with booking emails turned off in their settings, the next booking shows under the bell
// and sends no email.

const ZONE = "America/New_York";

async function bookOnline(request: APIRequestContext, slug: string, serviceId: string, daysAhead: number, person: { firstName: string; lastName: string; email: string }) {
  const from = DateTime.now().setZone(ZONE).plus({ days: daysAhead }).startOf("day");
  const slots = await (await request.get(`/api/book/${slug}/slots?service=${serviceId}&from=${from.toUTC().toISO()}&to=${from.plus({ days: 1 }).toUTC().toISO()}`)).json();
  const hold = await (await request.post(`/api/book/${slug}/holds`, { data: { serviceId, clinicianId: "any", start: slots.slots[0].start } })).json();
  const confirmed = await request.post(`/api/book/${slug}/confirm`, { data: { holdToken: hold.holdToken, agreePolicy: true, attendees: [person] } });
  expect(confirmed.status()).toBe(200);
  const [appointment] = await db
    .select()
    .from(schema.appointments)
    .where(eq(schema.appointments.serviceId, serviceId))
    .orderBy(desc(schema.appointments.createdAt))
    .limit(1);
  return appointment!;
}

const bell = (page: Page) => page.getByRole("link", { name: /^Notifications, / });
const staffNotices = async (to: string) => (await emailsTo(to)).filter((m) => m.template === "staff-notice");

test("a client's booking reaches the clinician under the bell and by an email naming no one; with booking emails off the next one only rings the bell", async ({ page, request, browser }) => {
  test.slow();
  const practice = await createPractice();
  const clinician = await createMember(practice.id, "clinician");
  const service = await createBookableService(practice.id, clinician.memberId, { attendance: "individual", name: "Individual session" });

  await signInAs(page, clinician.userId);
  await page.goto(`/clinic/${practice.slug}`);
  await expect(bell(page)).toHaveAccessibleName("Notifications, none unread");

  const first = await bookOnline(request, practice.slug, service.id, 3, { firstName: "Noor", lastName: "Vale", email: `noor-${practice.slug}@e2e.tandem.test` });

  // The bell counts it on the next page the clinician opens.
  await page.reload();
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  await expect(page.getByTestId("bell-count")).toHaveText("1");

  // The email (sent by the minutely staff-notify job) says what and when, never who.
  await expect.poll(async () => (await staffNotices(clinician.email)).length, { timeout: 100_000, intervals: [2_000] }).toBe(1);
  const [mail] = await staffNotices(clinician.email);
  expect(mail!.subject).toBe("New booking");
  expect(mail!.text).toContain("Individual session");
  for (const name of ["Noor", "Vale"]) {
    expect(mail!.text).not.toContain(name);
    expect(mail!.html).not.toContain(name);
  }
  expect(mail!.html).toContain(`/clinic/${practice.slug}/notifications/`);
  // The owner, who is not the session's clinician, hears nothing of it.
  expect(await staffNotices(practice.owner.email)).toEqual([]);

  // The list names the client (behind sign-in) and opens the session.
  await bell(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const item = page.getByRole("link", { name: /Unread: New booking/ });
  await expect(item).toContainText("Noor Vale");
  await expect(item).toContainText("Individual session");
  await expectAxeClean(page, "the notifications list", { only: "serious" });
  await item.click();
  await expect(page).toHaveURL(new RegExp(`/clinic/${practice.slug}/schedule/${first.id}$`));
  await expect(bell(page)).toHaveAccessibleName("Notifications, none unread");
  await page.goto(`/clinic/${practice.slug}/notifications`);
  await expect(page.getByRole("link", { name: /New booking/ })).toBeVisible();
  await expect(page.getByText("Unread:")).toHaveCount(0);

  // The clinician turns off booking emails, on a phone.
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, baseURL: process.env.APP_URL });
  const phonePage = await phone.newPage();
  await signInAs(phonePage, clinician.userId);
  await phonePage.goto(`/clinic/${practice.slug}/settings/notifications`);
  await expect(phonePage.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expectNoSidewaysScroll(phonePage, "notification settings at 375 px");
  await expectAxeClean(phonePage, "notification settings", { only: "serious" });
  // A flag's in-app notice cannot be turned off.
  await expect(phonePage.getByLabel("Safety flags in the app (always on)")).toBeDisabled();
  await expect(phonePage.getByLabel("Safety flags in the app (always on)")).toBeChecked();
  const newByEmail = phonePage.getByLabel("New bookings by email");
  await expect(newByEmail).toBeChecked();
  await newByEmail.focus();
  await phonePage.keyboard.press("Space");
  await expect(newByEmail).not.toBeChecked();
  await phonePage.getByRole("button", { name: "Save notification settings" }).click();
  await expect(phonePage.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await phonePage.reload();
  await expect(phonePage.getByLabel("New bookings by email")).not.toBeChecked();
  await expect(phonePage.getByLabel("New bookings in the app")).toBeChecked();
  await phone.close();

  const second = await bookOnline(request, practice.slug, service.id, 4, { firstName: "Ilse", lastName: "Marr", email: `ilse-${practice.slug}@e2e.tandem.test` });
  await page.goto(`/clinic/${practice.slug}`);
  await expect(bell(page)).toHaveAccessibleName("Notifications, 1 unread");
  // The notice is kept for the bell only: no email is owed for it, and none was sent.
  const [notice] = await db
    .select()
    .from(schema.staffNotifications)
    .where(and(eq(schema.staffNotifications.memberId, clinician.memberId), eq(schema.staffNotifications.appointmentId, second.id)));
  expect(notice).toMatchObject({ kind: "booking_new", inApp: true, email: false, emailSentAt: null });
  expect(await staffNotices(clinician.email)).toHaveLength(1);
});
