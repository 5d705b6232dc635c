import { expectCleanOnPhone } from "./a11y";
import { createClient, createMember, createPractice, expect, phoneAs, test } from "./fixtures";

// Issue 13, "Session notes": templates editable per practice, versioned; a note keeps its version.
test("a pelvic PT adds a field to the SOAP template on a phone, previews it, publishes version 2, and the next note has it", async ({ browser }) => {
  const practice = await createPractice("pelvic_pt");
  const pt = await createMember(practice.id, "clinician");
  const client = await createClient(practice.id, "Emily");
  const page = await phoneAs(browser, pt.userId);

  await page.goto(`/clinic/${practice.slug}/settings`);
  await page.getByRole("link", { name: "Edit note templates" }).click();
  await expect(page.getByRole("heading", { name: "Note templates" })).toBeVisible();
  await expectCleanOnPhone(page, "the note templates list");
  await page.getByRole("link", { name: "SOAP note" }).click();
  await expect(page.getByText("Version 1 is current.")).toBeVisible();

  // Add a number field to the note section; a range the wrong way round is named before anything is saved.
  await page.getByRole("button", { name: "Add a field to section 2" }).click();
  const label = page.getByLabel("Field 2.5 label");
  await label.fill("Pain today (0–10)");
  await page.getByLabel("Field 2.5 kind").selectOption("number");
  await page.getByLabel("Field 2.5 lowest").fill("10");
  await page.getByLabel("Field 2.5 highest").fill("0");
  await page.getByRole("button", { name: "Publish as version 2" }).click();
  await expect(page.getByText("The highest value must be at least the lowest")).toBeVisible();
  await page.getByLabel("Field 2.5 lowest").fill("0");
  await page.getByLabel("Field 2.5 highest").fill("10");
  await expectCleanOnPhone(page, "the note template editor");
  // The preview draws the unsaved template as the note form will: the new field with its range.
  await page.getByText("Preview the note form").click();
  const preview = page.getByRole("form", { name: "Preview of the note form" });
  await expect(preview.getByLabel("Pain today (0–10)", { exact: true })).toBeVisible();
  await expect(preview).toContainText("0–10");
  await expectCleanOnPhone(page, "the note template editor with its preview open");
  await page.getByRole("button", { name: "Publish as version 2" }).click();
  await expect(page.getByText(/^Published version 2\./)).toBeVisible();
  await expect(page.getByText("Version 2 is current.")).toBeVisible();

  // A note started now is written on version 2.
  await page.goto(`/clinic/${practice.slug}/clients/${client.id}`);
  await page.getByText("Note without a session (a phone call, an email)").click();
  await page.getByLabel("Template").selectOption({ label: "SOAP note" });
  await page.getByRole("button", { name: "Start note" }).click();
  await page.getByLabel("Pain today (0–10)", { exact: true }).fill("12");
  await expect(page.getByText("Pain today (0–10): between 0 and 10")).toBeVisible();
  await page.context().close();
});
