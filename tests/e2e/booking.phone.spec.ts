import { createBookableService, createClient, createPractice, db, emailsTo, expect, icsOf, latestEmail, signInAs, test } from "./fixtures";
import type { Page } from "@playwright/test";
import * as schema from "@/db/schema";
import { eq } from "drizzle-orm";

/** The first free time on the day lists (each day is a region named by its date). */
function firstFreeTime(page: Page) {
  return page.getByRole("region", { name: /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+$/ }).getByRole("button").first();
}

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

function expectValidIcs(ics: string, method: "REQUEST" | "CANCEL", sequence: number, appointmentId: string) {
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  const lines = unfold(ics);
  expect(lines).toContain(`METHOD:${method}`);
  expect(lines).toContain(`SEQUENCE:${sequence}`);
  expect(lines.find((l) => l.startsWith("UID:"))).toBe(`UID:${appointmentId}@tandem`);
  expect(lines.find((l) => l.startsWith("DTSTART"))).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
  expect(lines.find((l) => l.startsWith("DTEND"))).toMatch(/^DTEND:\d{8}T\d{6}Z$/);
  for (const raw of ics.split("\r\n")) expect(Buffer.byteLength(raw)).toBeLessThanOrEqual(75);
}

test("a couple books a couple session on a phone and both partners get a confirmation with a calendar file", async ({ page }) => {
  const practice = await createPractice();
  await createBookableService(practice.id, practice.owner.memberId, { name: "Couples session" });
  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Couples session/ }).click();
  await expect(page.getByRole("heading", { name: "Choose a time" })).toBeVisible();
  await firstFreeTime(page).click();

  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  const a = `ana-${practice.slug}@e2e.tandem.test`;
  const b = `ben-${practice.slug}@e2e.tandem.test`;
  await page.getByLabel("You: first name").fill("Ana");
  await page.getByLabel("You: last name").fill("Reyes");
  await page.getByLabel("You: email").fill(a);
  await page.getByLabel("Your partner: first name").fill("Ben");
  await page.getByLabel("Your partner: last name").fill("Reyes");
  await page.getByLabel("Your partner: email").fill(a);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByText("Each partner needs their own email address")).toBeVisible();
  await expect(page.getByText("Please agree to the cancellation policy to book")).toBeVisible();

  await page.getByLabel("Your partner: email").fill(b);
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(page.getByText(`${a} and ${b}`)).toBeVisible();

  await expect(page.getByText("We've emailed each of you a link to confirm it's you")).toBeVisible();

  const [booked] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  for (const to of [a, b]) {
    const [mail] = await emailsTo(to);
    expect(mail?.template).toBe("booking-confirmation");
    expect(mail?.text).toContain("/manage/");
    expectValidIcs(icsOf(mail!), "REQUEST", 0, booked!.id);
  }
  // Each partner confirms their own address from their own email (decision 0012): then the couple and portals exist.
  for (const to of [a, b]) await confirmItsMe(page, to);
  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  expect(appointment?.status).toBe("confirmed");
  expect(appointment?.coupleId).toBeTruthy();
  // Each partner has their own client record and portal access.
  const clients = await db.select().from(schema.clients).where(eq(schema.clients.practiceId, practice.id));
  expect(clients.map((c) => c.email).sort()).toEqual([a, b].sort());
  expect(clients.every((c) => c.userId)).toBe(true);

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

/** The owner of `email` opens the "confirm it's you" link in their confirmation and presses the button. */
async function confirmItsMe(page: Page, email: string) {
  const mail = await latestEmail(email, "booking-confirmation");
  const link = mail!.text!.match(/https?:\/\/\S+\/confirm-email\/[A-Za-z0-9._-]+/)![0];
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm it's me" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, it's confirmed" })).toBeVisible();
}

