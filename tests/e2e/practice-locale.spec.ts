import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { expectAxeClean } from "./a11y";
import { createBookableService, createClient, createPractice, db, expect, signInAs, test } from "./fixtures";

/** A confirmed 50-minute online visit by the owner for one client, starting at `startsAt`. */
async function confirmedVisit(practice: { id: string; owner: { memberId: string } }, serviceId: string, clientId: string, startsAt: Date) {
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [visit] = await db
    .insert(schema.appointments)
    .values({ practiceId: practice.id, serviceId, memberId: practice.owner.memberId, format: "online", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status: "confirmed", priceCents: 12000, currency: "USD" })
    .returning();
  await db.insert(schema.appointmentAttendees).values({ practiceId: practice.id, appointmentId: visit!.id, clientId });
  return visit!;
}

// Issue 11 (decision 0044): one voice for dates and times, in the practice's locale. An owner
// sets the practice to en-GB in its details; the client's date of birth reads as words (never
// the raw 1990-04-12) and the appointment reads on the 24-hour clock.
test("an owner sets the practice's dates and times to en-GB; the client page and the appointment read that way", async ({ page }) => {
  // Eight pages and two axe runs.
  test.setTimeout(120_000);
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Assessment" });
  const client = await createClient(practice.id, "Ada");
  await db.update(schema.clients).set({ dateOfBirth: "1990-04-12" }).where(eq(schema.clients.id, client.id));
  // Thursday 4 March 2027, 2:30 PM in New York (EST, UTC-5).
  const startsAt = new Date("2027-03-04T19:30:00Z");
  const visit = await confirmedVisit(practice, service.id, client.id, startsAt);
  await signInAs(page, practice.owner.userId);

  // Before: the US default, on the 12-hour clock.
  await page.goto(`/clinic/${practice.slug}/schedule/${visit.id}`);
  await expect(page.getByText("Thursday 4 March 2027, 2:30 PM – 3:20 PM")).toBeVisible();

  // The practice details, reached from settings.
  await page.goto(`/clinic/${practice.slug}/settings`);
  await expect(page.getByText("English (United States): 2:30 PM")).toBeVisible();
  await page.getByRole("link", { name: "Edit practice details" }).click();
  await expect(page.getByRole("heading", { name: "Practice details" })).toBeVisible();
  const locale = page.getByLabel("Dates and times");
  await expect(locale).toHaveValue("en-US");
  await page.getByLabel("Phone").fill("+1 212 555 0142");
  await page.getByLabel("We work online only").check();
  await locale.selectOption({ label: "English (United Kingdom): 14:30" });
  await expectAxeClean(page, "the practice details");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await page.waitForURL((url) => !url.pathname.endsWith("/setup/details"));
  const [row] = await db.select({ locale: schema.practices.locale }).from(schema.practices).where(eq(schema.practices.id, practice.id));
  expect(row?.locale).toBe("en-GB");

  await page.goto(`/clinic/${practice.slug}/settings`);
  await expect(page.getByText("English (United Kingdom): 14:30")).toBeVisible();
  await expectAxeClean(page, "settings");

  // The client page: the date of birth as words, not the stored ISO date.
  await page.goto(`/clinic/${practice.slug}/clients/${client.id}`);
  const dob = page.locator("dt", { hasText: "Date of birth" }).locator("xpath=following-sibling::dd[1]");
  await expect(dob).toHaveText("12 April 1990");
  await expect(page.getByText("1990-04-12")).toHaveCount(0);

  // The appointment: the same date, on the 24-hour clock.
  await page.goto(`/clinic/${practice.slug}/schedule/${visit.id}`);
  await expect(page.getByText("Thursday 4 March 2027, 14:30 – 15:20")).toBeVisible();
  await expect(page.getByText("2:30 PM")).toHaveCount(0);

  // The week on the schedule: the grid's blocks on the same clock.
  await page.goto(`/clinic/${practice.slug}/schedule?view=week&date=2027-03-04`);
  await expect(page.getByRole("link", { name: /14:30 – 15:20/ }).first()).toBeVisible();
});

// What the practice's clients read follows the same clock: the portal's sessions and the booking page's times.
test("a client of an en-GB practice reads the 24-hour clock on a phone: the portal's next session and the booking page's times", async ({ browser }) => {
  const practice = await createPractice();
  await db.update(schema.practices).set({ locale: "en-GB" }).where(eq(schema.practices.id, practice.id));
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Assessment" });
  const client = await createClient(practice.id, "Ada");
  const startsAt = new Date("2027-03-04T19:30:00Z"); // 14:30 in New York
  await confirmedVisit(practice, service.id, client.id, startsAt);

  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, baseURL: process.env.APP_URL });
  const page = await context.newPage();
  await signInAs(page, client.userId);
  await page.goto(`/portal/${client.id}`);
  const upcoming = page.getByRole("list", { name: "Upcoming sessions" });
  await expect(upcoming).toContainText("Thursday 4 March");
  await expect(upcoming).toContainText("14:30");
  await expect(upcoming).not.toContainText("2:30 PM");

  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Assessment/ }).click();
  const times = page.locator("section[aria-label] li").getByRole("button");
  await expect(times.first()).toHaveText(/^\d{2}:\d{2}$/);
  expect(await times.allTextContents()).not.toContainEqual(expect.stringMatching(/AM|PM/));
  await context.close();
});
