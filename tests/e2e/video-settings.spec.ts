import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createMember, createPractice, db, expect, signInAs, test } from "./fixtures";
import { expectAxeClean } from "./a11y";

async function checkA11y(page: Page, what: string) {
  await expect(page.locator("main")).toBeVisible();
  await expectAxeClean(page, what);
}

test("the owner sets a room per session: http and a pattern without {appointment} are refused by field, a good one is saved", async ({ page }) => {
  const practice = await createPractice();
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/settings`);
  await page.getByRole("link", { name: "Open video settings" }).click();
  await expect(page.getByRole("heading", { name: "Video sessions" })).toBeVisible();
  // A client navigation swaps the <title> after the body: axe must read this page's title, not the gap between the two.
  await expect(page).toHaveTitle(/Video sessions/);
  await checkA11y(page, "video settings");

  const pattern = page.getByLabel("Video room address per session");
  await pattern.fill("http://meet.example.test/{appointment}");
  await page.getByRole("button", { name: "Save room address" }).click();
  await expect(page.getByText("The address must start with https://")).toBeVisible();
  await expect(pattern).toHaveAttribute("aria-invalid", "true");
  await pattern.fill("https://meet.example.test/room");
  await page.getByRole("button", { name: "Save room address" }).click();
  await expect(page.getByText("Put {appointment} where each session's own code goes")).toBeVisible();
  await checkA11y(page, "video settings with an error");

  await pattern.fill("https://meet.example.test/tandem/{appointment}");
  await page.getByRole("button", { name: "Save room address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const [row] = await db.select({ pattern: schema.practices.videoUrlPattern }).from(schema.practices).where(eq(schema.practices.id, practice.id));
  expect(row!.pattern).toBe("https://meet.example.test/tandem/{appointment}");

  // The owner takes sessions too: their own room.
  await page.getByLabel("Your video room address").fill("https://video.example.test/owner-room");
  await page.getByRole("button", { name: "Save your room" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." }).nth(1)).toBeVisible();
  await page.reload();
  await expect(pattern).toHaveValue("https://meet.example.test/tandem/{appointment}");
  await expect(page.getByLabel("Your video room address")).toHaveValue("https://video.example.test/owner-room");
});

test("a clinician sets their own room and sees the practice's pattern without a form to change it", async ({ page }) => {
  const practice = await createPractice();
  await db.update(schema.practices).set({ videoUrlPattern: "https://meet.example.test/{appointment}" }).where(eq(schema.practices.id, practice.id));
  const clinician = await createMember(practice.id, "clinician");
  await signInAs(page, clinician.userId);
  await page.goto(`/clinic/${practice.slug}/settings/video`);
  await expect(page.getByText("Set: https://meet.example.test/{appointment} Owners and admins can change it.")).toBeVisible();
  await expect(page.getByLabel("Video room address per session")).toHaveCount(0);
  await page.getByLabel("Your video room address").fill("https://video.example.test/clinician");
  await page.getByRole("button", { name: "Save your room" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const [m] = await db.select({ videoUrl: schema.members.videoUrl }).from(schema.members).where(eq(schema.members.id, clinician.memberId));
  expect(m!.videoUrl).toBe("https://video.example.test/clinician");
  await checkA11y(page, "video settings as a clinician");
});
