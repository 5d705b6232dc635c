import type { Browser, Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { createBookableService, createClient, createPractice, db, expect, signInAs, test, type TestPractice } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

test.use({ allowedConsoleErrors: [/status of 404/] });

async function practiceWithCouple() {
  const practice = await createPractice("couples_therapy");
  const templates = await seedIntakeForms(db, practice.id, "couples_therapy");
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");
  const [x, y] = [ana.id, ben.id].sort() as [string, string];
  await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });
  return { practice, templates, ana, ben };
}

/** Sends a form the way "send a form" does, without the email (tests of that UI are below). */
async function assign(practice: TestPractice, templates: Map<string, string>, clientId: string, slug: string) {
  const templateId = templates.get(slug)!;
  const [version] = await db.select().from(schema.formVersions).where(eq(schema.formVersions.templateId, templateId));
  const [row] = await db
    .insert(schema.formAssignments)
    .values({ practiceId: practice.id, clientId, templateId, versionId: version!.id, source: "manual" })
    .returning();
  return row!.id;
}

async function as(browser: Browser, userId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, baseURL: process.env.APP_URL });
  const page = await context.newPage();
  page.on("pageerror", (e) => {
    throw e;
  });
  await signInAs(page, userId);
  return page;
}

async function noAxeViolations(page: Page) {
  await expectAxeClean(page);
  await expectNoSidewaysScroll(page);
}

const next = (page: Page) => page.getByRole("button", { name: "Next", exact: true }).click();

async function completeCouplesIntake(page: Page, safety: "No" | "Sometimes", reason: string) {
  await page.getByLabel("How many years have you been together? (years)").fill("9");
  await page.getByLabel("Married or in a civil partnership").check();
  await page.getByRole("group", { name: "Do you have children?" }).getByLabel("Yes").check();
  await page.getByLabel("Their ages").fill("4 and 1");
  await next(page);
  await page.getByLabel("What made you reach out now?").fill(reason);
  await page.getByLabel("If our work together goes well, what will be different?").fill("We laugh again.");
  await page.getByRole("group", { name: /How connected/ }).getByText("5", { exact: true }).click();
  await next(page);
  await page.getByRole("group", { name: /seen a couples therapist/ }).getByLabel("No").check();
  await next(page);
  await expect(page.getByText("Step 4 of 4")).toBeVisible();
  await page.getByLabel(safety, { exact: true }).check();
  if (safety === "Sometimes") await expect(page.getByText(/National Domestic Violence Hotline/)).toBeVisible();
  else await expect(page.getByText(/National Domestic Violence Hotline/)).toHaveCount(0);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByText(/^Submitted /)).toBeVisible();
}

async function completeCsi4(page: Page, answers: [string, string, string, string]) {
  await page.getByLabel(answers[0], { exact: true }).first().check();
  await page.getByRole("group", { name: /warm and comfortable/ }).getByLabel(answers[1], { exact: true }).check();
  await page.getByRole("group", { name: /How rewarding/ }).getByLabel(answers[2], { exact: true }).check();
  await page.getByRole("group", { name: /how satisfied/ }).getByLabel(answers[3], { exact: true }).check();
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByText(/^Submitted /)).toBeVisible();
}

