import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { pdfText } from "../integration/helpers/pdf-text";
import { jsonEntry, unzip } from "../integration/helpers/unzip";
import { importTwentyRows } from "./client-import-flow";
import { db, expect, test } from "./fixtures";
import { walkThroughSetup } from "./setup-walk";
import { fillStartForm, followSignInLink } from "./sign-up-flow";

/**
 * Issue 12's whole journey, one practice from nothing: a new pelvic PT signs up on the public
 * home, proves the address, is met by the setup card, completes the guided setup (which
 * publishes the booking page), imports 20 rows from a CSV; a client books on a phone; the owner
 * exports that client's record and the whole practice, and both files are opened and read.
 * Each step's own spec checks it in depth (sign-up, setup, client-import, export); this one checks
 * that they join up.
 */

async function downloadZip(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: download.suggestedFilename(), entries: await unzip(await readFile(await download.path())) };
}

test("a new practice signs up, sets up, imports its clients, takes a booking and leaves with its data", async ({ page, browser }) => {
  // The whole of issue 12 in one story: 3.5 min on a loaded two-core machine, more while a build shares the cores.
  test.setTimeout(420_000);
  const tag = Date.now().toString(36);
  const email = `owner-${tag}@e2e.tandem.test`;
  const name = `Alder Pelvic Health ${tag}`;
  const slug = `alder-pelvic-health-${tag}`;

  // Sign up from the public home, prove the address, land in the new workspace.
  await page.goto("/");
  await page.getByRole("link", { name: "Start your practice" }).click();
  await fillStartForm(page, { name, email, kind: "Pelvic physical therapy" });
  await page.getByRole("button", { name: "Start my practice" }).click();
  await followSignInLink(page, email);
  await expect(page).toHaveURL(new RegExp(`/clinic/${slug}$`));
  const [practice] = await db.select().from(schema.practices).where(eq(schema.practices.slug, slug));
  expect(practice).toMatchObject({ kind: "pelvic_pt", publishedAt: null });

  // The home meets the new owner with the setup card; its link opens the checklist.
  await expect(page.getByRole("heading", { name: "Set up your practice" })).toBeVisible();
  expect((await page.request.get(`/book/${slug}`)).status()).toBe(404);
  await walkThroughSetup(page, { slug, name });

  // Setup done: the card has gone from the home.
  await page.goto(`/clinic/${slug}`);
  await expect(page.getByRole("heading", { name: `Welcome, Dana Reyes` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Set up your practice" })).toHaveCount(0);

  await importTwentyRows(page, { id: practice!.id, slug });

  // A client books the new service on a phone, from the published page.
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, baseURL: process.env.APP_URL });
  const client = await phone.newPage();
  await client.goto(`/book/${slug}`);
  await client.getByRole("button", { name: /Postpartum pelvic floor evaluation/ }).click();
  await expect(client.getByRole("heading", { name: "Choose a time" })).toBeVisible();
  await client.getByRole("region", { name: /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+$/ }).getByRole("button").first().click();
  await expect(client.getByRole("heading", { name: "Your details" })).toBeVisible();
  const booker = `mara-${tag}@e2e.tandem.test`;
  await client.getByLabel("You: first name").fill("Mara");
  await client.getByLabel("You: last name").fill("Lind");
  await client.getByLabel("You: email").fill(booker);
  const policy = client.getByLabel("I agree to the cancellation policy");
  if (await policy.count()) await policy.check();
  await client.getByRole("button", { name: "Confirm booking" }).click();
  await expect(client.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await phone.close();
  const [mara] = await db.select().from(schema.clients).where(and(eq(schema.clients.practiceId, practice!.id), eq(schema.clients.email, booker)));
  expect(mara).toBeTruthy();

  // The owner takes one client's record and then the whole practice.
  const [imported] = await db.select().from(schema.clients).where(and(eq(schema.clients.practiceId, practice!.id), eq(schema.clients.firstName, "Client3")));
  await page.goto(`/clinic/${slug}/clients/${imported!.id}`);
  const record = await downloadZip(page, () => page.getByRole("link", { name: "Export record" }).click());
  expect(jsonEntry(record.entries, "tables/clients.json")).toEqual([expect.objectContaining({ id: imported!.id, first_name: "Client3", date_of_birth: "1980-03-03" })]);
  expect(pdfText(record.entries.get("record.pdf")!)).toContain("Client record: Client3 Import");

  await page.goto(`/clinic/${slug}/settings/export`);
  await page.getByRole("button", { name: "Export the whole practice" }).click();
  const link = page.getByRole("link", { name: "Download the export" });
  await expect(link).toBeVisible({ timeout: 90_000 });
  const whole = await downloadZip(page, () => link.click());
  const clients = jsonEntry<{ email: string | null }[]>(whole.entries, "tables/clients.json");
  // The 17 imported clients and the one who booked.
  expect(clients).toHaveLength(18);
  expect(clients.map((c) => c.email)).toContain(booker);
  const appointments = jsonEntry<{ status: string }[]>(whole.entries, "tables/appointments.json");
  expect(appointments).toHaveLength(1);
  expect(jsonEntry(whole.entries, "tables/practices.json")).toEqual([expect.objectContaining({ id: practice!.id, kind: "pelvic_pt" })]);
  expect(jsonEntry<{ name: string }[]>(whole.entries, "tables/services.json").map((s) => s.name)).toContain("Postpartum pelvic floor evaluation");
});
