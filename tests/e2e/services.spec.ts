import { asc, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createMember, createPractice, db, expect, signInAs, test } from "./fixtures";

test("an owner creates a priced couples service with a clinician and sees it listed", async ({ page }) => {
  const practice = await createPractice();
  const clinician = await createMember(practice.id, "clinician");
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/settings`);
  await page.getByRole("link", { name: "Open services" }).click();
  await expect(page.getByRole("heading", { name: "No services yet" })).toBeVisible();
  await page.getByRole("link", { name: "New service" }).click();

  const name = `Couples session ${practice.slug}`;
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Duration (minutes)", { exact: true }).fill("50");
  await page.getByLabel("Who attends", { exact: true }).selectOption("couple");
  // A US practice starts in dollars.
  await expect(page.getByLabel("Currency", { exact: true })).toHaveValue("USD");
  await page.getByLabel("Price", { exact: true }).fill("190");
  await page.getByLabel("Late-cancel fee", { exact: true }).fill("95");
  await page.getByLabel("Buffer after (minutes)", { exact: true }).fill("10");
  await page.getByLabel(clinician.displayName, { exact: true }).check();
  await page.getByRole("button", { name: "Create service" }).click();

  await expect(page).toHaveURL(new RegExp(`/clinic/${practice.slug}/settings/services$`));
  const item = page.getByRole("list", { name: "Active services" }).getByRole("listitem").filter({ hasText: name });
  await expect(item).toContainText("50 min · Online video · Couple");
  await expect(item).toContainText("$190 · Pay at the session");
  await expect(item).toContainText(`Offered by ${clinician.displayName}`);

  const [service] = await db.select().from(schema.services).where(eq(schema.services.practiceId, practice.id));
  expect(service).toMatchObject({ name, priceCents: 19_000, lateCancelFeeCents: 9_500, bufferAfterMinutes: 10, attendance: "couple", currency: "USD" });
  const links = await db.select().from(schema.serviceClinicians).where(eq(schema.serviceClinicians.serviceId, service!.id));
  expect(links.map((l) => l.memberId)).toEqual([clinician.memberId]);

  // Archive it from the list: it moves to the archived list.
  await item.getByRole("button", { name: `Archive ${name}` }).click();
  await expect(page.getByRole("list", { name: "Archived services" }).getByText(name)).toBeVisible();
  await expect(page.getByRole("list", { name: "Active services" })).toHaveCount(0);
});

test("bad service input shows messages next to the fields and saves nothing", async ({ page }) => {
  const practice = await createPractice();
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/settings/services/new`);

  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText("Name is required")).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(`Bad input ${practice.slug}`);
  await page.getByLabel("Duration (minutes)", { exact: true }).fill("500");
  await page.getByLabel("Price", { exact: true }).fill("abc");
  await page.getByLabel("Slot step (minutes)", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText("Duration must be between 5 and 480 minutes")).toBeVisible();
  await expect(page.getByText("Price must be an amount like 190 or 190.50")).toBeVisible();
  await expect(page.getByText("Slot step must be between 5 and 240 minutes")).toBeVisible();
  await expect(page.getByLabel("Duration (minutes)", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // Valid as a form; the server refuses in person without a location and says which field.
  await page.getByLabel("Duration (minutes)", { exact: true }).fill("60");
  await page.getByLabel("Price", { exact: true }).fill("120.50");
  await page.getByLabel("Slot step (minutes)", { exact: true }).fill("15");
  await page.getByLabel("Format", { exact: true }).selectOption("in_person");
  await page.getByRole("button", { name: "Create service" }).click();
  await expect(page.getByText(/In-person services need a location/)).toBeVisible();
  await expect(page.getByLabel("Format", { exact: true })).toHaveAttribute("aria-invalid", "true");

  const rows = await db.select().from(schema.services).where(eq(schema.services.practiceId, practice.id));
  expect(rows).toHaveLength(0);
});

