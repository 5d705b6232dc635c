import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { pdfText } from "../integration/helpers/pdf-text";
import { jsonEntry, unzip } from "../integration/helpers/unzip";
import { expectAxeClean } from "./a11y";
import { createClient, createMember, createPractice, db, expect, signInAs, test } from "./fixtures";

async function downloadZip(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), entries: await unzip(await readFile(file)) };
}

test("the owner exports one client's record and the whole practice, and both files hold what they should", async ({ page }) => {
  test.setTimeout(120_000);
  const practice = await createPractice();
  const ana = await createClient(practice.id, "Ana");
  await db.update(schema.clients).set({ dateOfBirth: "1990-04-02" }).where(eq(schema.clients.id, ana.id));
  await signInAs(page, practice.owner.userId);

  // (a) One client's record, from the client's page.
  await page.goto(`/clinic/${practice.slug}/clients/${ana.id}`);
  const record = await downloadZip(page, () => page.getByRole("link", { name: "Export record" }).click());
  expect(record.name).toMatch(/^client-record-.*ana-\d{4}-\d{2}-\d{2}\.zip$/);
  expect(jsonEntry(record.entries, "tables/clients.json")).toEqual([expect.objectContaining({ id: ana.id, first_name: "Ana", date_of_birth: "1990-04-02" })]);
  expect(pdfText(record.entries.get("record.pdf")!)).toContain(`Client record: Ana ${ana.lastName}`);
  expect(jsonEntry<{ format: string }>(record.entries, "manifest.json").format).toBe("tandem-client-export/1");

  // (b) The whole practice, from settings: a background job, progress, then a link.
  await page.goto(`/clinic/${practice.slug}/settings`);
  await page.getByRole("link", { name: "Open export" }).click();
  await expect(page.getByRole("heading", { name: "Export", exact: true })).toBeVisible();
  await expectAxeClean(page, "the export page");
  await page.getByRole("button", { name: "Export the whole practice" }).click();
  await expect(page.getByRole("status")).toContainText("Export started");
  const link = page.getByRole("link", { name: "Download the export" });
  await expect(link).toBeVisible({ timeout: 90_000 });
  await expectAxeClean(page, "the export page with its link");
  const whole = await downloadZip(page, () => link.click());
  expect(whole.name).toBe(`${practice.slug}-export-${new Date().toISOString().slice(0, 10)}.zip`);
  expect(whole.entries.get("tables/clients.csv")!.toString()).toContain(`Ana,${ana.lastName}`);
  expect(jsonEntry(whole.entries, "tables/practices.json")).toEqual([expect.objectContaining({ id: practice.id, slug: practice.slug })]);
  expect(jsonEntry<{ tables: Record<string, number> }>(whole.entries, "manifest.json").tables).toMatchObject({ clients: 1, members: 1, practices: 1 });
});

test("a clinician finds no export: not the page, not the button, not the route", async ({ page }) => {
  const practice = await createPractice();
  const clinician = await createMember(practice.id, "clinician");
  const client = await createClient(practice.id, "Cleo");
  await signInAs(page, clinician.userId);
  await page.goto(`/clinic/${practice.slug}/clients/${client.id}`);
  await expect(page.getByRole("heading", { name: `Cleo ${client.lastName}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Export record" })).toHaveCount(0);
  expect((await page.request.get(`/clinic/${practice.slug}/clients/${client.id}/export`)).status()).toBe(404);
  expect((await page.request.get(`/clinic/${practice.slug}/settings/export`)).status()).toBe(404);
});
