import { createClient, createPractice, expect, latestEmail, test } from "./fixtures";

async function signInByEmail(page: import("@playwright/test").Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const message = await latestEmail(email, "sign-in");
  expect(message?.subject).toBe("Your sign-in link");
  const link = message!.text!.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)?.[0];
  expect(link, "the email carries a confirmation link").toBeTruthy();
  await page.goto(link!.replace(/[\])>.,]+$/, ""));
  await expect(page.getByText(`Continue as ${email}?`)).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("staff sign in by magic link and land in their practice workspace", async ({ page }) => {
  const practice = await createPractice();
  await signInByEmail(page, practice.owner.email);
  await expect(page).toHaveURL(new RegExp(`/clinic/${practice.slug}$`));
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Clients" })).toBeVisible();
});

test("a client signs in by magic link and lands in their portal", async ({ page }) => {
  const practice = await createPractice();
  const client = await createClient(practice.id, "Robin");
  await signInByEmail(page, client.email);
  await expect(page).toHaveURL(new RegExp(`/portal/${client.id}$`));
  await expect(page.getByRole("heading", { name: "Hello, Robin" })).toBeVisible();
});

test("a sign-in link works once", async ({ page, browser }) => {
  const practice = await createPractice();
  await signInByEmail(page, practice.owner.email);
  await expect(page).toHaveURL(new RegExp(`/clinic/${practice.slug}$`));
  const message = await latestEmail(practice.owner.email, "sign-in");
  const link = message!.text!.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)![0];
  const other = await browser.newPage();
  await other.goto(link);
  await other.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(other.getByRole("heading", { name: "We couldn't sign you in" })).toBeVisible();
  await expect(other.getByText("expired or has already been used")).toBeVisible();
  await other.close();
});

test("bad and unknown addresses: a clear message, no email, no account discovery", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  const unknown = `nobody-${Date.now()}@e2e.tandem.test`;
  await page.getByLabel("Email address").fill(unknown);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(await latestEmail(unknown)).toBeNull();
});

test("a fourth link for one address within 15 minutes is refused plainly", async ({ page }) => {
  const practice = await createPractice();
  for (let i = 0; i < 3; i++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(practice.owner.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(practice.owner.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText(/Too many sign-in links were requested/)).toBeVisible();
});
