import { createClient, createPractice, db, expect, signInAs, test } from "./fixtures";
import * as schema from "@/db/schema";
import { and, eq } from "drizzle-orm";

test("staff create two clients and link them as a couple", async ({ page }) => {
  const practice = await createPractice();
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/clients`);
  await expect(page.getByRole("heading", { name: "No clients yet" })).toBeVisible();

  for (const [first, last, email] of [
    ["Noor", "Haddad", "noor.haddad@e2e.tandem.test"],
    ["Sam", "Haddad", "sam.haddad@e2e.tandem.test"],
  ] as const) {
    await page.getByRole("link", { name: "New client" }).first().click();
    await page.getByLabel("First name", { exact: true }).fill(first);
    await page.getByLabel("Last name", { exact: true }).fill(last);
    await page.getByLabel("Email", { exact: true }).fill(`${practice.slug}.${email}`);
    await page.getByLabel("Portal access", { exact: true }).check();
    await page.getByRole("button", { name: "Create client" }).click();
    await expect(page.getByRole("heading", { name: `${first} ${last}` })).toBeVisible();
    await expect(page.getByText("Portal access", { exact: true })).toBeVisible();
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Clients" }).click();
  }

  await page.getByRole("link", { name: "Haddad, Noor" }).click();
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Haddad, Sam" });
  await page.getByRole("button", { name: "Link as a couple" }).click();
  await expect(page.getByText("In a couple with")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sam Haddad" })).toBeVisible();

  await page.goto(`/clinic/${practice.slug}/clients?q=sam`);
  const list = page.getByRole("list", { name: "Client list" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list.getByText("Couple with Noor Haddad")).toBeVisible();

  const couples = await db.select().from(schema.couples).where(eq(schema.couples.practiceId, practice.id));
  expect(couples).toHaveLength(1);
});

test("bad client input shows messages next to the fields and saves nothing", async ({ page }) => {
  const practice = await createPractice();
  const existing = await createClient(practice.id, "Existing");
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/clients/new`);
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("First name is required")).toBeVisible();
  await expect(page.getByText("Last name is required")).toBeVisible();

  await page.getByLabel("First name", { exact: true }).fill("Dup");
  await page.getByLabel("Last name", { exact: true }).fill("Licate");
  await page.getByLabel("Email", { exact: true }).fill("nope@");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();

  // Passes the browser's checks; the server refuses the duplicate and says which field.
  await page.getByLabel("Email", { exact: true }).fill(existing.email.toUpperCase());
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Another client in this practice already uses this email")).toBeVisible();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");

  const rows = await db.select().from(schema.clients).where(and(eq(schema.clients.practiceId, practice.id)));
  expect(rows).toHaveLength(1);
});
