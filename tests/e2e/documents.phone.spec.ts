import type { Browser } from "@playwright/test";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import * as schema from "@/db/schema";
import { createClient, createPractice, db, expect, phoneAs, test } from "./fixtures";
import { expectCleanOnPhone } from "./a11y";

async function releasePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawText("Authorization to release information");
  return Buffer.from(await doc.save());
}

async function signAs(browser: Browser, partner: { id: string; userId: string; firstName: string; lastName: string }, other: string) {
  const page = await phoneAs(browser, partner.userId);
  await page.goto(`/portal/${partner.id}`);
  await page.getByRole("link", { name: "Your documents" }).click();
  const waiting = page.getByRole("list", { name: "Waiting for your signature" });
  await expect(waiting.getByRole("link", { name: "Release of information" })).toBeVisible();
  await expectCleanOnPhone(page, `${partner.firstName}'s documents`);
  await waiting.getByRole("link", { name: "Release of information" }).click();
  await expect(page.getByRole("heading", { name: "Release of information" })).toBeVisible();
  await expectCleanOnPhone(page, `${partner.firstName}'s read-and-sign page`);
  const file = await page.request.get(page.url() + "/file");
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");

  // Unticked, and a name that is not theirs: each field says what is wrong, nothing is signed.
  await page.getByLabel("Type your full name to sign").fill(`${other} ${partner.lastName}`);
  await page.getByRole("button", { name: "Sign the document" }).click();
  await expect(page.getByText("Tick the box to agree")).toBeVisible();
  await page.getByLabel(/I have read this document/).check();
  await page.getByRole("button", { name: "Sign the document" }).click();
  await expect(page.getByText(`Name: type your own full name as your practice has it (${partner.firstName} ${partner.lastName})`)).toBeVisible();
  await expectCleanOnPhone(page, `${partner.firstName}'s sign form with errors`);

  await page.getByLabel("Type your full name to sign").fill(`${partner.firstName.toLowerCase()} ${partner.lastName}`);
  await page.getByRole("button", { name: "Sign the document" }).click();
  await expect(page.getByText(/^You signed this document on /)).toBeVisible();
  const signed = await page.request.get(page.url() + "/signed");
  expect(signed.status()).toBe(200);
  expect((await PDFDocument.load(await signed.body())).getPageCount()).toBe(2);
  await expectCleanOnPhone(page, `${partner.firstName}'s signed document`);
  await page.context().close();
}

test("staff share a release of information with a couple; each partner signs on a phone; staff see both signed", async ({ browser }) => {
  test.slow();
  const practice = await createPractice("couples_therapy");
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");
  const [x, y] = [ana.id, ben.id].sort() as [string, string];
  await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });

  // The therapist, on a phone: the library, then Ana's record.
  const staff = await phoneAs(browser, practice.owner.userId);
  await staff.goto(`/clinic/${practice.slug}/documents`);
  await expectCleanOnPhone(staff, "the documents library");
  // An executable renamed .pdf is refused by its bytes, and nothing is listed.
  await staff.getByLabel("Title").fill("Release of information");
  await staff.getByLabel("PDF file").setInputFiles({ name: "release.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64)]) });
  await staff.getByRole("button", { name: "Upload" }).click();
  await expect(staff.getByText("Document: use a PDF file (other kinds are not accepted)")).toBeVisible();
  expect(await db.select().from(schema.documents).where(eq(schema.documents.practiceId, practice.id))).toEqual([]);

  await staff.getByLabel("PDF file").setInputFiles({ name: "release.pdf", mimeType: "application/pdf", buffer: await releasePdf() });
  await staff.getByRole("button", { name: "Upload" }).click();
  await expect(staff.getByRole("list", { name: "Library" }).getByText("Release of information")).toBeVisible();

  await staff.goto(`/clinic/${practice.slug}/clients/${ana.id}`);
  await staff.getByLabel("Document", { exact: true }).selectOption({ label: "Release of information (to sign)" });
  await expect(staff.getByLabel("Share with")).toHaveValue("couple");
  await staff.getByRole("button", { name: "Share", exact: true }).click();
  await expect(staff.getByText(/^Shared\. The client was told/)).toBeVisible();
  const signatures = staff.getByRole("list", { name: "Signatures on Release of information" });
  await expect(signatures.getByText("Not signed yet")).toHaveCount(2);
  await expectCleanOnPhone(staff, "the client record with a share");

  // The emails say a document waits, never which.
  const mails = await db.select().from(schema.emailMessages).where(eq(schema.emailMessages.practiceId, practice.id));
  expect(mails.map((m) => m.subject)).toEqual([`${practice.name} asks you to sign a document`, `${practice.name} asks you to sign a document`]);
  expect(mails.some((m) => `${m.html}${m.text}`.includes("Release of information"))).toBe(false);

  await signAs(browser, ana, "Ben");
  await signAs(browser, ben, "Ana");

  await staff.reload();
  await expect(signatures.getByText(/^Signed \d/)).toHaveCount(2);
  await expect(signatures.getByRole("link", { name: /Signed copy/ })).toHaveCount(2);
  await expectCleanOnPhone(staff, "the client record with both signatures");

  // Withdrawn: it leaves the portal, the signatures stay on the record.
  await staff.getByRole("button", { name: "Withdraw" }).click();
  await staff.getByRole("button", { name: "Withdraw the document" }).click();
  await expect(staff.getByText("Withdrawn", { exact: true })).toBeVisible();
  await expect(signatures.getByText(/^Signed \d/)).toHaveCount(2);
});
