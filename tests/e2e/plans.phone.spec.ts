import type { Browser } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import type { PlanContent } from "@/lib/plans/content";
import { createClient, createPractice, db, expect, phoneAs, test } from "./fixtures";
import { expectCleanOnPhone } from "./a11y";

const CONTENT: PlanContent = {
  presentingConcerns: "Feeling apart since the baby came",
  diagnoses: ["Z63.0"],
  interventions: "Couple sessions every week",
  goals: [{ text: "Feel like a team at bedtime", interventions: "Practise reaching out", objectives: [{ text: "Name our cycle together", targetDate: null }], measure: null }],
};

type Person = { id: string; userId: string; firstName: string; lastName: string };

/** One partner on their phone: the portal home leads to the plan; a wrong name is refused by field; then they sign. */
async function signOnPhone(browser: Browser, me: Person, partner: Person, partnerSigned: boolean) {
  const page = await phoneAs(browser, me.userId);
  await page.goto(`/portal/${me.id}`);
  await expect(page.getByText("Your treatment plan is ready for you to review and sign.")).toBeVisible();
  await page.getByRole("link", { name: "Your plan" }).click();
  await expect(page.getByRole("heading", { name: /Your plan as a couple/ })).toBeVisible();
  await expect(page.getByText("Feel like a team at bedtime")).toBeVisible();
  await expect(page.getByText(partnerSigned ? `${partner.firstName} signed` : `${partner.firstName} has not signed yet`)).toBeVisible();
  await expectCleanOnPhone(page, `${me.firstName}'s plan`);

  await page.getByLabel("Type your full name to sign").fill(`${partner.firstName} ${partner.lastName}`);
  await page.getByRole("button", { name: "Sign the plan" }).click();
  await expect(page.getByText("Tick the box to agree")).toBeVisible();
  await page.getByLabel(/I have reviewed this treatment plan/).check();
  await page.getByRole("button", { name: "Sign the plan" }).click();
  await expect(page.getByText(`Name: type your own full name as your practice has it (${me.firstName} ${me.lastName})`)).toBeVisible();
  await expectCleanOnPhone(page, `${me.firstName}'s sign form with errors`);

  await page.getByLabel("Type your full name to sign").fill(`${me.firstName} ${me.lastName}`);
  await page.getByRole("button", { name: "Sign the plan" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^You signed this plan on / })).toBeVisible();
  await expectCleanOnPhone(page, `${me.firstName}'s signed plan`);
  await page.context().close();
}

test("a couple's treatment plan: each partner reviews and signs on a phone; the therapist sees both signatures", async ({ browser }) => {
  test.slow();
  const practice = await createPractice("couples_therapy");
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");
  const [x, y] = [ana.id, ben.id].sort() as [string, string];
  await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });
  // Published by the owner a day ago, review in a few days (the portal shows the published version only).
  const [plan] = await db.insert(schema.treatmentPlans).values({ practiceId: practice.id, clientId: ana.id, partnerClientId: ben.id, createdByUserId: practice.owner.userId }).returning();
  const publishedAt = new Date(Date.now() - 24 * 3_600_000);
  const reviewDate = new Date(Date.now() + 4 * 24 * 3_600_000).toISOString().slice(0, 10);
  const [version] = await db
    .insert(schema.planVersions)
    .values({ practiceId: practice.id, planId: plan!.id, number: 1, status: "published", content: CONTENT, reviewDate, createdByUserId: practice.owner.userId, publishedAt, publishedByUserId: practice.owner.userId })
    .returning();

  await signOnPhone(browser, ana, ben, false);
  await signOnPhone(browser, ben, ana, true);
  const signatures = await db.select().from(schema.planSignatures).where(and(eq(schema.planSignatures.practiceId, practice.id), eq(schema.planSignatures.versionId, version!.id)));
  expect(signatures.map((s) => s.signatureName).sort()).toEqual([`${ana.firstName} ${ana.lastName}`, `${ben.firstName} ${ben.lastName}`].sort());

  // The therapist, on a phone: the home lists the review; the plan shows who signed and how.
  const staff = await phoneAs(browser, practice.owner.userId);
  await staff.goto(`/clinic/${practice.slug}`);
  const reviews = staff.getByRole("region", { name: "Treatment plan reviews" });
  await expect(reviews.getByRole("link", { name: `${ana.firstName} ${ana.lastName}` })).toBeVisible();
  await reviews.getByRole("link", { name: `${ana.firstName} ${ana.lastName}` }).click();
  await expect(staff.getByText(new RegExp(`^${ana.firstName} ${ana.lastName}: signed .* as “${ana.firstName} ${ana.lastName}”$`))).toBeVisible();
  await expect(staff.getByText(new RegExp(`^${ben.firstName} ${ben.lastName}: signed .* as “${ben.firstName} ${ben.lastName}”$`))).toBeVisible();
  await expectCleanOnPhone(staff, "the plan with both signatures");
  await staff.context().close();
});
