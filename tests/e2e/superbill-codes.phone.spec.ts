import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import { createBookableService, createPractice, db, expect, test } from "./fixtures";

// Issue 11, problem 13: booking never asked for what a superbill needs.
test("booking a superbill service on a phone asks for date of birth and address, with field errors on bad input", async ({ page }) => {
  const practice = await createPractice("pelvic_pt");
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Pelvic PT follow-up" });
  await db.insert(schema.serviceBilling).values({ practiceId: practice.id, serviceId: service.id, paymentMode: "none", asksSuperbillDetails: true });
  await db.insert(schema.serviceCptLines).values({ practiceId: practice.id, serviceId: service.id, position: 0, code: "97110", units: 2, modifiers: ["GP"] });

  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Pelvic PT follow-up/ }).click();
  await page.getByRole("region", { name: /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+$/ }).getByRole("button").first().click();
  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  const email = `nora-${practice.slug}@e2e.tandem.test`;
  await page.getByLabel("You: first name").fill("Nora");
  await page.getByLabel("You: last name").fill("Quinn");
  await page.getByLabel("You: email").fill(email);
  const details = page.getByRole("group", { name: "For your superbill" });
  await expect(details).toBeVisible();
  await details.getByLabel("Date of birth").fill("2999-01-01");
  await details.getByLabel("Postal code").fill("#!");
  await details.getByLabel("Country").fill("USA");
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(details.getByText("Enter a real date of birth in the past, e.g. 1990-04-21")).toBeVisible();
  await expect(details.getByText("Address line 1 is required")).toBeVisible();
  await expect(details.getByText("City is required")).toBeVisible();
  await expect(details.getByText("Enter a postal code of letters, digits, spaces or dashes")).toBeVisible();
  await expect(details.getByText("Country: use the two-letter code, e.g. US")).toBeVisible();
  await expect(details.getByLabel("Address line 1")).toHaveAttribute("aria-invalid", "true");
  await expectAxeClean(page, "the details step with errors");
  await expectNoSidewaysScroll(page, "the details step");
  // Nothing was booked.
  expect(await db.select().from(schema.clients).where(eq(schema.clients.email, email))).toEqual([]);

  await details.getByLabel("Date of birth").fill("1989-06-02");
  await details.getByLabel("Address line 1").fill("2210 N Halsted St");
  await details.getByLabel("City").fill("Chicago");
  await details.getByLabel("State or region").fill("IL");
  await details.getByLabel("Postal code").fill("60614");
  await details.getByLabel("Country").fill("US");
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  const [client] = await db.select().from(schema.clients).where(eq(schema.clients.email, email));
  expect(client).toMatchObject({ dateOfBirth: "1989-06-02", addressLine1: "2210 N Halsted St", city: "Chicago", region: "IL", postalCode: "60614", country: "US" });
});
