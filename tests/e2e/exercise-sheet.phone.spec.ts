import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { createClient, createPractice, db, emailsTo, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import * as schema from "@/db/schema";

async function noA11yProblems(page: import("@playwright/test").Page, what: string) {
  await expectNoSidewaysScroll(page, what);
  await expectAxeClean(page, what);
}

test("a pelvic PT assigns a dosed exercise and sends the home-exercise sheet; the client sees the dosage, downloads the sheet and logs repetitions; the clinician sees them", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const practice = await createPractice("pelvic_pt");
  const dana = await createClient(practice.id, "Dana");
  const dosage = "3 sets × 10 reps, hold 5 s, twice a day";

  // The physical therapist, on a phone: assigns the lift-and-hold with their own dosage.
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/homework/assign?client=${dana.id}`);
  await page.getByLabel("Exercise or program").selectOption({ label: "Pelvic-floor lift and hold" });
  // The exercise's defaults fill the dosage; the clinician sets their own.
  await expect(page.getByLabel("Sets")).toHaveValue("3");
  await page.getByLabel("Times per week").fill("7");
  await page.getByLabel("Weeks").fill("2");
  await page.getByLabel("Hold time (seconds)").fill("301");
  await page.getByRole("button", { name: "Assign homework" }).click();
  await expect(page.getByText("Hold time: between 0 and 300 seconds")).toBeVisible();
  await page.getByLabel("Sets").fill("3");
  await page.getByLabel("Repetitions").fill("10");
  await page.getByLabel("Hold time (seconds)").fill("5");
  await page.getByLabel("Rest (seconds)").fill("");
  await page.getByLabel("Times a day").fill("2");
  await page.getByLabel("Personal note").fill("Start on your side; keep your jaw soft.");
  await noA11yProblems(page, "assign form with dosage");
  await page.getByRole("button", { name: "Assign homework" }).click();
  await expect(page.getByRole("heading", { name: `Homework: Dana ${dana.lastName}` })).toBeVisible();
  await expect(page.getByRole("list", { name: "Assignments" })).toContainText(`Dosage: ${dosage}`);

  // Print: the sheet opens inline as a PDF; then send it to the client.
  const printHref = await page.getByRole("link", { name: "Print home-exercise sheet" }).getAttribute("href");
  const printed = await page.request.get(printHref!);
  expect(printed.headers()["content-type"]).toBe("application/pdf");
  expect(printed.headers()["content-disposition"]).toContain("inline");
  await page.getByRole("button", { name: "Send to client" }).click();
  await expect(page.getByRole("status")).toContainText(`Sent to Dana ${dana.lastName}'s portal`);
  await noA11yProblems(page, "clinician homework view with the sheet");
  const sheetMail = (await emailsTo(dana.email)).find((m) => m.template === "exercise-sheet");
  expect(sheetMail?.subject).toBe(`${practice.name} sent you a home-exercise sheet`);
  expect(sheetMail?.text).not.toMatch(/lift|sets|reps|hold/i);

  // Dana, on her phone: the dosage on her homework, the sheet to download, and a check-in with 10 repetitions.
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, timezoneId: "America/New_York", acceptDownloads: true });
  const portal = await context.newPage();
  await signInAs(portal, dana.userId);
  await portal.goto(`/portal/${dana.id}/homework`);
  await expect(portal.getByRole("list", { name: "Homework" })).toContainText(dosage);
  await noA11yProblems(portal, "portal homework page");
  const [download] = await Promise.all([portal.waitForEvent("download"), portal.getByRole("link", { name: "Download the sheet (PDF)" }).click()]);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  await portal.getByRole("link", { name: "Pelvic-floor lift and hold" }).click();
  await expect(portal.getByTestId("dosage")).toHaveText(`Dosage: ${dosage}`);
  await expect(portal.getByText("Start on your side; keep your jaw soft.")).toBeVisible();
  const form = portal.getByRole("form", { name: "Check in: Pelvic-floor lift and hold" });
  await form.getByLabel("Repetitions done").fill("10");
  await form.getByRole("button", { name: "Check in" }).click();
  await expect(form.getByRole("status")).toHaveText(/Saved/);
  await noA11yProblems(portal, "exercise page with repetitions");
  await expect(portal.getByRole("list", { name: "Your check-ins" })).toContainText("10 reps");

  // Another client cannot fetch Dana's sheet.
  const [sheet] = await db.select().from(schema.homeworkSheets).where(and(eq(schema.homeworkSheets.practiceId, practice.id), eq(schema.homeworkSheets.clientId, dana.id)));
  const sam = await createClient(practice.id, "Sam");
  const samContext = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const samPage = await samContext.newPage();
  await signInAs(samPage, sam.userId);
  expect((await samPage.request.get(`/portal/${sam.id}/homework/sheets/${sheet!.id}`)).status()).toBe(404);
  expect((await samPage.request.get(`/portal/${dana.id}/homework/sheets/${sheet!.id}`)).status()).toBe(404);
  await samContext.close();

  // The clinician sees the repetitions logged.
  await page.goto(`/clinic/${practice.slug}/homework/clients/${dana.id}`);
  await expect(page.getByRole("list", { name: "Logged at check-in for Pelvic-floor lift and hold" })).toContainText(`Dana ${dana.lastName}: 10 reps`);
  const prints = await db.select().from(schema.auditEvents).where(and(eq(schema.auditEvents.practiceId, practice.id), eq(schema.auditEvents.action, "homework_sheet.print")));
  expect(prints.length).toBe(1);
  await context.close();
});
