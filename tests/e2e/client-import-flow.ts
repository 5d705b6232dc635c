import type { Page } from "@playwright/test";
import { and, eq, inArray } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createPractice, db, expect, signInAs } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

async function axeClean(page: Page, what: string) {
  await expectAxeClean(page, what);
  await expectNoSidewaysScroll(page, what);
}

/** A SimplePractice-style export: 20 rows, one couple, one formula cell, one bad email, one repeated email. */
function csvFor(slug: string): string {
  const e = (name: string) => `${name}.${slug}@e2e.tandem.test`;
  const lines = ["\uFEFFFirst Name,Last Name,Email,Mobile Phone,Date of Birth,Partner Email"];
  for (let i = 1; i <= 15; i++) lines.push(`Client${i},Import,${e(`c${i}`)},555-010-${String(1000 + i)},03/${String(i).padStart(2, "0")}/1980,`);
  lines.push(`Noor,Haddad,${e("noor")},,,${e("sam")}`);
  lines.push(`"=HYPERLINK(""http://evil.example"")",Bad,${e("formula")},,,`);
  lines.push(`Nope,Email,not-an-email,,,`);
  lines.push(`Again,Dup,${e("c1").toUpperCase()},,,`);
  // Line 21 is Sam: the partner named on line 17.
  lines.push(`Sam,Haddad,${e("sam")},,,`);
  return lines.join("\r\n") + "\r\n";
}

/** Imports the 20-row file into a fresh practice from the fixture, or into one whose owner is already signed in. */
export async function importTwentyRows(page: Page, existing?: { id: string; slug: string }) {
  const practice = existing ?? (await createPractice());
  if (!existing) await signInAs(page, (practice as Awaited<ReturnType<typeof createPractice>>).owner.userId);
  await page.goto(`/clinic/${practice.slug}/clients`);
  await page.getByRole("link", { name: "Import from CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import clients" })).toBeVisible();
  await axeClean(page, "import page");

  await page.getByLabel("CSV file").setInputFiles({ name: "clients.csv", mimeType: "text/csv", buffer: Buffer.from(csvFor(practice.slug)) });
  await page.getByRole("button", { name: "Read file" }).click();
  await expect(page.getByText("20 rows: 17 to import, 1 couple to link, 2 bad, 1 duplicate")).toBeVisible();
  // Guessed from the header names.
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue("2");
  await expect(page.getByLabel("Partner (their email or full name)")).toHaveValue("5");
  const bad = page.getByRole("list", { name: "Bad rows" });
  await expect(bad.getByText(/Line 18:.*formula/)).toBeVisible();
  await expect(bad.getByText(/Line 19:.*valid email/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Duplicates" }).getByText(/Line 20:.*also on line 2$/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Couples" }).getByText("Line 17 with line 21")).toBeVisible();
  // 03/03/1980 read month first (a US export), shown in words so the reading is plain to check.
  await expect(page.getByRole("cell", { name: "3 March 1980", exact: true })).toBeVisible();
  await axeClean(page, "import preview");

  // Nothing is written before the confirm step.
  expect(await db.select({ id: schema.clients.id }).from(schema.clients).where(eq(schema.clients.practiceId, practice.id))).toHaveLength(0);

  await page.getByRole("button", { name: "Import 17 clients" }).click();
  await expect(page.getByRole("heading", { name: "Imported 17 clients" })).toBeVisible();
  await axeClean(page, "import done");

  const rows = await db.select().from(schema.clients).where(eq(schema.clients.practiceId, practice.id));
  expect(rows).toHaveLength(17);
  expect(rows.find((r) => r.firstName === "Client3")).toMatchObject({ dateOfBirth: "1980-03-03", phone: "555-010-1003" });
  const haddads = rows.filter((r) => r.lastName === "Haddad").map((r) => r.id);
  const couples = await db
    .select()
    .from(schema.couples)
    .where(and(eq(schema.couples.practiceId, practice.id), inArray(schema.couples.clientAId, haddads)));
  expect(couples).toHaveLength(1);

  await page.getByRole("link", { name: "Go to the client list" }).click();
  await expect(page.getByRole("list", { name: "Client list" }).getByText("Couple with Sam Haddad")).toBeVisible();
}