test("a returning couple books from the portal in a minute: details prefilled, a credit used, the partner confirms with their own link", async ({ page, browser }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { name: "Couples session" });
  const maya = await createClient(practice.id, "Maya");
  const leo = await createClient(practice.id, "Leo");
  const [x, y] = [maya.id, leo.id].sort();
  const [couple] = await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: x!, clientBId: y! }).returning();
  const [pkg] = await db
    .insert(schema.packages)
    .values({ practiceId: practice.id, name: "Six sessions", sessionCount: 6, priceCents: 99000, currency: "USD", validMonths: 6, serviceIds: [service.id] })
    .returning();
  await db
    .insert(schema.packagePurchases)
    .values({ practiceId: practice.id, packageId: pkg!.id, clientId: leo.id, coupleId: couple!.id, credits: 6, activatedAt: new Date(), expiresAt: new Date(Date.now() + 90 * 86_400_000) });

  await signInAs(page, maya.userId);
  await page.goto(`/portal/${maya.id}`);
  await page.getByRole("link", { name: "Book a session" }).click();
  await page.getByRole("button", { name: /Couples session/ }).click();
  await firstFreeTime(page).click();

  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  await expect(page.getByText(`${maya.email} · signed in`)).toBeVisible();
  await expect(page.getByLabel("Your partner: email")).toHaveValue(leo.email);
  await expect(page.getByLabel(/Use a session credit from Six sessions \(6 left, shared with your partner\)/)).toBeChecked();
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(page.getByText("One session credit was used.")).toBeVisible();
  await expect(page.getByText(/It's in your portal\. We've emailed your partner a link to confirm it's them/)).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  expect(appointment).toMatchObject({ status: "confirmed", coupleId: null });
  expect(await db.select().from(schema.payments).where(eq(schema.payments.appointmentId, appointment!.id))).toEqual([]);
  // Maya's own confirmation needs no proof: she was signed in.
  expect((await latestEmail(maya.email, "booking-confirmation"))!.text).not.toContain("/confirm-email/");

  // Leo, on his own phone and not signed in, confirms it's him.
  const leoPhone = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await confirmItsMe(leoPhone, leo.email);
  await expect(leoPhone.getByText("You are both confirmed, so the session is booked for you as a couple.")).toBeVisible();
  await leoPhone.close();
  const [after] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, appointment!.id));
  expect(after!.coupleId).toBe(couple!.id);
  const attendees = await db.select().from(schema.appointmentAttendees).where(eq(schema.appointmentAttendees.appointmentId, appointment!.id));
  expect(attendees.map((a) => a.clientId).sort()).toEqual([maya.id, leo.id].sort());
});

test("a client reschedules and then cancels by the emailed link", async ({ page, request }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  const email = `cleo-${practice.slug}@e2e.tandem.test`;
  const from = new Date(Date.now() + 3 * 86_400_000);
  const slots = await (await request.get(`/api/book/${practice.slug}/slots?service=${service.id}&from=${from.toISOString()}&to=${new Date(from.getTime() + 86_400_000).toISOString()}`)).json();
  const hold = await (await request.post(`/api/book/${practice.slug}/holds`, { data: { serviceId: service.id, clinicianId: "any", start: slots.slots[0].start } })).json();
  const confirmed = await request.post(`/api/book/${practice.slug}/confirm`, {
    data: { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "Cleo", lastName: "Park", email }] },
  });
  expect(confirmed.status()).toBe(200);
  const [confirmation] = await emailsTo(email);
  const link = confirmation!.text!.match(/https?:\/\/\S+\/manage\/[A-Za-z0-9._~-]+/)![0];

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Your session" })).toBeVisible();
  await expect(page.getByText("Confirmed")).toBeVisible();
  await page.getByRole("button", { name: "Reschedule" }).click();
  await expect(page.getByRole("heading", { name: "Choose a new time" })).toBeVisible();
  await page.getByRole("button", { name: "Later" }).click();
  await firstFreeTime(page).click();
  await page.getByRole("alertdialog").getByRole("button", { name: /^Move to / }).click();
  await expect(page.getByText(/^Moved to /)).toBeVisible();

  const [moved] = await emailsTo(email);
  expect(moved?.template).toBe("booking-rescheduled");
  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  expect(appointment!.sequence).toBe(1);
  expect(appointment!.startsAt.getTime()).not.toBe(new Date(slots.slots[0].start).getTime());
  expectValidIcs(icsOf(moved!), "REQUEST", 1, appointment!.id);

  await page.getByRole("button", { name: "Cancel session" }).click();
  await expect(page.getByText("There is no charge for cancelling now.")).toBeVisible();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel the session" }).click();
  await expect(page.getByText("Your session is cancelled.")).toBeVisible();
  await expect(page.getByText("Cancelled", { exact: true })).toBeVisible();
  const [cancelled] = await emailsTo(email);
  expect(cancelled?.template).toBe("booking-cancelled");
  expectValidIcs(icsOf(cancelled!), "CANCEL", 2, appointment!.id);
});

test("a second visitor racing for the same time is told it was just taken and offered the next times", async ({ page, browser }) => {
  const practice = await createPractice();
  await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  const other = await browser.newPage({ viewport: { width: 375, height: 740 } });
  for (const p of [page, other]) {
    await p.goto(`/book/${practice.slug}`);
    await p.getByRole("button", { name: /Individual session/ }).click();
    await expect(p.getByRole("heading", { name: "Choose a time" })).toBeVisible();
  }
  await firstFreeTime(page).click();
  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  // The second visitor still sees the time they loaded before the hold.
  await firstFreeTime(other).click();
  await expect(other.getByRole("alert").filter({ hasText: "Sorry, that time was just taken" })).toBeVisible();
  await expect(other.getByRole("list", { name: "Next free times" }).getByRole("button").first()).toBeVisible();
  await other.close();
});

test.describe("bad links", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test("an unknown practice is a 404 and a forged manage link explains itself", async ({ page }) => {
  const missing = await page.goto("/book/no-such-practice-here");
  expect(missing?.status()).toBe(404);
  await page.goto("/manage/eyJmb3JnZWQiOnRydWV9.c2lnbmF0dXJl");
  await expect(page.getByRole("heading", { name: "We can't open this session" })).toBeVisible();
  await expect(page.getByText("This link is not valid")).toBeVisible();
});
});
