import { asc, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import { createBookableService, createClient, createPractice, db, emailsTo, expect, signInAs, test } from "./fixtures";

const ZONE = "America/New_York";

/** The first Tuesday (at least 3 days away) whose 9:00 and the next Tuesday's 9:00 are on either side of a clock change. */
function tuesdayBeforeDstChange(): DateTime {
  let day = DateTime.now().setZone(ZONE).plus({ days: 3 }).startOf("day");
  while (day.weekday !== 2) day = day.plus({ days: 1 });
  for (;;) {
    const nine = day.set({ hour: 9 });
    if (nine.offset !== nine.plus({ weeks: 1 }).offset) return nine;
    day = day.plus({ weeks: 1 });
  }
}

test("a therapist books a weekly series across a DST change on a phone, moves the rest, changes the day of the last, cancels one occurrence, ends the series, and the parsed feed holds it", async ({ page }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Weekly therapy" });
  const first = tuesdayBeforeDstChange();
  // The clock change may be months away: the service's horizon reaches the first session (staff book the rest beyond it).
  await db.update(schema.services).set({ horizonDays: Math.ceil(first.diffNow("days").days) + 14 }).where(eq(schema.services.id, service.id));
  const client = await createClient(practice.id, "Robin");
  await signInAs(page, practice.owner.userId);

  await page.goto(`/clinic/${practice.slug}/schedule/new?date=${first.toISODate()}`);
  await page.getByLabel("Service").selectOption({ label: "Weekly therapy · 50 min · Online video · Individual" });
  await page.getByLabel("Find a client").fill("Robin");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("list", { name: "Matching clients" }).getByRole("button", { name: /Robin/ }).click();
  await page.getByRole("list", { name: "Free times" }).getByRole("radio", { name: "9:00 AM" }).check();

  await page.getByLabel("Repeat").selectOption("weekly");
  await page.getByRole("spinbutton", { name: "Number of sessions" }).fill("3");
  await page.getByRole("button", { name: "Preview series" }).click();
  const sessions = page.getByRole("list", { name: "Sessions in the series" }).getByRole("listitem");
  await expect(sessions).toHaveCount(3);
  // 9:00 on every row, both sides of the clock change.
  for (let i = 0; i < 3; i++) {
    await expect(sessions.nth(i)).toContainText("9:00 AM");
    await expect(sessions.nth(i)).toContainText("Free");
  }
  await expectNoSidewaysScroll(page, "the series preview");
  await expectAxeClean(page, "the series preview", { only: "serious" });
  await page.getByRole("button", { name: "Book series (3 sessions)" }).click();
  await expect(page).toHaveURL(/\/schedule\?/);
  // The schedule marks each occurrence as part of a series.
  await expect(page.getByRole("link").filter({ hasText: "Weekly therapy · Series" }).first()).toBeVisible();

  const rows = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id)).orderBy(asc(schema.appointments.startsAt));
  expect(rows.map((r) => DateTime.fromJSDate(r.startsAt).setZone(ZONE).toFormat("ccc HH:mm"))).toEqual(["Tue 09:00", "Tue 09:00", "Tue 09:00"]);
  // Same wall time, a different UTC hour after the change.
  expect(new Set(rows.map((r) => r.startsAt.getUTCHours())).size).toBe(2);
  expect(rows.every((r) => r.seriesId && r.status === "confirmed")).toBe(true);
  expect((await emailsTo(client.email)).filter((m) => m.template === "booking-confirmation")).toHaveLength(3);

  // The second occurrence: its place in the series, and cancelled on its own through the usual path.
  await page.goto(`/clinic/${practice.slug}/schedule/${rows[1]!.id}`);
  await expect(page.getByText("Part of a weekly series (2 of 3)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel this and all later" })).toBeVisible();
  await expectNoSidewaysScroll(page, "an occurrence's page");
  // Move this and the later one to 10:00: the same dates, 10:00 local (the integration test crosses the clock change).
  await expect(page.getByLabel("New start time")).toHaveValue("09:00");
  await page.getByLabel("New start time").fill("10:00");
  await page.getByRole("button", { name: "Move this and all later" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Moved 2 sessions. The attendees were emailed." })).toBeVisible();
  await expectAxeClean(page, "an occurrence after moving its series", { only: "serious" });
  const moved = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id)).orderBy(asc(schema.appointments.startsAt));
  expect(moved.map((r) => DateTime.fromJSDate(r.startsAt).setZone(ZONE).toFormat("ccc HH:mm"))).toEqual(["Tue 09:00", "Tue 10:00", "Tue 10:00"]);
  await expect.poll(async () => (await emailsTo(client.email)).filter((m) => m.template === "booking-rescheduled").length).toBe(2);

  // The third moves to the Thursday of its week and the series splits there: the first two keep their Tuesday rule.
  await page.goto(`/clinic/${practice.slug}/schedule/${rows[2]!.id}`);
  await page.getByText("Change the day or how often").click();
  const third = DateTime.fromJSDate(rows[2]!.startsAt).setZone(ZONE);
  await expect(page.getByLabel("New date of this session")).toHaveValue(third.toISODate()!);
  await page.getByLabel("New date of this session").fill(third.plus({ days: 2 }).toISODate()!);
  await expect(page.getByText("Repeats on Thursdays.")).toBeVisible();
  await expectNoSidewaysScroll(page, "the change-series form");
  await page.getByRole("button", { name: "Change this session" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changed 1 session. The attendees were emailed." })).toBeVisible();
  await expect(page.getByText("Part of a weekly series (1 of 1)")).toBeVisible();
  await expectAxeClean(page, "an occurrence after changing its series", { only: "serious" });
  await expect.poll(async () => (await emailsTo(client.email)).filter((m) => m.template === "booking-rescheduled").length).toBe(3);

  await page.goto(`/clinic/${practice.slug}/schedule/${rows[1]!.id}`);
  await expect(page.getByText("Part of a weekly series (2 of 2)")).toBeVisible();
  await page.getByRole("button", { name: "Cancel appointment" }).click();
  await page.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(page.getByText("Session cancelled. The attendees were emailed.")).toBeVisible();

  const after = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id)).orderBy(asc(schema.appointments.startsAt));
  expect(after.map((r) => r.status)).toEqual(["confirmed", "cancelled", "confirmed"]);

  // The third: "Cancel this and all later" ends the series there; the first stays.
  await page.goto(`/clinic/${practice.slug}/schedule/${rows[2]!.id}`);
  await page.getByRole("button", { name: "Cancel this and all later" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("1 in all");
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel this session" }).click();
  await expect(page.getByText("Series ended: 1 session cancelled. The attendees were emailed.")).toBeVisible();
  await expect(page.getByText("Part of a weekly series (1 of 1), ended")).toBeVisible();
  const ended = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id)).orderBy(asc(schema.appointments.startsAt));
  expect(ended.map((r) => r.status)).toEqual(["confirmed", "cancelled", "cancelled"]);

  // The clinician's calendar feed, parsed, holds the series as it now stands: the moved times, the cancellations, no names.
  await page.goto(`/clinic/${practice.slug}/settings/calendar`);
  await page.getByRole("button", { name: "Make a calendar address" }).click();
  const address = await page.getByLabel("Calendar address").inputValue();
  const feed = await page.request.get(address);
  expect(feed.status()).toBe(200);
  const body = await feed.text();
  expect(body).not.toContain("Robin");
  const events = new ICAL.Component(ICAL.parse(body))
    .getAllSubcomponents("vevent")
    .map((v) => ({ at: new ICAL.Event(v).startDate.toJSDate(), status: v.getFirstPropertyValue("status") }))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map(({ at, status }) => ({ start: DateTime.fromJSDate(at).setZone(ZONE).toFormat("ccc HH:mm"), status }));
  expect(events).toEqual([
    { start: "Tue 09:00", status: "CONFIRMED" },
    { start: "Tue 10:00", status: "CANCELLED" },
    { start: "Thu 10:00", status: "CANCELLED" },
  ]);
});