test("both partners complete their intake on a phone, neither can open the other's answers, and the therapist sees both with scores", async ({ page, browser }) => {
  // Two partners through five forms, then the therapist's view: long, not flaky; three times the default budget.
  test.slow();
  const { practice, templates, ana, ben } = await practiceWithCouple();
  const anaIntake = await assign(practice, templates, ana.id, "couples-intake");
  const benIntake = await assign(practice, templates, ben.id, "couples-intake");
  const anaCsi = await assign(practice, templates, ana.id, "csi-4");
  const benCsi = await assign(practice, templates, ben.id, "csi-4");
  const benPhq = await assign(practice, templates, ben.id, "phq-9");

  // Ana, on her phone.
  const anaPage = await as(browser, ana.userId);
  await anaPage.goto(`/portal/${ana.id}`);
  await anaPage.getByRole("link", { name: "Couples intake" }).click();
  await expect(anaPage.getByText("Step 1 of 4")).toBeVisible();
  await noAxeViolations(anaPage);
  // Missing required answers are named next to their fields.
  await next(anaPage);
  await expect(anaPage.getByText("This question needs an answer")).toHaveCount(3);
  await completeCouplesIntake(anaPage, "No", "Ana's private reason");
  await anaPage.goto(`/portal/${ana.id}/forms/${anaCsi}`);
  await completeCsi4(anaPage, ["A Little Unhappy", "Somewhat TRUE", "Somewhat", "Somewhat"]); // 2+2+2+2 = 8

  // Ben, on his.
  const benPage = await as(browser, ben.userId);
  await benPage.goto(`/portal/${ben.id}/forms/${benIntake}`);
  await completeCouplesIntake(benPage, "Sometimes", "Ben's private reason");
  await benPage.goto(`/portal/${ben.id}/forms/${benCsi}`);
  await completeCsi4(benPage, ["Very Happy", "Mostly TRUE", "Mostly", "Almost Completely"]); // 4+3+3+4 = 14
  await benPage.goto(`/portal/${ben.id}/forms/${benPhq}`);
  for (let item = 0; item < 9; item++) {
    await benPage
      .getByRole("group")
      .nth(item)
      .getByLabel(item === 8 ? "Several days" : "Not at all", { exact: true })
      .check();
  }
  await next(benPage);
  await benPage.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(benPage.getByText(/^Submitted /)).toBeVisible();

  // Neither partner reaches the other's form, by any URL.
  for (const path of [`/portal/${ana.id}/forms/${benIntake}`, `/portal/${ben.id}/forms/${benIntake}`, `/portal/${ben.id}`]) {
    const response = await anaPage.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(anaPage.getByText("Ben's private reason")).toHaveCount(0);
  }
  const [benResponse] = await db.select().from(schema.formResponses).where(eq(schema.formResponses.assignmentId, benIntake));
  expect((await anaPage.goto(`/clinic/${practice.slug}/responses/${benResponse!.id}`))?.status()).toBe(404);
  const download = await anaPage.request.get(`/clinic/${practice.slug}/responses/${benResponse!.id}/fhir?resource=QuestionnaireResponse`);
  expect(download.status()).toBe(404);
  expect(await download.text()).not.toContain("private reason");
  expect((await benPage.goto(`/portal/${ben.id}/forms/${anaIntake}`))?.status()).toBe(404);

  // The therapist sees both, with scores and both CSI-4 lines.
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/clients/${ana.id}`);
  const forms = page.getByRole("table").first();
  await expect(forms.getByRole("row", { name: /Couples intake/ })).toContainText("completed");
  await expect(forms.getByRole("row", { name: /Couples Satisfaction Index/ })).toContainText("8 (Notable dissatisfaction)");
  await page.getByText("Table of CSI-4 scores").click();
  const chartTable = page.locator("details table");
  await expect(chartTable).toContainText("Ana");
  await expect(chartTable).toContainText("Ben");
  await expect(page.getByRole("img", { name: /CSI-4: Ana 8; Ben 14/ })).toBeVisible();
  await noAxeViolations(page);

  await forms.getByRole("link", { name: "Couples intake" }).click();
  await expect(page.getByText("Ana's private reason")).toBeVisible();
  await noAxeViolations(page);
  const fhir = await page.request.get(`/clinic/${practice.slug}/responses/${page.url().split("/").pop()}/fhir?resource=QuestionnaireResponse`);
  expect(fhir.status()).toBe(200);
  expect(await fhir.json()).toMatchObject({ resourceType: "QuestionnaireResponse", status: "completed", subject: { reference: `Patient/${ana.id}` } });

  // Ben's PHQ-9 item 9 above zero is flagged on his record, not on Ana's.
  await expect(page.getByText("PHQ-9 item 9 answered above zero")).toHaveCount(0);
  await page.goto(`/clinic/${practice.slug}/clients/${ben.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "PHQ-9 item 9 answered above zero" })).toBeVisible();
  await expect(page.getByRole("table").first().getByRole("row", { name: /PHQ-9/ })).toContainText("1 (Minimal)");

  await page.goto(`/clinic/${practice.slug}/responses/${benResponse!.id}`);
  await expect(page.getByText("Ben's private reason")).toBeVisible();
  await expect(page.locator('[data-question="feels_safe"]')).toHaveText("Sometimes");
  const reads = await db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.practiceId, practice.id), eq(schema.auditEvents.action, "form_response.read")));
  expect(reads.length).toBeGreaterThanOrEqual(2);
});

