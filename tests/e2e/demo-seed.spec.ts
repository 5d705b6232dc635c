import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
import { db, expect, signInAs, test } from "./fixtures";
import { expectAxeClean } from "./a11y";

/**
 * The demo the e2e server seeds when it starts on an empty database (SEED_DEMO=auto), read as its
 * staff would on a desktop (issue 11, problem 14; decision 0036): the pelvic PT clinic has past visits,
 * payments and notices under the bell, and the couple's measure scores are from the weeks before today.
 */
async function signInDemo(page: Page, email: string) {
  const [user] = await db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email));
  expect(user, `${email} is seeded`).toBeDefined();
  await signInAs(page, user!.id);
}

async function axeClean(page: Page) {
  await expectAxeClean(page, "the page", { only: "serious" });
}

test("the pelvic PT clinic's demo has last week's completed visit, next week's booking and the payments for past visits", async ({ page }) => {
  const slug = DEMO_PRACTICE_SLUGS.pelvicPt;
  const zone = "America/Chicago";
  const today = DateTime.now().setZone(zone);
  await signInDemo(page, "pt@meadowbrook.demo.tandem.test");

  await page.goto(`/clinic/${slug}/schedule?view=day&date=${today.minus({ days: 7 }).toISODate()}`);
  await expect(page.getByRole("link").filter({ hasText: "Emily Carter" }).filter({ hasText: "Completed" })).toHaveCount(1);
  await axeClean(page);
  await page.goto(`/clinic/${slug}/schedule?view=day&date=${today.plus({ days: 7 }).toISODate()}`);
  await expect(page.getByRole("link").filter({ hasText: "Emily Carter" }).filter({ hasText: "Confirmed" })).toHaveCount(1);
  await expect(page.getByRole("link").filter({ hasText: "Aisha Rahman" })).toHaveCount(1);
  // The bell rings for what the demo's bookings and its declined card would have told the clinician.
  await expect(page.getByRole("link", { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await page.goto(`/clinic/${slug}/notifications`);
  await expect(page.getByRole("link", { name: /^Unread: A payment did not go through/ })).toContainText("Lauren Fitzgerald");
  await expect(page.getByRole("link", { name: /New booking/ }).filter({ hasText: "Emily Carter" }).first()).toBeVisible();
  await axeClean(page);

  await signInDemo(page, "owner@meadowbrook.demo.tandem.test");
  await page.goto(`/clinic/${slug}/billing`);
  const list = page.getByRole("list", { name: "Payments" });
  // An evaluation's balance, taken when the visit ended (the $50 deposit was paid at booking).
  await expect(list.getByRole("link", { name: "Mei Tanaka: $175" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Emily Carter: $165" }).first()).toBeVisible();
  expect(await list.getByRole("link", { name: "Emily Carter: $165" }).count()).toBeGreaterThanOrEqual(5);
  await axeClean(page);
});

test("the couple's demo measure scores are dated in the weeks before today", async ({ page }) => {
  const slug = DEMO_PRACTICE_SLUGS.couplesTherapy;
  await signInDemo(page, "therapist@harbor.demo.tandem.test");
  const [daniel] = await db.select({ id: schema.clients.id }).from(schema.clients).where(eq(schema.clients.email, "daniel.okafor@harbor.demo.tandem.test"));
  await page.goto(`/clinic/${slug}/clients/${daniel!.id}`);
  await page.getByText("Table of CSI-4 scores").click();
  const table = page.locator("figure").filter({ hasText: "CSI-4" }).getByRole("table");
  const dates = await table.locator("tbody tr td:nth-child(2)").allTextContents();
  expect(dates.length).toBeGreaterThanOrEqual(4);
  const now = Date.now();
  for (const text of dates) {
    const at = Date.parse(text);
    expect(Number.isNaN(at), text).toBe(false);
    // Within the twelve weeks before today (a day's slack each side for the zone).
    expect(at, text).toBeGreaterThan(now - 85 * 86_400_000);
    expect(at, text).toBeLessThan(now + 86_400_000);
  }
  await axeClean(page);
});