test("a clinician edits their weekly hours and sees them after a reload", async ({ page }) => {
  const practice = await createPractice();
  const clinician = await createMember(practice.id, "clinician");
  await signInAs(page, clinician.userId);
  await page.goto(`/clinic/${practice.slug}/settings`);
  await page.getByRole("link", { name: "Open availability" }).click();
  await expect(page.getByRole("heading", { name: "Availability", level: 1 })).toBeVisible();
  await expect(page.getByText(/No weekly hours yet/)).toBeVisible();
  // A clinician sees no practice closures and no team member picker.
  await expect(page.getByRole("heading", { name: "Practice closures" })).toHaveCount(0);
  await expect(page.getByLabel("Team member", { exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Add hours" }).click();
  const first = page.getByRole("group", { name: "Row 1", exact: true });
  await first.getByLabel("Day", { exact: true }).selectOption({ label: "Tuesday" });
  await first.getByLabel("Start", { exact: true }).fill("09:00");
  await first.getByLabel("End", { exact: true }).fill("17:00");
  await page.getByRole("button", { name: "Add hours" }).click();
  const second = page.getByRole("group", { name: "Row 2", exact: true });
  await second.getByLabel("Day", { exact: true }).selectOption({ label: "Tuesday" });
  await second.getByLabel("Start", { exact: true }).fill("16:00");
  await second.getByLabel("End", { exact: true }).fill("18:00");
  await page.getByRole("button", { name: "Save weekly hours" }).click();
  await expect(second.getByText("Row 2 overlaps row 1 (Tuesday 09:00–17:00)")).toBeVisible();

  // Evening hours for parents, after bedtime, in the clinician's own zone.
  await second.getByLabel("Start", { exact: true }).fill("19:00");
  await second.getByLabel("End", { exact: true }).fill("21:30");
  await page.getByLabel("Time zone", { exact: true }).selectOption("Europe/London");
  await page.getByRole("button", { name: "Save weekly hours" }).click();
  await expect(page.getByText("Weekly hours saved.")).toBeVisible();

  await page.reload();
  await expect(page.getByText("Your weekly hours, in Europe/London.")).toBeVisible();
  await expect(page.getByLabel("Time zone", { exact: true })).toHaveValue("Europe/London");
  const rows = page.getByRole("group", { name: /^Row \d+$/ });
  await expect(rows).toHaveCount(2);
  await expect(first.getByLabel("Day", { exact: true })).toHaveValue("2");
  await expect(first.getByLabel("Start", { exact: true })).toHaveValue("09:00");
  await expect(first.getByLabel("End", { exact: true })).toHaveValue("17:00");
  await expect(second.getByLabel("Day", { exact: true })).toHaveValue("2");
  await expect(second.getByLabel("Start", { exact: true })).toHaveValue("19:00");
  await expect(second.getByLabel("End", { exact: true })).toHaveValue("21:30");

  const saved = await db
    .select({ weekday: schema.availabilityRules.weekday, start: schema.availabilityRules.startMinute, end: schema.availabilityRules.endMinute, zone: schema.availabilityRules.timeZone })
    .from(schema.availabilityRules)
    .where(eq(schema.availabilityRules.memberId, clinician.memberId))
    .orderBy(asc(schema.availabilityRules.startMinute));
  expect(saved).toEqual([
    { weekday: 2, start: 540, end: 1020, zone: "Europe/London" },
    { weekday: 2, start: 1140, end: 1290, zone: "Europe/London" },
  ]);
});

test.describe("what a clinician may not open", () => {
  // The 404 pages below log Chromium's "Failed to load resource" line; nothing else is allowed.
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test("a clinician cannot open a colleague's hours or the services form", async ({ page }) => {
    const practice = await createPractice();
    const clinician = await createMember(practice.id, "clinician");
    const colleague = await createMember(practice.id, "clinician");
    await signInAs(page, clinician.userId);
    // They can see the services list, without the buttons that change it.
    await page.goto(`/clinic/${practice.slug}/settings/services`);
    await expect(page.getByRole("heading", { name: "Services", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: "New service" })).toHaveCount(0);

    for (const path of [`/clinic/${practice.slug}/settings/services/new`, `/clinic/${practice.slug}/settings/availability?member=${colleague.memberId}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});