test("a draft survives a reload and opens on another device", async ({ page, browser }) => {
  const { practice, templates, ana } = await practiceWithCouple();
  const id = await assign(practice, templates, ana.id, "couples-intake");
  await signInAs(page, ana.userId);
  await page.goto(`/portal/${ana.id}/forms/${id}`);
  await page.getByLabel("How many years have you been together? (years)").fill("3");
  await page.getByRole("group", { name: "Do you have children?" }).getByLabel("Yes").check();
  await page.getByLabel("Their ages").fill("six months");
  await expect(page.getByText("Draft saved")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Their ages")).toHaveValue("six months");
  await expect(page.getByLabel("How many years have you been together? (years)")).toHaveValue("3");

  const laptop = await as(browser, ana.userId);
  await laptop.goto(`/portal/${ana.id}/forms`);
  await expect(laptop.getByText("In progress")).toBeVisible();
  await noAxeViolations(laptop);
  await laptop.getByRole("link", { name: "Couples intake" }).click();
  await expect(laptop.getByLabel("Their ages")).toHaveValue("six months");
});

test("the builder publishes a new version while old responses keep theirs", async ({ page, browser }) => {
  const { practice, templates, ana } = await practiceWithCouple();
  const first = await assign(practice, templates, ana.id, "cancellation-policy");
  const anaPage = await as(browser, ana.userId);
  await anaPage.goto(`/portal/${ana.id}/forms/${first}`);
  await anaPage.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(anaPage.getByText("Type your full name and tick the box to sign")).toBeVisible();
  await anaPage.getByLabel("I agree").check();
  await anaPage.getByLabel("Type your full name to sign").fill("Ana Reyes");
  await anaPage.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(anaPage.getByText(/^Submitted /)).toBeVisible();
  await expect(anaPage.getByText("Signed: Ana Reyes")).toBeVisible();

  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/forms`);
  await page.getByRole("link", { name: "Cancellation policy" }).click();
  await noAxeViolations(page);
  await page.getByRole("button", { name: "Add a question to screen 1" }).click();
  await page.getByLabel("Question 3 text").fill("Best phone number for last-minute changes");
  await page.getByLabel("Question 3 required").check();
  await page.getByRole("button", { name: "Move question 3 up" }).click();
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByLabel("Best phone number for last-minute changes")).toBeVisible();
  await page.getByRole("button", { name: "Publish as version 2" }).click();
  await expect(page.getByText("Published version 2")).toBeVisible();
  await expect(page.getByText("Version 2 is current.")).toBeVisible();
  await expect(page.getByText(/^Version 2:/)).toBeVisible();
  const v1 = await page.request.get(`${page.url()}/fhir?version=1`);
  expect(v1.status()).toBe(200);
  const questionnaire = await v1.json();
  expect(questionnaire).toMatchObject({ resourceType: "Questionnaire", version: "1", status: "active" });
  expect(JSON.stringify(questionnaire)).not.toContain("last-minute");

  // Ana's earlier answer still reads against version 1.
  const [old] = await db.select().from(schema.formResponses).where(eq(schema.formResponses.assignmentId, first));
  await page.goto(`/clinic/${practice.slug}/responses/${old!.id}`);
  await expect(page.getByText(/version 1 · submitted/)).toBeVisible();
  await expect(page.getByText("Best phone number for last-minute changes")).toHaveCount(0);
  await expect(page.getByText(/Signed by Ana Reyes/)).toBeVisible();

  // The therapist sends the policy again by hand; Ana now answers version 2.
  await page.goto(`/clinic/${practice.slug}/clients/${ana.id}`);
  await page.getByLabel("Form or measure").selectOption({ label: "Cancellation policy" });
  await expect(page.getByLabel(/Email the client a link/)).toBeChecked();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Sent.")).toBeVisible();
  await anaPage.goto(`/portal/${ana.id}/forms`);
  await anaPage.getByRole("link", { name: "Cancellation policy" }).first().click();
  await expect(anaPage.getByLabel("Best phone number for last-minute changes")).toBeVisible();
  const [mail] = await db
    .select()
    .from(schema.emailMessages)
    .where(and(eq(schema.emailMessages.to, ana.email), eq(schema.emailMessages.template, "forms-to-complete")));
  expect(mail?.text).toContain(`/portal/${ana.id}/forms`);
  expect(mail?.text).not.toMatch(/cancellation/i);
});

test("an appointment shows whether each attendee's required forms are complete", async ({ page }) => {
  const { practice, templates, ana, ben } = await practiceWithCouple();
  const service = await createBookableService(practice.id, practice.owner.memberId, { name: "Couples session" });
  const required = [templates.get("couples-intake")!, templates.get("informed-consent")!];
  await db.insert(schema.serviceForms).values(required.map((templateId, position) => ({ practiceId: practice.id, serviceId: service.id, templateId, position })));
  const startsAt = new Date(Date.now() + 5 * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [appointment] = await db
    .insert(schema.appointments)
    .values({
      practiceId: practice.id,
      serviceId: service.id,
      memberId: practice.owner.memberId,
      format: "online",
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedTo: new Date(endsAt.getTime() + 10 * 60_000),
      status: "confirmed",
      priceCents: 0,
      currency: "USD",
    })
    .returning();
  await db.insert(schema.appointmentAttendees).values([ana, ben].map((c) => ({ practiceId: practice.id, appointmentId: appointment!.id, clientId: c.id })));
  // Ana has signed the consent; nobody has done the intake.
  const consent = await assign(practice, templates, ana.id, "informed-consent");
  const anaPage = await as(page.context().browser()!, ana.userId);
  await anaPage.goto(`/portal/${ana.id}/forms/${consent}`);
  await anaPage.getByLabel("I agree").check();
  await anaPage.getByLabel("Type your full name to sign").fill("Ana Reyes");
  await anaPage.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(anaPage.getByText(/^Submitted /)).toBeVisible();

  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/schedule/${appointment!.id}`);
  await expect(page.getByText("1 of 2 forms complete")).toBeVisible();
  await expect(page.getByText("0 of 2 forms complete")).toBeVisible();
});
