import type { Page } from "@playwright/test";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import { createBookableService, createClient, createPractice, db, expect, signInAs, test } from "./fixtures";

// Issue 11, problem 10 (decision 0041), on a phone: a booking flow that does not trip its user. The steps
// live in the address (Back, Forward and reload keep them), times come at the service's own interval, one
// day at a time from a strip of days, a one-clinician practice has no clinician step, the place shows at
// the time step, the hold counts down, and a signed-in client finds both partners' details filled in.

const timeStep = (page: Page) => page.getByRole("heading", { name: "Choose a time" });
const detailsStep = (page: Page) => page.getByRole("heading", { name: "Your details" });
const shownDay = (page: Page) => page.getByRole("region", { name: /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+$/ });
const days = (page: Page) => page.getByRole("list", { name: "Days" }).getByRole("button");

/** Minutes between consecutive start times shown for the day on screen. */
async function gapsOfShownDay(page: Page): Promise<number[]> {
  const labels = await shownDay(page).getByRole("listitem").getByRole("button").allTextContents();
  const minutes = labels.map((l) => {
    const t = DateTime.fromFormat(l.trim(), "h:mm a", { locale: "en-US" });
    return t.hour * 60 + t.minute;
  });
  return minutes.slice(1).map((m, i) => m - minutes[i]!);
}

test("Back and Forward move between steps, a reload keeps the step, and a 50-minute session offers times 50 minutes apart", async ({ page }) => {
  const practice = await createPractice();
  // One clinician, no interval set: times one session length (50 minutes) apart.
  await createBookableService(practice.id, practice.owner.memberId, { name: "Individual session", attendance: "individual", slotStepMinutes: null });

  await page.goto(`/book/${practice.slug}`);
  const steps = page.getByRole("list", { name: "Booking steps" });
  await expect(steps).toContainText("1. Service");
  await expect(steps).not.toContainText("Clinician");
  await page.getByRole("button", { name: /Individual session/ }).click();

  // One clinician: straight to the times, which say where the session is.
  await expect(timeStep(page)).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=time/);
  await expect(page.getByText("Where: Online (video)")).toBeVisible();
  await expect(steps).toContainText("2. Time");

  // One day at a time, from a strip of seven days named with their count of times.
  await expect(days(page)).toHaveCount(7);
  await expect(days(page).first()).toHaveAccessibleName(/^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \w+ \d{1,2}, (\d+ times|1 time|no times)$/);
  await expect(shownDay(page)).toHaveCount(1);
  expect((await gapsOfShownDay(page)).every((gap) => gap === 50)).toBe(true);
  // A whole day (0:00–24:00 free) has 28 fifty-minute starts, not 96 quarter hours.
  await days(page).nth(2).click();
  await expect(days(page).nth(2)).toHaveAttribute("aria-pressed", "true");
  await expect(days(page).nth(2)).toHaveAccessibleName(/, 28 times$/);
  await expect(shownDay(page).getByRole("listitem")).toHaveCount(28);
  expect(new Set(await gapsOfShownDay(page))).toEqual(new Set([50]));
  // The keyboard moves along the strip.
  await days(page).nth(2).focus();
  await page.keyboard.press("ArrowRight");
  await expect(days(page).nth(3)).toHaveAttribute("aria-pressed", "true");
  await expect(days(page).nth(3)).toBeFocused();
  await expectAxeClean(page, "the time step", { only: "serious" });
  await expectNoSidewaysScroll(page, "the time step");

  // The browser's Back returns to the services, Forward to the times.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Choose a service" })).toBeVisible();
  await page.goForward();
  await expect(timeStep(page)).toBeVisible();

  await shownDay(page).getByRole("listitem").getByRole("button").first().click();
  await expect(detailsStep(page)).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=details/);
  await expect(page.getByText(/^Held for (10:00|9:[0-5]\d)$/)).toBeVisible();
  await expect(page.getByText("Where: Online (video)")).toBeVisible();
  await expectAxeClean(page, "the details step", { only: "serious" });
  await expectNoSidewaysScroll(page, "the details step");

  // A reload keeps the step and the hold.
  await page.reload();
  await expect(detailsStep(page)).toBeVisible();
  await expect(page.getByText(/^Held for (10:00|9:[0-5]\d)$/)).toBeVisible();

  await page.goBack();
  await expect(timeStep(page)).toBeVisible();
  await page.goForward();
  await expect(detailsStep(page)).toBeVisible();
});

