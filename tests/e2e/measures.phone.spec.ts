import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { MEASURE_DEFINITIONS } from "@/lib/intake/measures/definitions";
import { createClient, createPractice, db, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

test("a practice adds the PFDI-20 from the forms page, a client answers it on a phone, the record shows the summary and each scale", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const practice = await createPractice("coaching");
  await seedIntakeForms(db, practice.id, "coaching");
  const mei = await createClient(practice.id, "Mei");

  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/forms`);
  await expectAxeClean(page);
  await expectNoSidewaysScroll(page);
  await page.getByLabel("Measure").selectOption({ label: "Pelvic Floor Distress Inventory (PFDI-20)" });
  await page.getByRole("button", { name: "Add measure" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pelvic Floor Distress Inventory (PFDI-20)" })).toBeVisible();

  const [template] = await db.select().from(schema.formTemplates).where(and(eq(schema.formTemplates.practiceId, practice.id), eq(schema.formTemplates.slug, "pfdi-20")));
  const [version] = await db.select().from(schema.formVersions).where(eq(schema.formVersions.templateId, template!.id));
  const [assignment] = await db
    .insert(schema.formAssignments)
    .values({ practiceId: practice.id, clientId: mei.id, templateId: template!.id, versionId: version!.id, source: "manual" })
    .returning();

  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, baseURL: process.env.APP_URL });
  const meiPage = await context.newPage();
  await signInAs(meiPage, mei.userId);
  await meiPage.goto(`/portal/${mei.id}/forms/${assignment!.id}`);
  const sections = MEASURE_DEFINITIONS.pfdi20.sections;
  for (const [i, section] of sections.entries()) {
    for (const q of section.questions) await meiPage.getByRole("group", { name: q.label }).getByLabel("Yes, and it bothers me somewhat").check();
    if (i === 0) await expectAxeClean(meiPage);
    await meiPage.getByRole("button", { name: i === sections.length - 1 ? "Submit" : "Next", exact: true }).click();
  }
  await expect(meiPage.getByText(/^Submitted /)).toBeVisible();
  await context.close();

  await page.goto(`/clinic/${practice.slug}/clients/${mei.id}`);
  // Every item "somewhat" (2): each scale 2 × 25 = 50, summary 150 of 300.
  await expect(page.getByRole("row", { name: /Pelvic Floor Distress Inventory/ })).toContainText("150");
  await expect(page.getByText("PFDI-20 scales", { exact: true })).toBeVisible();
  await page.getByText("Table of PFDI-20 scales scores").click();
  await expect(page.getByRole("row", { name: /UDI-6 \(urinary\).*50/ })).toBeVisible();
  await expectAxeClean(page);
  await expectNoSidewaysScroll(page);
});
