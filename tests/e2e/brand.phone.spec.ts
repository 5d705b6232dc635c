import type { Page } from "@playwright/test";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import { createBookableService, createClient, createPractice, expect, latestEmail, signInAs, test } from "./fixtures";

// Issue 11, problem 9: clients saw the software's name, not their practice's.

const NAME = "Lakeside Couples Studio";
/** A 1×1 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

function firstFreeTime(page: Page) {
  return page.getByRole("region", { name: /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+$/ }).getByRole("button").first();
}

test("the owner's name, colour and logo are what clients see on the booking page and in their email", async ({ page }) => {
  const practice = await createPractice();
  await createBookableService(practice.id, practice.owner.memberId, { name: "Couples session" });

  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/settings/brand`);
  await page.getByLabel("Display name").fill(NAME);
  await page.getByLabel("Brand colour").fill("#ffee00");
  await page.getByRole("button", { name: "Save name and colour" }).click();
  await expect(page.getByText(/^Brand colour: white text on #ffee00 has a contrast of 1\.\d:1/)).toBeVisible();
  await page.getByLabel("Brand colour").fill("#6b2d5c");
  await page.getByRole("button", { name: "Save name and colour" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.getByRole("form", { name: "Logo" }).locator("input[type=file]").setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>") });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByText(/^Logo: use a PNG, JPEG or WebP image/)).toBeVisible();
  await page.getByRole("form", { name: "Logo" }).locator("input[type=file]").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Logo saved." })).toBeVisible();
  await expectAxeClean(page, "the brand settings");

  await page.context().clearCookies();
  await page.goto(`/book/${practice.slug}`);
  const header = page.getByRole("banner");
  await expect(header.getByText(NAME)).toBeVisible();
  await expect(header.getByText("Tandem")).toHaveCount(0);
  const logo = header.locator("img");
  await expect(logo).toHaveAttribute("src", new RegExp(`^/api/brand/${practice.slug}/logo\\?v=\\d+$`));
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  const served = await page.request.get((await logo.getAttribute("src"))!);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["cache-control"]).toContain("immutable");
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();
  await expect(page).toHaveTitle(`Book with ${NAME}`);
  await expectAxeClean(page, "the branded booking page");
  await expectNoSidewaysScroll(page, "the branded booking page");

  await page.getByRole("button", { name: /Couples session/ }).click();
  await firstFreeTime(page).click();
  const a = `ana-${practice.slug}@e2e.tandem.test`;
  await page.getByLabel("You: first name").fill("Ana");
  await page.getByLabel("You: last name").fill("Reyes");
  await page.getByLabel("You: email").fill(a);
  await page.getByLabel("Your partner: first name").fill("Ben");
  await page.getByLabel("Your partner: last name").fill("Reyes");
  await page.getByLabel("Your partner: email").fill(`ben-${practice.slug}@e2e.tandem.test`);
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();

  const mail = await latestEmail(a, "booking-confirmation");
  expect(mail!.text!.trimStart().startsWith(NAME)).toBe(true);
  // The product's name once, in the small footer line.
  expect(mail!.text!.match(/Tandem/g)).toEqual(["Tandem"]);
  expect(mail!.text!).toMatch(/Sent with Tandem\s*$/);
  expect(mail!.html).toMatch(new RegExp(`src="https?://[^"]+/api/brand/${practice.slug}/logo\\?v=\\d+"`));
});

test("a signed-in client sees who they are on the booking page, and 'Open your forms' leads to their forms after sign-in", async ({ page }) => {
  const practice = await createPractice();
  await createBookableService(practice.id, practice.owner.memberId, { name: "Couples session" });
  const client = await createClient(practice.id, "Noor");

  await signInAs(page, client.userId);
  await page.goto(`/book/${practice.slug}`);
  const header = page.getByRole("banner");
  await expect(header.getByText("Signed in as")).toBeVisible();
  await expect(header.getByRole("link", { name: "Your portal" })).toHaveAttribute("href", "/portal");
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expectAxeClean(page, "the booking page, signed in");

  // The forms email's link, opened signed out.
  await page.context().clearCookies();
  await page.goto(`/portal/${client.id}/forms`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: `Sign in to ${practice.name}` })).toBeVisible();
  await expectAxeClean(page, "the practice's sign-in page");
  await page.getByLabel("Email address").fill(client.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/sign-in\/check-email/);
  const mail = await latestEmail(client.email, "sign-in");
  expect(mail!.text!.trimStart().startsWith(practice.name)).toBe(true);
  const link = mail!.text!.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)![0];
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/${client.id}/forms$`));
});