test("an in-person service names its office at the time step, and a hold that runs out says so and offers the times again", async ({ page }) => {
  const practice = await createPractice();
  const [office, annex] = await db
    .insert(schema.locations)
    .values([
      { practiceId: practice.id, name: "Harbour room", addressLine1: "12 Quay Street", city: "Portland", region: "ME", timeZone: "America/New_York" },
      { practiceId: practice.id, name: "Annex", addressLine1: "3 Mill Lane", city: "Portland", region: "ME", timeZone: "America/New_York" },
    ])
    .returning();
  const [service] = await db
    .insert(schema.services)
    .values({ practiceId: practice.id, name: "Pelvic health evaluation", durationMinutes: 60, format: "in_person", attendance: "individual", minNoticeMinutes: 60, horizonDays: 30 })
    .returning();
  await db.insert(schema.serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: practice.owner.memberId });
  await db.insert(schema.availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, memberId: practice.owner.memberId, weekday, startMinute: 540, endMinute: 720, timeZone: "America/New_York", locationId: office!.id })),
  );
  expect(annex).toBeTruthy();

  await page.clock.install();
  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Pelvic health evaluation/ }).click();
  await expect(timeStep(page)).toBeVisible();
  await expect(page.getByText("Where: Harbour room, 12 Quay Street, Portland, ME")).toBeVisible();
  // Hours 9:00–12:00 and no interval set: 9:00, 10:00, 11:00.
  await days(page).nth(3).click();
  await expect(shownDay(page).getByRole("listitem").getByRole("button")).toHaveText(["9:00 AM", "10:00 AM", "11:00 AM"]);

  await shownDay(page).getByRole("button", { name: "10:00 AM" }).click();
  await expect(detailsStep(page)).toBeVisible();
  await expect(page.getByText("Where: Harbour room, 12 Quay Street, Portland, ME")).toBeVisible();
  await expect(page.getByText(/^Held for (10:00|9:[0-5]\d)$/)).toBeVisible();

  await page.clock.fastForward("10:05");
  await expect(page.getByRole("alert").filter({ hasText: "The time we held for you ran out" })).toBeVisible();
  await expect(timeStep(page)).toBeVisible();
  await expect(page).toHaveURL(/[?&]step=time/);
  await expect(shownDay(page).getByRole("listitem").getByRole("button").first()).toBeVisible();
});

test("a signed-in client booking for two finds their own and their partner's details filled in", async ({ page }) => {
  const practice = await createPractice();
  await createBookableService(practice.id, practice.owner.memberId, { name: "Coaching call", attendance: "either", slotStepMinutes: null });
  const maya = await createClient(practice.id, "Maya");
  const leo = await createClient(practice.id, "Leo");
  const [a, b] = [maya.id, leo.id].sort();
  await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: a!, clientBId: b! });

  await signInAs(page, maya.userId);
  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Coaching call/ }).click();
  await shownDay(page).getByRole("listitem").getByRole("button").first().click();
  await expect(detailsStep(page)).toBeVisible();
  await expect(page.getByText(`${maya.email} · signed in`)).toBeVisible();
  await expect(page.getByLabel("I'm booking for my partner and me")).toBeChecked();
  await expect(page.getByLabel("Your partner: first name")).toHaveValue("Leo");
  await expect(page.getByLabel("Your partner: last name")).toHaveValue(leo.lastName);
  await expect(page.getByLabel("Your partner: email")).toHaveValue(leo.email);
  await expectAxeClean(page, "the signed-in details step", { only: "serious" });
});