test("inside the cancellation window, the owner ends a series on a phone and waives the late fee in the dialog: no fee, no late cancellation", async ({ page }) => {
  const practice = await createPractice();
  await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Weekly therapy" });
  await createClient(practice.id, "Sasha");
  await signInAs(page, practice.owner.userId);
  const day = DateTime.now().setZone(ZONE).plus({ days: 3 });
  await page.goto(`/clinic/${practice.slug}/schedule/new?date=${day.toISODate()}`);
  await page.getByLabel("Service").selectOption({ label: "Weekly therapy · 50 min · Online video · Individual" });
  await page.getByLabel("Find a client").fill("Sasha");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("list", { name: "Matching clients" }).getByRole("button", { name: /Sasha/ }).click();
  await page.getByRole("list", { name: "Free times" }).getByRole("radio", { name: "10:00 AM" }).check();
  await page.getByLabel("Repeat").selectOption("weekly");
  await page.getByRole("spinbutton", { name: "Number of sessions" }).fill("2");
  await page.getByRole("button", { name: "Preview series" }).click();
  await page.getByRole("button", { name: "Book series (2 sessions)" }).click();
  await expect(page).toHaveURL(/\/schedule\?/);
  const rows = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id)).orderBy(asc(schema.appointments.startsAt));
  expect(rows).toHaveLength(2);
  // The first occurrence is now three hours away: inside the service's 24-hour window.
  const soon = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 900_000) * 900_000);
  await db
    .update(schema.appointments)
    .set({ startsAt: soon, endsAt: new Date(soon.getTime() + 50 * 60_000), blockedFrom: soon, blockedTo: new Date(soon.getTime() + 60 * 60_000) })
    .where(eq(schema.appointments.id, rows[0]!.id));

  await page.goto(`/clinic/${practice.slug}/schedule/${rows[0]!.id}`);
  await page.getByRole("button", { name: "Cancel this and all later" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("This one starts within 24 hours, so it counts as a late cancellation");
  await dialog.getByLabel("Waive the late-cancellation fee").check();
  await expectAxeClean(page, "the end-series dialog with the fee waiver", { only: "serious" });
  await dialog.getByRole("button", { name: "Cancel these 2 sessions" }).click();
  await expect(page.getByText("Series ended: 2 sessions cancelled. The attendees were emailed.")).toBeVisible();
  const after = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id)).orderBy(asc(schema.appointments.startsAt));
  expect(after.map((r) => r.status)).toEqual(["cancelled", "cancelled"]);
  expect(await db.select().from(schema.fees).where(eq(schema.fees.practiceId, practice.id))).toEqual([]);
});
