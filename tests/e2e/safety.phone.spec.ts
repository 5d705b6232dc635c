import type { Browser, Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { createClient, createMember, createPractice, db, expect, latestEmail, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

/**
 * Issue 11, problem 1: a client answers "Sometimes" to the partner-safety
 * question on a phone; the clinician is emailed (no content), the flag leads
 * the client's record and the response, and it stays until a clinician
 * acknowledges it with a note. The partner sees nothing of it.
 */

async function noAxeViolations(page: Page) {
  await expectAxeClean(page, "the page", { only: "serious" });
  await expectNoSidewaysScroll(page);
}

async function desktop(browser: Browser, userId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: process.env.APP_URL });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await signInAs(page, userId);
  return page;
}

const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();

test("a 'Sometimes' on the safety question reaches the clinician, leads the record, and stays until acknowledged", async ({ page, browser }) => {
  test.slow();
  const practice = await createPractice("couples_therapy");
  const templates = await seedIntakeForms(db, practice.id, "couples_therapy");
  const clinician = await createMember(practice.id, "clinician");
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");
  const [x, y] = [ana.id, ben.id].sort() as [string, string];
  await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });
  const templateId = templates.get("couples-intake")!;
  const [version] = await db.select().from(schema.formVersions).where(eq(schema.formVersions.templateId, templateId));
  // The clinician sent both partners the intake: they are the couple's clinician.
  const assigned = await db
    .insert(schema.formAssignments)
    .values([ana.id, ben.id].map((clientId) => ({ practiceId: practice.id, clientId, templateId, versionId: version!.id, source: "manual" as const, assignedByUserId: clinician.userId })))
    .returning();
  const benIntake = assigned.find((a) => a.clientId === ben.id)!.id;

  // Ben, on his phone (this project's 375 px page).
  await signInAs(page, ben.userId);
  await page.goto(`/portal/${ben.id}/forms/${benIntake}`);
  await page.getByLabel("How many years have you been together? (years)").fill("9");
  await page.getByLabel("Married or in a civil partnership").check();
  await page.getByRole("group", { name: "Do you have children?" }).getByLabel("No").check();
  await next(page);
  await page.getByLabel("What made you reach out now?").fill("Ben's private reason");
  await page.getByLabel("If our work together goes well, what will be different?").fill("Calm evenings.");
  await page.getByRole("group", { name: /How connected/ }).getByText("5", { exact: true }).click();
  await next(page);
  await page.getByRole("group", { name: /seen a couples therapist/ }).getByLabel("No").check();
  await next(page);
  await page.getByLabel("Sometimes", { exact: true }).check();
  // What the portal promises is what happens next.
  await expect(page.getByText(/Your clinician is told as soon as you submit this form/)).toBeVisible();
  await noAxeViolations(page);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByText(/^Submitted /)).toBeVisible();
  await expect(page.getByText(/Your clinician is told as soon as you submit this form/)).toBeVisible();
  await noAxeViolations(page);

  // The flag was raised with the response, and the clinician's email says only that a response needs attention.
  const [flag] = await db.select().from(schema.safetyFlags).where(eq(schema.safetyFlags.clientId, ben.id));
  expect(flag).toMatchObject({ questionKey: "feels_safe", acknowledgedAt: null });
  await expect.poll(async () => (await latestEmail(clinician.email, "safety-flag"))?.subject ?? null, { timeout: 75_000 }).toBe("A form response needs your attention");
  const email = await latestEmail(clinician.email, "safety-flag");
  for (const secret of ["Ben", ben.lastName, "afraid", "Sometimes", "Couples intake"]) expect(`${email!.html}${email!.text}`).not.toContain(secret);
  expect(email!.text).toContain(`/clinic/${practice.slug}/clients/${ben.id}`);

  // Ana, on her phone, finds nothing of Ben's flag in her portal.
  const anaContext = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, baseURL: process.env.APP_URL });
  const anaPage = await anaContext.newPage();
  await signInAs(anaPage, ana.userId);
  for (const path of [`/portal/${ana.id}`, `/portal/${ana.id}/forms`]) {
    await anaPage.goto(path);
    await expect(anaPage.getByText(/attention|safety flag|Sometimes/i)).toHaveCount(0);
  }
  await anaContext.close();

  // The clinician, at a desk: the flag leads the clinic home, then Ben's record.
  const staff = await desktop(browser, clinician.userId);
  await staff.goto(`/clinic/${practice.slug}`);
  const homeFlags = staff.getByRole("region", { name: "A safety answer needs your attention" });
  await expect(homeFlags).toContainText(`Ben ${ben.lastName}`);
  await expect(homeFlags).not.toContainText("Sometimes");
  const [homeFlagTop, todayTop] = await Promise.all([homeFlags.boundingBox(), staff.locator("#home-today").boundingBox()]);
  expect(homeFlagTop!.y).toBeLessThan(todayTop!.y);
  await noAxeViolations(staff);
  await staff.goto(`/clinic/${practice.slug}/homework/clients/${ben.id}`);
  await expect(staff.getByText("Nothing to flag.")).toHaveCount(0);
  await expect(staff.getByRole("list", { name: "Flags" })).toContainText("A safety answer on a form needs a clinician");

  await staff.goto(`/clinic/${practice.slug}/clients/${ben.id}`);
  const open = staff.getByTestId("safety-flag-open");
  await expect(open).toContainText("Safety answer: needs a clinician");
  // First on the page: before the details card.
  const [flagTop, detailsTop] = await Promise.all([open.boundingBox(), staff.getByRole("heading", { name: "Details" }).boundingBox()]);
  expect(flagTop!.y).toBeLessThan(detailsTop!.y);
  await noAxeViolations(staff);

  // The response: the answer lifted to the top and marked where it stands.
  await open.getByRole("link", { name: "Open the response" }).click();
  await expect(staff.getByTestId("safety-flag-open")).toContainText("Do you ever feel afraid of your partner, or unsafe at home?");
  await expect(staff.getByTestId("safety-flag-open")).toContainText("Sometimes");
  await expect(staff.locator("[data-safety-flag]")).toContainText("Sometimes");
  await noAxeViolations(staff);

  // Acknowledging needs a note of what was done.
  await staff.getByRole("button", { name: "Acknowledge flag" }).click();
  await expect(staff.getByText(/Say what you did/)).toBeVisible();
  await staff.getByLabel("What did you do?").fill("Called Ben privately; safety plan made; individual session booked.");
  await staff.getByRole("button", { name: "Acknowledge flag" }).click();
  await expect(staff.getByTestId("safety-flag-open")).toHaveCount(0);
  await staff.getByText(/Acknowledged safety flags \(1\)/).click();
  await expect(staff.getByTestId("safety-flag-acknowledged")).toContainText("Called Ben privately");
  await noAxeViolations(staff);

  const audit = await db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.practiceId, practice.id), eq(schema.auditEvents.action, "safety_flag.acknowledge")));
  expect(audit).toHaveLength(1);
  await staff.goto(`/clinic/${practice.slug}/clients/${ben.id}`);
  await expect(staff.getByTestId("safety-flag-open")).toHaveCount(0);
  await staff.goto(`/clinic/${practice.slug}/clients/${ana.id}`);
  await expect(staff.getByTestId("safety-flags")).toHaveCount(0);
  await staff.goto(`/clinic/${practice.slug}`);
  await expect(staff.getByRole("region", { name: /safety answer/ })).toHaveCount(0);
});
