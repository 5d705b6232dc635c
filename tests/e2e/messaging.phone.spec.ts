import { readFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createClient, createMember, createPractice, db, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

// Secure messaging on a phone (issue 15): partner A writes in their own thread and partner B
// cannot find it at any URL; the shared thread reaches both; the clinician replies with a PDF
// that the client downloads; a new message appears without a reload.

// Ben's tries at Ana's thread end on not-found pages and 404 responses, which the browser logs.
test.use({ allowedConsoleErrors: [/status of 404/] });

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

test("a couple's own and shared threads, a clinician's reply with a PDF, at 375 px", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const practice = await createPractice("couples_therapy");
  const clinician = await createMember(practice.id, "clinician");
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");
  const [a, b] = [ana.id, ben.id].sort();
  await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: a!, clientBId: b! });

  // Ana writes in her own thread, with a scan attached.
  await signInAs(page, ana.userId);
  await page.goto(`/portal/${ana.id}`);
  await page.getByRole("link", { name: "Write to your care team, or read their replies" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Shared with Ben" })).toBeVisible();
  await expectNoSidewaysScroll(page, "the messages list at 375 px");
  await expectAxeClean(page, "the messages list");
  await page.getByRole("link", { name: "Just you and the practice" }).click();
  await expect(page.getByText("Messages are not for emergencies")).toBeVisible();
  await page.getByRole("textbox", { name: "Message" }).fill("Only for my therapist: I am exhausted.");
  await page.getByLabel("Attachment (optional)").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Only for my therapist: I am exhausted.")).toBeVisible();
  await expect(page.getByRole("link", { name: "scan.pdf" })).toBeVisible();
  await expectNoSidewaysScroll(page, "Ana's own thread at 375 px");
  await expectAxeClean(page, "Ana's own thread");
  const anaOwnUrl = new URL(page.url()).pathname;
  const [anaOwn] = await db.select().from(schema.threads).where(and(eq(schema.threads.kind, "own"), eq(schema.threads.clientId, ana.id)));
  const [scan] = await db.select().from(schema.messageAttachments).where(eq(schema.messageAttachments.practiceId, practice.id));
  expect(anaOwnUrl).toBe(`/portal/${ana.id}/messages/${anaOwn!.id}`);

  // Bad input on the page: an executable renamed .pdf is refused by name, nothing is sent.
  await page.getByRole("textbox", { name: "Message" }).fill("This one should not go");
  await page.getByLabel("Attachment (optional)").setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(64)]) });
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Attachment: use a PDF, PNG, JPEG or WebP file (other kinds are not accepted) (invoice.pdf)")).toBeVisible();
  expect(await db.select().from(schema.messages).where(eq(schema.messages.threadId, anaOwn!.id))).toHaveLength(1);

  // Ana writes in the shared thread too.
  await page.getByRole("link", { name: "All messages" }).click();
  await page.getByRole("link", { name: "Shared with Ben" }).click();
  await page.getByRole("textbox", { name: "Message" }).fill("For both of us: can we talk about Sunday?");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("For both of us: can we talk about Sunday?")).toBeVisible();
  const sharedUrl = new URL(page.url()).pathname;
  const sharedId = sharedUrl.split("/").pop()!;

  // Ben: his list, the shared message; Ana's own thread at no URL.
  await page.context().clearCookies();
  await signInAs(page, ben.userId);
  await page.goto(`/portal/${ben.id}/messages`);
  await expect(page.getByRole("link", { name: "Shared with Ana" })).toBeVisible();
  await expect(page.locator(`a[href*="${anaOwn!.id}"]`)).toHaveCount(0);
  for (const url of [
    `/portal/${ben.id}/messages/${anaOwn!.id}`,
    anaOwnUrl,
    `/portal/${ana.id}/messages`,
  ]) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBe(404);
    await expect(page.getByText("Only for my therapist")).toHaveCount(0);
  }
  for (const url of [
    `/portal/${ben.id}/messages/${anaOwn!.id}/attachments/${scan!.id}`,
    `/portal/${ben.id}/messages/${sharedId}/attachments/${scan!.id}`,
    `/portal/${ana.id}/messages/${anaOwn!.id}/attachments/${scan!.id}`,
    `/portal/${ben.id}/messages/${anaOwn!.id}/updates?after=0`,
  ]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text()).not.toContain("%PDF");
  }
  await page.goto(`/portal/${ben.id}/messages/${sharedId}`);
  await expect(page.getByText("For both of us: can we talk about Sunday?")).toBeVisible();
  await expect(page.getByText("Only for my therapist")).toHaveCount(0);

  // The clinician, in another browser, is assigned the shared thread and replies with a handout while Ben's page is open.
  await db.update(schema.threads).set({ assignedMemberId: clinician.memberId }).where(eq(schema.threads.id, sharedId));
  const staffContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const staff = await staffContext.newPage();
  await signInAs(staff, clinician.userId);
  await staff.goto(`/clinic/${practice.slug}/messages`);
  await expect(staff.getByRole("listitem").getByText("Needs reply")).toBeVisible();
  await expectNoSidewaysScroll(staff, "the staff inbox at 375 px");
  await expectAxeClean(staff, "the staff inbox");
  // The other partner's own thread is not the clinician's (not assigned, no session): not in the list.
  await expect(staff.locator(`a[href*="${anaOwn!.id}"]`)).toHaveCount(0);
  await staff.locator(`a[href="/clinic/${practice.slug}/messages/${sharedId}"]`).click();
  await expect(staff.getByText("For both of us: can we talk about Sunday?")).toBeVisible();
  await staff.getByRole("textbox", { name: "Message" }).fill("Yes. Here is the handout for Sunday's talk.");
  await staff.getByLabel("Attachment (optional)").setInputFiles({ name: "handout.pdf", mimeType: "application/pdf", buffer: PDF });
  await staff.getByRole("button", { name: "Send message" }).click();
  await expect(staff.getByRole("link", { name: "handout.pdf" })).toBeVisible();
  await expectNoSidewaysScroll(staff, "the staff thread at 375 px");
  await expectAxeClean(staff, "the staff thread");
  await staffContext.close();

  // Ben's open page shows it without a reload (the five-second poll), and the PDF downloads.
  await expect(page.getByText("Yes. Here is the handout for Sunday's talk.")).toBeVisible({ timeout: 15_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "handout.pdf" }).click()]);
  expect(download.suggestedFilename()).toBe("handout.pdf");
  expect(await readFile((await download.path())!)).toEqual(PDF);
  const head = await page.request.get(new URL((await page.getByRole("link", { name: "handout.pdf" }).getAttribute("href"))!, page.url()).toString());
  expect(head.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(head.headers()["x-content-type-options"]).toBe("nosniff");
  await expectAxeClean(page, "the shared thread");
  await expectNoSidewaysScroll(page, "the shared thread at 375 px");

  // The email to Ben says only that a message waits.
  const [mail] = await db.select().from(schema.emailMessages).where(and(eq(schema.emailMessages.to, ben.email), eq(schema.emailMessages.template, "new-message")));
  expect(mail?.subject).toBe(`You have a new message from ${practice.name}`);
  expect(mail?.html ?? "").not.toContain("handout");
});
