import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { scoreMeasure } from "@/lib/intake/measures/score-measure";
import { installStarterForms } from "@/lib/intake/starter-forms";
import { expectAxeClean } from "./a11y";
import { createBookableService, createClient, createMember, createPractice, db, expect, signInAs, test } from "./fixtures";

const DAY = 24 * 3_600_000;

// Issue 13, "Done means": a PT writes an evaluation with a treatment plan whose goal tracks pain.
test("a pelvic PT signs an evaluation note with structured findings, then a treatment plan whose goal charts the client's pain against its target", async ({ page }) => {
  test.slow();
  const practice = await createPractice("pelvic_pt");
  const pt = await createMember(practice.id, "clinician");
  const service = await createBookableService(practice.id, pt.memberId, { attendance: "individual", name: "Pelvic health evaluation" });
  const emily = await createClient(practice.id, "Emily");
  // Her pain ratings before and since the first visit (the portal's pain form, answered).
  const slugs = await installStarterForms(db, practice.id, "pelvic_pt");
  const templateId = slugs.get("pain-rating")!;
  const [version] = await db.select({ id: schema.formVersions.id }).from(schema.formVersions).where(eq(schema.formVersions.templateId, templateId));
  for (const [daysAgo, pain] of [[21, 7], [14, 5], [3, 4]] as const) {
    const at = new Date(Date.now() - daysAgo * DAY);
    const answers = { pain: String(pain) };
    const [a] = await db
      .insert(schema.formAssignments)
      .values({ practiceId: practice.id, clientId: emily.id, templateId, versionId: version!.id, source: "manual", status: "completed", sentAt: at, startedAt: at, completedAt: at })
      .returning();
    await db.insert(schema.formResponses).values({ practiceId: practice.id, assignmentId: a!.id, clientId: emily.id, templateId, versionId: version!.id, status: "submitted", answers, scores: scoreMeasure("pain", answers), createdAt: at, updatedAt: at, submittedAt: at });
  }
  const startsAt = new Date(Date.now() - 3 * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
  const [visit] = await db
    .insert(schema.appointments)
    .values({ practiceId: practice.id, serviceId: service.id, memberId: pt.memberId, format: "in_person", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status: "completed", priceCents: 18000, currency: "USD" })
    .returning();
  await db.insert(schema.appointmentAttendees).values({ practiceId: practice.id, appointmentId: visit!.id, clientId: emily.id });

  await signInAs(page, pt.userId);
  await page.goto(`/clinic/${practice.slug}/schedule/${visit!.id}`);
  await page.getByLabel("Template").selectOption({ label: "Pelvic PT evaluation" });
  await page.getByRole("button", { name: "Start note" }).click();
  // Opens with the visit's facts and her latest pain score filled in.
  await expect(page.getByLabel("Who attended", { exact: true })).toHaveValue(`Emily ${emily.lastName}`);
  await expect(page.getByLabel("Latest measure scores", { exact: true })).toHaveValue(/Pain.*4/);
  await page.getByLabel("Main concern", { exact: true }).fill("Pain sitting at work since her daughter was born");
  // A structured finding outside its range is refused by field; then a real value.
  await page.getByLabel("Pelvic floor strength (Modified Oxford, 0–5)", { exact: true }).fill("7");
  await expect(page.getByText("Pelvic floor strength (Modified Oxford, 0–5): between 0 and 5")).toBeVisible();
  await page.getByLabel("Pelvic floor strength (Modified Oxford, 0–5)", { exact: true }).fill("3");
  await page.getByLabel("Pain today (0–10)", { exact: true }).fill("4");
  await page.getByLabel("Assessment", { exact: true }).fill("Overactive pelvic floor with poor relaxation");
  await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();
  await expectAxeClean(page, "the evaluation note");
  await page.getByRole("button", { name: "Sign note" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign note" }).click();
  await expect(page.getByText(/Pelvic PT evaluation, signed by .* on/)).toBeVisible();
  const [note] = await db.select().from(schema.sessionNotes).where(and(eq(schema.sessionNotes.practiceId, practice.id), eq(schema.sessionNotes.appointmentId, visit!.id)));
  expect(note).toMatchObject({ status: "signed", content: expect.objectContaining({ pfm_strength: 3, pain_nrs: 4 }) });

  // The treatment plan: a goal tied to pain, at most 3.
  await page.goto(`/clinic/${practice.slug}/clients/${emily.id}/plan`);
  await page.getByLabel("Presenting concerns", { exact: true }).fill("Pelvic pain with sitting since the birth");
  await page.getByLabel("Goal 1", { exact: true }).fill("Sit through a workday without pain stopping her");
  await page.getByLabel("Goal 1, objective 1", { exact: true }).fill("Home program five days a week");
  await page.getByLabel("Measure for goal 1").selectOption("pain");
  await page.getByLabel("Target", { exact: true }).selectOption("at_most");
  await page.getByLabel("Target value").fill("3");
  await page.getByRole("button", { name: "Create the plan (as a draft)" }).click();
  await page.waitForURL(/\/plan\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "Publish for the client to sign" }).click();
  await expect(page.getByText(/^Published /)).toBeVisible();

  const progress = page.getByRole("region", { name: "Goal 1: Sit through a workday without pain stopping her" });
  await expect(progress.getByText("Target: Pain (0–10) at most 3")).toBeVisible();
  await expect(progress.getByText("Not met yet")).toBeVisible();
  const table = progress.getByRole("table", { name: "Pain (0–10) scores for goal 1" });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("cell", { name: "7", exact: true })).toBeVisible();
  await expect(table.getByRole("cell", { name: "4", exact: true })).toBeVisible();
  await expectAxeClean(page, "the plan with its pain goal");
});
