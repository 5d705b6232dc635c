import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import { createBookableService, createPractice, db, expect, latestEmail, test } from "./fixtures";

// Issue 11, problem 8 (decision 0039): a partner in New York picked 11:30 PM in their own zone; the pay page and the
// emails then said 8:30 PM PST, and rescheduling showed clinic time only. Every one of them now reads New York time,
// with the clinic's noted beside it.

test.use({ timezoneId: "America/New_York" });

const NY = "America/New_York";
/** "11:30 PM EST (8:30 PM PST at the clinic)", or the daylight-time names in summer. */
const NY_1130 = /11:30 PM E[SD]T \(8:30 PM P[SD]T at the clinic\)/;
const DAY = /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+$/;

test("a New York client of a Los Angeles practice reads New York times on the pay page, in the confirmation and when rescheduling", async ({ page }) => {
  const practice = await createPractice();
  await db.update(schema.practices).set({ timeZone: "America/Los_Angeles" }).where(eq(schema.practices.id, practice.id));
  // Bookable around the clock in the clinic's zone, so 11:30 PM in New York (8:30 PM at the clinic) is always free.
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Evening session" });
  await db.insert(schema.serviceBilling).values({ practiceId: practice.id, serviceId: service.id, paymentMode: "full" });
  const email = `noor-${practice.slug}@e2e.tandem.test`;

  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Evening session/ }).click();
  await expect(page.getByText(/Your time: America\/New York \(E[SD]T\)/)).toBeVisible();
  // Tomorrow in New York, at 11:30 PM there.
  // The time step shows one day at a time: pick tomorrow (New York's) from the strip of days.
  const tomorrow = DateTime.now().setZone("America/New_York").plus({ days: 1 });
  await page.getByRole("list", { name: "Days" }).getByRole("button", { name: new RegExp(`^${tomorrow.toFormat("cccc, LLLL d")},`) }).click();
  await page.getByRole("region", { name: DAY }).getByRole("button", { name: "11:30 PM", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  await expect(page.getByText(NY_1130)).toBeVisible();
  await page.getByLabel("You: first name").fill("Noor");
  await page.getByLabel("You: last name").fill("Haddad");
  await page.getByLabel("You: email").fill(email);
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Continue to payment" }).click();

  // Stripe's page names what is paid for in her time, as does our page she returns to.
  await expect(page.getByRole("heading", { name: "Test payment" })).toBeVisible();
  await expect(page.getByRole("list", { name: "What you are paying for" })).toContainText(NY_1130);
  await page.getByRole("button", { name: "Pay $190.00" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(page.getByText(/paid to .* for Evening session, \w+day \d{1,2} \w+ \d{4}, 11:30 PM E[SD]T \(8:30 PM P[SD]T at the clinic\)\./)).toBeVisible();
  await expectAxeClean(page, "the return page");
  await expectNoSidewaysScroll(page, "the return page");

  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  expect(DateTime.fromJSDate(appointment!.startsAt).setZone(NY).toFormat("HH:mm")).toBe("23:30");
  const [attendee] = await db.select().from(schema.appointmentAttendees).where(eq(schema.appointmentAttendees.appointmentId, appointment!.id));
  expect(attendee!.timeZone).toBe(NY);

  // The confirmation in the outbox says her time, the clinic's beside it.
  await expect.poll(async () => (await latestEmail(email, "booking-confirmation"))?.text ?? null, { timeout: 20_000 }).toMatch(NY_1130);
  const link = (await latestEmail(email, "booking-confirmation"))!.text!.match(/https?:\/\/\S+\/manage\/[A-Za-z0-9._~-]+/)![0];

  // The manage page, and the reschedule list, read in New York time.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Your session" })).toBeVisible();
  await expect(page.getByText(NY_1130)).toBeVisible();
  await page.getByRole("button", { name: "Reschedule" }).click();
  await expect(page.getByRole("heading", { name: "Choose a new time" })).toBeVisible();
  await expect(page.getByText(/Times in your time zone, America\/New York \(E[SD]T\)\. Clinic time: America\/Los Angeles \(P[SD]T\)\./)).toBeVisible();
  await expectAxeClean(page, "the manage page's reschedule list");
  await expectNoSidewaysScroll(page, "the manage page's reschedule list");
  // "9:30 PM" on the list is 9:30 PM in New York: the dialog says so, with the clinic's 6:30 PM beside it.
  await page.getByRole("region", { name: DAY }).nth(2).getByRole("button", { name: "9:30 PM", exact: true }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("button", { name: /^Move to \w+day \d{1,2} \w+ \d{4}, 9:30 PM E[SD]T \(6:30 PM P[SD]T at the clinic\)$/ })).toBeVisible();
  await dialog.getByRole("button", { name: /^Move to / }).click();
  await expect(page.getByText(/^Moved to .*9:30 PM E[SD]T \(6:30 PM P[SD]T at the clinic\)\./)).toBeVisible();

  const [moved] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, appointment!.id));
  expect(DateTime.fromJSDate(moved!.startsAt).setZone(NY).toFormat("HH:mm")).toBe("21:30");
  await expect
    .poll(async () => (await latestEmail(email, "booking-rescheduled"))?.text ?? null, { timeout: 20_000 })
    .toMatch(/9:30 PM E[SD]T \(6:30 PM P[SD]T at the clinic\)/);
});
