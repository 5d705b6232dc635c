import type { Page } from "@playwright/test";
import { expect, latestEmail } from "./fixtures";

/** The sign-up's steps, shared by sign-up.spec.ts and the whole-journey spec (journey.spec.ts). */

export async function fillStartForm(page: Page, values: { name: string; email: string; kind?: string }) {
  await page.getByLabel("Practice name").fill(values.name);
  await page.getByLabel("Kind of practice").selectOption({ label: values.kind ?? "Couples therapy (EFT)" });
  // The browser's zone is chosen for the person (the tests run in New York).
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
  await page.getByLabel("Your name").fill("Dana Reyes");
  await page.getByLabel("Your email address").fill(values.email);
}

export async function followSignInLink(page: Page, email: string) {
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const message = await latestEmail(email, "sign-in");
  const link = message?.text?.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)?.[0];
  expect(link, "the email carries a confirmation link").toBeTruthy();
  await page.goto(link!.replace(/[\])>.,]+$/, ""));
  await expect(page.getByText(`Continue as ${email}?`)).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
