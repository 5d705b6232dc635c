import * as schema from "@/db/schema";
import { createMember, createPractice, db, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

/** At 375 px: nothing scrolls sideways and axe finds no WCAG 2.1 A/AA violations. */
async function checkPage(page: import("@playwright/test").Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  await expectNoSidewaysScroll(page, path);
  await expectAxeClean(page, path);
}

test("services and availability pages on a phone", async ({ page }) => {
  const practice = await createPractice();
  const clinician = await createMember(practice.id, "clinician");
  const [location] = await db
    .insert(schema.locations)
    .values({ practiceId: practice.id, name: "Phone test office", addressLine1: "1 Main Street", city: "Springfield", timeZone: "America/New_York" })
    .returning();
  const [service] = await db
    .insert(schema.services)
    .values({ practiceId: practice.id, name: `Phone service ${practice.slug}`, durationMinutes: 50, priceCents: 19_000, format: "online", attendance: "couple" })
    .returning();
  await db.insert(schema.serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.memberId });
  await db.insert(schema.availabilityRules).values([
    { practiceId: practice.id, memberId: clinician.memberId, weekday: 2, startMinute: 540, endMinute: 1020, timeZone: "America/New_York", locationId: null },
    { practiceId: practice.id, memberId: clinician.memberId, weekday: 3, startMinute: 540, endMinute: 780, timeZone: "America/New_York", locationId: location!.id },
  ]);
  await db.insert(schema.availabilityOverrides).values({
    practiceId: practice.id,
    memberId: clinician.memberId,
    date: "2099-12-24",
    kind: "unavailable",
    timeZone: "America/New_York",
  });
  await db.insert(schema.closures).values({
    practiceId: practice.id,
    startsAt: new Date("2099-12-25T05:00:00Z"),
    endsAt: new Date("2099-12-26T05:00:00Z"),
    reason: "Holiday",
  });
  await signInAs(page, practice.owner.userId);
  const base = `/clinic/${practice.slug}/settings`;
  for (const path of [
    `${base}/services`,
    `${base}/services/new`,
    `${base}/services/${service!.id}/edit`,
    `${base}/availability`,
    `${base}/availability?member=${clinician.memberId}`,
  ]) {
    await checkPage(page, path);
  }

  // The keyboard alone adds a row of hours and reaches its fields.
  await page.goto(`${base}/availability?member=${clinician.memberId}`);
  await expect(page.getByRole("group", { name: /^Row \d+$/ })).toHaveCount(2);
  await page.getByRole("button", { name: "Add hours" }).focus();
  await page.keyboard.press("Enter");
  const third = page.getByRole("group", { name: "Row 3", exact: true });
  await expect(third.getByLabel("Day", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(third.getByLabel("Start", { exact: true })).toBeFocused();
});
