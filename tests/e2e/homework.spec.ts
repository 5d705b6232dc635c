import { eq } from "drizzle-orm";
import { createClient, createPractice, db, expect, signInAs, test } from "./fixtures";
import * as schema from "@/db/schema";

test("an owner adapts a library program, and assigns a single exercise to one client after fixing bad input", async ({ page }) => {
  const practice = await createPractice("coaching");
  const client = await createClient(practice.id, "Sol");
  await signInAs(page, practice.owner.userId);
  const base = `/clinic/${practice.slug}/homework`;

  // A library program is read-only; its copy is the practice's to edit.
  await page.goto(`${base}/programs`);
  await page.getByRole("link", { name: "Recharge and reconnect" }).click();
  await expect(page.getByText("Shared library (read-only)")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await page.getByRole("button", { name: "Duplicate to adapt" }).click();
  await expect(page.getByRole("heading", { name: "Edit: Recharge and reconnect" })).toBeVisible();
  await page.getByLabel("Title").fill("Recharge and reconnect (short)");
  await page.getByLabel("Weeks", { exact: true }).fill("3");
  await page.getByRole("button", { name: "Save program" }).click();
  // Week 4 items no longer fit in three weeks: each is named next to its field.
  await expect(page.getByText("Week must be within the program's 3 weeks").first()).toBeVisible();
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Remove exercise 7" }).click();
  await page.getByRole("button", { name: "Save program" }).click();
  await expect(page.getByRole("heading", { name: "Recharge and reconnect (short)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Week 3" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Week 4" })).toHaveCount(0);
  await expect(page.getByText("Ours", { exact: true })).toBeVisible();

  // Assign one exercise to the client: missing times per week and weeks are named, then it works.
  await page.goto(`/clinic/${practice.slug}/clients/${client.id}`);
  await page.getByRole("link", { name: "Assign homework" }).click();
  await page.getByLabel("Exercise or program").selectOption({ label: "Your recharge menu" });
  await page.getByLabel("Times per week").fill("");
  await page.getByRole("button", { name: "Assign homework" }).click();
  await expect(page.getByText("Times per week is required")).toBeVisible();
  await expect(page.getByText("Give a number of weeks or a due date")).toBeVisible();
  await page.getByLabel("Times per week").fill("3");
  await page.getByLabel("Weeks").fill("2");
  await page.getByRole("button", { name: "Assign homework" }).click();
  await expect(page.getByRole("heading", { name: `Homework: Sol ${client.lastName}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Assignments" })).toContainText("Your recharge menu");
  await expect(page.getByRole("list", { name: "Assignments" })).toContainText("Individual");

  // The client sees it in "This week", with its steps.
  await signInAs(page, client.userId);
  await page.goto(`/portal/${client.id}`);
  await page.getByRole("list", { name: "Due this week" }).getByRole("link", { name: /Your recharge menu/ }).click();
  await expect(page.getByText("Make three lists")).toBeVisible();
  // No partner: there is nothing to share with.
  await expect(page.getByText(/Share this reflection/)).toHaveCount(0);

  // Reminder emails can be turned off (and on again) from the portal.
  await page.goto(`/portal/${client.id}`);
  await page.getByRole("button", { name: "Turn reminders off" }).click();
  await expect(page.getByText("Reminder emails are off.")).toBeVisible();
  const [pref] = await db.select().from(schema.homeworkPreferences).where(eq(schema.homeworkPreferences.clientId, client.id));
  expect(pref?.remindersEnabled).toBe(false);
});
