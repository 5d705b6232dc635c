import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import * as schema from "@/db/schema";
import { expectCleanOnPhone } from "./a11y";
import { createClient, createPractice, db, emailsTo, expect, phoneAs, test } from "./fixtures";

async function workbookPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawText("Reconnecting after baby: a workbook for two");
  return Buffer.from(await doc.save());
}

test("the coach adds a workbook on a phone; a parent buys it with no account, downloads it, and is sent the link again; a portal client given it finds it on her home", async ({ browser, page }) => {
  test.slow();
  const practice = await createPractice("coaching");

  // The owner, on a phone: a file that is not a PDF is refused by field; then the real one.
  const staff = await phoneAs(browser, practice.owner.userId);
  await staff.goto(`/clinic/${practice.slug}/products`);
  await staff.getByLabel("Title").fill("Reconnecting after baby");
  await staff.getByLabel("Description").fill("Ten short evenings for two tired parents.");
  await staff.getByLabel(/^Price/).fill("24");
  await staff.getByLabel("PDF file").setInputFiles({ name: "workbook.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64)]) });
  await staff.getByRole("button", { name: "Add product" }).click();
  await expect(staff.getByText("PDF file: use a PDF file (other kinds are not accepted)")).toBeVisible();
  expect(await db.select().from(schema.products).where(eq(schema.products.practiceId, practice.id))).toEqual([]);
  await staff.getByLabel("PDF file").setInputFiles({ name: "workbook.pdf", mimeType: "application/pdf", buffer: await workbookPdf() });
  await staff.getByRole("button", { name: "Add product" }).click();
  await expect(staff.getByRole("list", { name: "Products" }).getByRole("link", { name: "Reconnecting after baby" })).toBeVisible();
  await expectCleanOnPhone(staff, "the products page");

  // A parent, signed out, at 375 px (the phone project): the booking page lists it.
  const email = `parent-${practice.slug}@e2e.tandem.test`;
  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("list", { name: "Workbooks" }).getByRole("link", { name: "Reconnecting after baby" }).click();
  await expect(page.getByRole("heading", { name: "Reconnecting after baby" })).toBeVisible();
  await expectCleanOnPhone(page, "the public product page");
  await page.getByRole("button", { name: "Buy for $24" }).click();
  await expect(page.getByText("Name: tell us your name")).toBeVisible();
  await page.getByLabel("Your name").fill("Ana Reyes");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Buy for $24" }).click();

  // Stripe Checkout (the stand-in's test payment page).
  await expect(page.getByRole("heading", { name: "Test payment" })).toBeVisible();
  await page.getByRole("button", { name: "Pay $24.00" }).click();
  await expect(page.getByText(/Your download link and a receipt are on their way/)).toBeVisible();

  // The link arrives by email (the product-links job), without the title.
  await expect.poll(async () => (await emailsTo(email)).find((m) => m.template === "product-link") ?? null, { timeout: 90_000 }).not.toBeNull();
  const mail = (await emailsTo(email)).find((m) => m.template === "product-link")!;
  expect(`${mail.subject}${mail.html}${mail.text}`).not.toContain("Reconnecting after baby");
  const href = /href="(http[^"]+\/products\/download\/[^"]+)"/.exec(mail.html ?? "")![1]!;

  await page.goto(href);
  await expect(page.getByText("5 downloads left", { exact: false })).toBeVisible();
  await expectCleanOnPhone(page, "the download page");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the PDF" }).click()]);
  expect(download.suggestedFilename()).toBe("workbook.pdf");
  const bytes = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  await page.reload();
  await expect(page.getByText("4 downloads left", { exact: false })).toBeVisible();

  // Used up: the page says so plainly.
  const [grant] = await db.select().from(schema.productGrants).where(eq(schema.productGrants.practiceId, practice.id));
  await db.update(schema.productGrants).set({ usesLeft: 0 }).where(eq(schema.productGrants.id, grant!.id));
  await page.reload();
  await expect(page.getByRole("heading", { name: "This download link has been used up" })).toBeVisible();
  await expectCleanOnPhone(page, "a used-up download link");

  // She calls the practice: the owner sends the link again from the product's page; the same link works again.
  const [product] = await db.select().from(schema.products).where(eq(schema.products.practiceId, practice.id));
  await staff.goto(`/clinic/${practice.slug}/products/${product!.id}`);
  const orders = staff.getByRole("list", { name: "Orders" });
  await expect(orders).toContainText("Download link: used up or expired");
  await orders.getByRole("button", { name: "Send Ana Reyes the download link again" }).click();
  await expect.poll(async () => (await emailsTo(email)).filter((m) => m.template === "product-link").length, { timeout: 90_000 }).toBe(2);
  await staff.reload();
  await expect(staff.getByRole("list", { name: "Orders" })).toContainText("Download link: 5 downloads left");
  await expect(staff.getByRole("list", { name: "Orders" })).toContainText("sent again once");
  await expectCleanOnPhone(staff, "a product's orders with a resent link");
  await page.reload();
  await expect(page.getByText("5 downloads left", { exact: false })).toBeVisible();

  // The owner gives it to a portal client; her portal home names it, and she downloads it there.
  const client = await createClient(practice.id, "Noa");
  await staff.reload();
  await staff.getByLabel("Client").selectOption({ label: `Noa ${client.lastName}` });
  await staff.getByRole("button", { name: "Give it" }).click();
  await expect(staff.getByText("Given. The link is on its way.")).toBeVisible();
  const portal = await phoneAs(browser, client.userId);
  await portal.goto(`/portal/${client.id}`);
  await portal.getByRole("link", { name: "Open Reconnecting after baby" }).click();
  await expect(portal.getByRole("heading", { name: "Your workbooks" })).toBeVisible();
  await expectCleanOnPhone(portal, "the portal's workbooks");
  const [own] = await Promise.all([portal.waitForEvent("download"), portal.getByRole("link", { name: "Download Reconnecting after baby" }).click()]);
  expect(own.suggestedFilename()).toBe("workbook.pdf");
  await portal.context().close();

  // The sale is on the billing dashboard.
  await staff.goto(`/clinic/${practice.slug}/billing`);
  await expect(staff.getByTestId("workbook-sales-total")).toContainText("1 sold, $24 net of refunds");
  await expectCleanOnPhone(staff, "the billing dashboard with a workbook sale");
  await staff.context().close();
});
