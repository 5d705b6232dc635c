import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createClient, createMember, createPractice, db, expect, latestEmail, signInAs, test } from "./fixtures";
import { expectAxeClean } from "./a11y";

async function noSeriousAxeProblems(page: Page) {
  await expectAxeClean(page, "the page", { only: "serious" });
}

test("the front desk cannot move a client's portal login to their own address; a new address waits for its owner to confirm", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const practice = await createPractice();
  const desk = await createMember(practice.id, "front_desk");
  const client = await createClient(practice.id, "Mara");
  await signInAs(page, desk.userId);

  // Their own address is refused next to the field.
  await page.goto(`/clinic/${practice.slug}/clients/${client.id}/edit`);
  await expect(page.getByLabel("Portal access", { exact: true })).toBeChecked();
  await page.getByLabel("Email", { exact: true }).fill(desk.email);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("This address belongs to a member of the practice")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // Another address: saved as a pending change, shown on the record; the address itself stays.
  const next = `moved-${practice.slug}@e2e.tandem.test`;
  await page.getByLabel("Email", { exact: true }).fill(next);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: `Mara ${client.lastName}` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: `Pending change to ${next}` })).toBeVisible();
  await expect(page.getByText(client.email, { exact: true })).toBeVisible();
  await noSeriousAxeProblems(page);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Pending change to ${next}` })).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(client.email);

  // The old address was told; the new one got a link that only confirms on a click.
  expect(await latestEmail(client.email, "email-change-notice")).not.toBeNull();
  const link = /(http:\/\/\S+\/email-change\/[A-Za-z0-9_.-]+)/.exec((await latestEmail(next, "email-change-confirm"))?.text ?? "")?.[1];
  expect(link).toBeTruthy();
  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await stranger.goto(link!);
  await expect(stranger.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await noSeriousAxeProblems(stranger);
  const [before] = await db.select().from(schema.clients).where(eq(schema.clients.id, client.id));
  expect(before!.email).toBe(client.email);
  await stranger.getByRole("button", { name: "Confirm this address" }).click();
  await expect(stranger.getByRole("heading", { name: "Address confirmed" })).toBeVisible();
  await strangerContext.close();

  await page.goto(`/clinic/${practice.slug}/clients/${client.id}`);
  await expect(page.getByText(next, { exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Pending change" })).toHaveCount(0);
});
