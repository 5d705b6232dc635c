import * as schema from "@/db/schema";
import { createClient, createMember, createPractice, db, expect, signInAs, test } from "./fixtures";

test.use({ allowedConsoleErrors: [/status of 404/] });

test("a client cannot open another client's portal or any staff page", async ({ page }) => {
  const practice = await createPractice();
  const me = await createClient(practice.id, "Me");
  const other = await createClient(practice.id, "Other");
  await signInAs(page, me.userId);

  await page.goto(`/portal/${me.id}`);
  await expect(page.getByRole("heading", { name: "Hello, Me" })).toBeVisible();

  for (const path of [`/portal/${other.id}`, `/clinic/${practice.slug}/clients/${other.id}`, `/clinic/${practice.slug}/clients`, `/clinic/${practice.slug}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Other")).toHaveCount(0);
  }
});

test("a member of practice A sees nothing of practice B", async ({ page }) => {
  const a = await createPractice();
  const b = await createPractice();
  const clinician = await createMember(a.id, "clinician");
  const bClient = await createClient(b.id, "Bclient");
  await signInAs(page, clinician.userId);

  await page.goto(`/clinic/${a.slug}/clients`);
  await expect(page.getByRole("heading", { name: "Clients", exact: true })).toBeVisible();

  for (const path of [`/clinic/${b.slug}`, `/clinic/${b.slug}/clients`, `/clinic/${b.slug}/clients/${bClient.id}`, `/clinic/${a.slug}/clients/${bClient.id}`, `/portal/${bClient.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText("Bclient")).toHaveCount(0);
  }
});

test("a clinician cannot open the billing area or manage the team", async ({ page }) => {
  const practice = await createPractice();
  const clinician = await createMember(practice.id, "clinician");
  await signInAs(page, clinician.userId);
  await page.goto(`/clinic/${practice.slug}`);
  const nav = page.getByRole("navigation", { name: "Workspace" });
  await expect(nav.getByRole("link", { name: "Clients" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Billing" })).toHaveCount(0);
  const billing = await page.goto(`/clinic/${practice.slug}/billing`);
  expect(billing?.status()).toBe(404);
  await page.goto(`/clinic/${practice.slug}/settings/team`);
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
});

test("the development outbox does not exist in production", async ({ page }) => {
  const response = await page.goto("/dev/outbox");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("a member of two practices switches between them", async ({ page }) => {
  const a = await createPractice();
  const b = await createPractice();
  const member = await createMember(a.id, "clinician");
  await db.insert(schema.members).values({ practiceId: b.id, userId: member.userId, role: "admin", displayName: "Same person", joinedAt: new Date() });
  await signInAs(page, member.userId);
  await page.goto("/after-sign-in");
  await expect(page.getByRole("heading", { name: "Choose a practice" })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(a.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/clinic/${a.slug}$`));
  await page.getByRole("button", { name: /Switch practice/ }).click();
  await page.getByRole("menuitem", { name: b.name }).click();
  await expect(page).toHaveURL(new RegExp(`/clinic/${b.slug}$`));
  await expect(page.getByText("Admin")).toBeVisible();
});
