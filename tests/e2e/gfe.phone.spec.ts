import type { Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import { createBookableService, createClient, createPractice, db, expect, latestEmail, signInAs, test } from "./fixtures";

// Issue 13, Good Faith Estimates (decision 0053), on a phone: a US practice's booking page shows the notice of
// the right to an estimate and asks whether insurance will be used; a self-pay client books, is emailed only that
// an estimate is ready, and reads and downloads it in the portal.

const shownDay = (page: Page) => page.getByRole("region", { name: /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+$/ });

test("a self-pay client books and finds their Good Faith Estimate in the portal", async ({ page }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { name: "Individual therapy", attendance: "individual" });
  await db.insert(schema.serviceCptLines).values({ practiceId: practice.id, serviceId: service.id, position: 0, code: "90837" });
  await db.insert(schema.practiceBilling).values({ practiceId: practice.id, taxId: "12-3456789", npi: "1234567893" });
  const client = await createClient(practice.id, "Mara");

  await signInAs(page, client.userId);
  await page.goto(`/book/${practice.slug}`);
  await expect(page.getByRole("heading", { name: "Your right to a Good Faith Estimate" })).toBeVisible();
  await page.getByRole("button", { name: /Individual therapy/ }).click();
  await shownDay(page).getByRole("listitem").getByRole("button").first().click();
  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  const question = page.getByRole("group", { name: "Will you use insurance for these sessions?" });
  await expect(question).toBeVisible();
  await question.getByLabel("No, I will pay for my sessions myself").check();
  await expectAxeClean(page, "the details step with the insurance question", { only: "serious" });
  await expectNoSidewaysScroll(page, "the details step with the insurance question");
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();

  // Issued and delivered by the booking's outbox effect: one row, and an email that says only that it is ready.
  await expect
    .poll(async () => (await db.select().from(schema.goodFaithEstimates).where(and(eq(schema.goodFaithEstimates.practiceId, practice.id), eq(schema.goodFaithEstimates.clientId, client.id)))).length)
    .toBe(1);
  const mail = await latestEmail(client.email, "gfe-ready");
  expect(mail?.subject).toBe(`Your estimate from ${practice.name} is ready`);
  expect(`${mail?.html}${mail?.text}`).not.toContain("90837");

  await page.goto(`/portal/${client.id}`);
  await page.getByRole("link", { name: "Your estimates, or ask for one" }).click();
  await expect(page.getByRole("heading", { name: "Good Faith Estimates", level: 1 })).toBeVisible();
  const estimates = page.getByRole("list", { name: "Your estimates" });
  await expect(estimates.getByRole("listitem")).toHaveCount(1);
  await expect(estimates).toContainText("Individual therapy");
  await expect(estimates).toContainText("$2,280");
  await expectAxeClean(page, "the portal's estimates", { only: "serious" });
  await expectNoSidewaysScroll(page, "the portal's estimates");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the estimate (PDF)" }).click();
  expect((await download).suggestedFilename()).toBe("good-faith-estimate-v1.pdf");
});
