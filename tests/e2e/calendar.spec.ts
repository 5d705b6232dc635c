import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Locator, Page } from "@playwright/test";
import * as schema from "@/db/schema";
import { expectAxeClean } from "./a11y";
import { twoClinicianPractice, ZONE } from "./calendar-setup";
import { db, expect, signInAs, test } from "./fixtures";

// Issue 11, problem 12: the schedule is a real calendar (a time grid, a month, empty times to book, a staff override).

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not visible");
  return box.y;
}

async function chooseClient(page: Page, firstName: string) {
  await page.getByLabel("Find a client").fill(firstName);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("list", { name: "Matching clients" }).getByRole("button", { name: new RegExp(firstName) }).click();
}

test("the day has a column per clinician on a time grid, the week a column per day, and the month leads back to a day", async ({ page }) => {
  const { practice, other, ownerName, client, day, date } = await twoClinicianPractice();
  const dayName = day.toFormat("cccc d LLLL");
  await signInAs(page, practice.owner.userId);

  await page.goto(`/clinic/${practice.slug}/schedule?view=day&date=${date}`);
  const mine = page.getByRole("region", { name: ownerName });
  const theirs = page.getByRole("region", { name: other.displayName });
  const session = mine.getByRole("link", { name: new RegExp(`Confirmed.*Rowan ${client.lastName}`) });
  await expect(session).toContainText("10:00 AM – 10:50 AM");
  // The session takes the owner's 10:00 row (no "Book 10:00" there); the other clinician's 10:00 is free and on the same line.
  await expect(mine.getByRole("link", { name: `Book 10:00 AM ${dayName} with ${ownerName}` })).toHaveCount(0);
  const free = theirs.getByRole("link", { name: `Book 10:00 AM ${dayName} with ${other.displayName}` });
  await expect(free).toBeVisible();
  expect(Math.abs((await top(session)) - (await top(free)))).toBeLessThan(4);
  // Rows run over the working hours: 9:00 to the last half hour before 17:00.
  await expect(theirs.getByRole("link", { name: /^Book 9:00 AM/ })).toBeVisible();
  await expect(theirs.getByRole("link", { name: /^Book 4:30 PM/ })).toBeVisible();
  await expect(theirs.getByRole("link", { name: /^Book 5:00 PM/ })).toHaveCount(0);
  await expectAxeClean(page, "the day grid", { only: "serious" });

  await page.getByRole("navigation", { name: "Schedule view" }).getByRole("link", { name: "Week" }).click();
  await expect(page).toHaveURL(/view=week/);
  const columns = page.getByRole("region", { name: /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d+ / });
  await expect(columns).toHaveCount(7);
  const thatDay = page.getByRole("region", { name: new RegExp(`^${dayName}`) });
  const block = thatDay.getByRole("link", { name: new RegExp(`Rowan ${client.lastName}`) });
  await expect(block).toContainText("Confirmed");
  // The same 10:00 row on a neighbouring day of the same week (both in the future) is on the block's line.
  const neighbour = day.weekday === 1 ? day.plus({ days: 1 }) : day.minus({ days: 1 });
  const neighbourFree = page.getByRole("link", { name: `Book 10:00 AM ${neighbour.toFormat("cccc d LLLL")}` });
  expect(Math.abs((await top(block)) - (await top(neighbourFree)))).toBeLessThan(4);
  await expectAxeClean(page, "the week grid", { only: "serious" });

  await page.getByRole("navigation", { name: "Schedule view" }).getByRole("link", { name: "Month" }).click();
  await expect(page.getByRole("heading", { level: 2, name: day.toFormat("LLLL yyyy") })).toBeVisible();
  const table = page.getByRole("table", { name: new RegExp(day.toFormat("LLLL yyyy")) });
  await expect(table.getByRole("cell").filter({ hasText: `10:00 AM Rowan ${client.lastName}` })).toHaveCount(1);
  await expectAxeClean(page, "the month", { only: "serious" });
  await page.getByRole("link", { name: "Next month" }).click();
  const next = day.startOf("month").plus({ months: 1 });
  await expect(page.getByRole("heading", { level: 2, name: next.toFormat("LLLL yyyy") })).toBeVisible();
  await page.getByRole("link", { name: "Previous month" }).click();
  await page.getByRole("link", { name: new RegExp(`^${dayName}\\W*1 session`) }).click();
  await expect(page).toHaveURL(new RegExp(`view=day&date=${date}`));
  await expect(page.getByRole("heading", { level: 2, name: day.toFormat("cccc d LLLL yyyy") })).toBeVisible();
});

