import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { pdfText } from "../integration/helpers/pdf-text";
import { expectAxeClean } from "./a11y";
import { createBookableService, createClient, createPractice, db, expect, signInAs, test } from "./fixtures";

// Issue 11, problem 13: a pelvic PT visit bills several CPT codes with units and
// modifiers, the superbill carries the client's date of birth and address, and
// the diagnosis picker suggests pelvic codes, not mental-health ones.
test("a PT clinic's service has two CPT lines; the clinician adjusts units on a visit; the superbill shows both lines, date of birth and address", async ({ page }) => {
  const practice = await createPractice("pelvic_pt");
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Pelvic PT follow-up" });
  const client = await createClient(practice.id, "Nora");
  await signInAs(page, practice.owner.userId);

  // The admin sets the service's default CPT lines; booking asks for DOB and address (ticked by default for PT).
  await page.goto(`/clinic/${practice.slug}/settings/billing`);
  const lines = page.getByLabel("Pelvic PT follow-up: CPT lines");
  await lines.fill("97110 x9 GP");
  await page.getByRole("button", { name: "Save Pelvic PT follow-up" }).click();
  await expect(page.getByText("units must be between 1 and 8")).toBeVisible();
  await expect(lines).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Pelvic PT follow-up: ask for date of birth and address at booking (for superbills)")).toBeChecked();
  await lines.fill("97110 x3 GP\n97140 GP");
  await page.getByRole("button", { name: "Save Pelvic PT follow-up" }).click();
  await expect(page.getByRole("form", { name: "Billing for Pelvic PT follow-up" }).getByRole("status")).toHaveText("Saved.");
  await expectAxeClean(page, "billing settings");

  // Staff record the client's date of birth and postal address.
  await page.goto(`/clinic/${practice.slug}/clients/${client.id}/edit`);
  await page.getByLabel("Date of birth").fill("1989-06-02");
  await page.getByLabel("Address line 1").fill("2210 N Halsted St");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("City is required with an address")).toBeVisible();
  await page.getByLabel("City").fill("Chicago");
  await page.getByLabel("State or region").fill("IL");
  await page.getByLabel("Postal code").fill("60614");
  await page.getByLabel("Country").fill("US");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(`**/clients/${client.id}`);

  // A visit that took place.
  const startsAt = new Date(Date.now() - 2 * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [visit] = await db
    .insert(schema.appointments)
    .values({ practiceId: practice.id, serviceId: service.id, memberId: practice.owner.memberId, format: "online", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status: "completed", priceCents: 16000, currency: "USD" })
    .returning();
  await db.insert(schema.appointmentAttendees).values({ practiceId: practice.id, appointmentId: visit!.id, clientId: client.id });

  // The clinician adjusts this visit's units (3 → 2) and records pelvic codes from the suggestions.
  await page.goto(`/clinic/${practice.slug}/schedule/${visit!.id}`);
  const visitLines = page.getByLabel("CPT lines for this visit");
  await expect(visitLines).toHaveValue("97110 x3 GP\n97140 GP");
  await visitLines.fill("97110 x2 GP\n97140 GP");
  await page.getByRole("button", { name: "Save CPT lines" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Diagnosis codes (ICD-10)")).toHaveAccessibleDescription(/N39\.3, R10\.2/);
  await page.getByText("Common codes for this practice").click();
  const suggested = page.getByRole("list", { name: "Suggested diagnosis codes" });
  await expect(suggested).toContainText("N39.3 Stress incontinence");
  await expect(suggested).toContainText("R10.2 Pelvic and perineal pain");
  await expect(suggested).not.toContainText("F43");
  await expect(suggested).not.toContainText("Z63");
  await suggested.getByRole("button", { name: /N39\.3/ }).click();
  await suggested.getByRole("button", { name: /R10\.2/ }).click();
  await expect(page.getByLabel("Diagnosis codes (ICD-10)")).toHaveValue("N39.3, R10.2");
  await page.getByRole("button", { name: "Save codes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toHaveCount(2);
  await expectAxeClean(page, "the visit page");
  const saved = await db.select().from(schema.appointmentCptLines).where(eq(schema.appointmentCptLines.appointmentId, visit!.id)).orderBy(schema.appointmentCptLines.position);
  expect(saved.map((l) => [l.code, l.units, l.modifiers])).toEqual([
    ["97110", 2, ["GP"]],
    ["97140", 1, ["GP"]],
  ]);

  // The superbill lists both lines with units and modifier, the date of birth and the address.
  await page.goto(`/clinic/${practice.slug}/clients/${client.id}`);
  await page.getByLabel("From").fill(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download superbill (PDF)" }).click();
  const file = await download;
  const chunks: Buffer[] = [];
  for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
  const text = pdfText(Buffer.concat(chunks));
  for (const line of ["Date of birth: 2 June 1989", "Address: 2210 N Halsted St, Chicago, IL 60614, US", "Modifiers", "97110", "97140", "GP", "N39.3, R10.2", "$160"]) {
    expect(text).toContain(line);
  }
  expect(text).not.toContain("97110 x3");
});