test("clicking an empty time opens the booking form with the clinician, date and time filled in, and books it", async ({ page }) => {
  const { practice, other, service, client, day, date } = await twoClinicianPractice();
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/schedule?view=day&date=${date}`);
  await page
    .getByRole("region", { name: other.displayName })
    .getByRole("link", { name: `Book 2:00 PM ${day.toFormat("cccc d LLLL")} with ${other.displayName}` })
    .click();

  await expect(page.getByRole("heading", { level: 1, name: "New appointment" })).toBeVisible();
  await expect(page.getByLabel("Service")).toHaveValue(service.id);
  await expect(page.getByLabel("Clinician")).toHaveValue(other.memberId);
  await expect(page.getByLabel("Date")).toHaveValue(date);
  await expect(page.getByRole("radio", { name: "2:00 PM", exact: true })).toBeChecked();
  await chooseClient(page, "Rowan");
  await page.getByRole("button", { name: "Book appointment" }).click();

  await expect(page.getByRole("status")).toContainText(`Booked Evaluation for Rowan ${client.lastName} on ${day.toFormat("cccc d LLLL yyyy")}, 2:00 PM`);
  const rows = await db
    .select()
    .from(schema.appointments)
    .where(and(eq(schema.appointments.practiceId, practice.id), eq(schema.appointments.memberId, other.memberId)));
  expect(rows.map((r) => r.startsAt.toISOString())).toEqual([day.set({ hour: 14 }).toJSDate().toISOString()]);
});

test("staff book a walk-in at 8 PM outside the clinician's hours with a reason; an overlapping one is refused", async ({ page }) => {
  const { practice, ownerName, client, day, date } = await twoClinicianPractice();
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/schedule/new?date=${date}&clinician=${practice.owner.memberId}`);
  await expect(page.getByLabel("Clinician")).toHaveValue(practice.owner.memberId);
  await chooseClient(page, "Rowan");
  // The rules offer nothing after 4:00 PM (a 50-minute session and its buffer end by 5).
  await expect(page.getByRole("radio", { name: "4:00 PM", exact: true })).toBeVisible();
  await expect(page.getByRole("radio", { name: "8:00 PM", exact: true })).toHaveCount(0);

  await page.getByLabel("Book outside availability").check();
  await page.getByLabel(/^Time/).fill("20:00");
  await page.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByText("Say why this is booked outside availability")).toBeVisible();
  await expect(page.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Reason").fill("Walk-in after the evening group");
  await page.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByRole("status")).toContainText(`Booked Evaluation for Rowan ${client.lastName} on ${day.toFormat("cccc d LLLL yyyy")}, 8:00 PM`);
  // The grid widens to the evening to show it.
  const block = page.getByRole("region", { name: new RegExp(`^${day.toFormat("cccc d LLLL")}`) }).getByRole("link", { name: /8:00 PM – 8:50 PM/ });
  await expect(block).toContainText(`Rowan ${client.lastName}`);
  await expect(block).toContainText(ownerName);
  const [walkIn] = await db.select().from(schema.appointments).where(and(eq(schema.appointments.practiceId, practice.id), eq(schema.appointments.startsAt, day.set({ hour: 20 }).toJSDate())));
  expect(walkIn?.overrideReason).toBe("Walk-in after the evening group");

  // 8:30 PM overlaps it: the database refuses, the form says why, nothing more is written.
  await page.goto(`/clinic/${practice.slug}/schedule/new?date=${date}&clinician=${practice.owner.memberId}`);
  await chooseClient(page, "Rowan");
  await page.getByLabel("Book outside availability").check();
  await page.getByLabel(/^Time/).fill("20:30");
  await page.getByLabel("Reason").fill("Second walk-in");
  await page.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByText("That time overlaps another session with this clinician (buffers included). Choose another time.")).toBeVisible();
  await expect(page.getByLabel(/^Time/)).toHaveAttribute("aria-invalid", "true");
  const all = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  expect(all).toHaveLength(2);
  expect(DateTime.fromJSDate(all.find((a) => a.overrideReason)!.startsAt, { zone: ZONE }).toFormat("HH:mm")).toBe("20:00");
});
