import { DateTime } from "luxon";
import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createBookableService, createClient, createPractice, db, emailsTo, expect, signInAs, test } from "./fixtures";

const ZONE = "America/New_York";

test("a session booked online shows in the clinician's week view, and staff cancel it", async ({ page, request }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  const email = `dana-${practice.slug}@e2e.tandem.test`;
  const from = DateTime.now().setZone(ZONE).plus({ days: 3 }).startOf("day");
  const slots = await (
    await request.get(`/api/book/${practice.slug}/slots?service=${service.id}&from=${from.toUTC().toISO()}&to=${from.plus({ days: 1 }).toUTC().toISO()}`)
  ).json();
  const start: string = slots.slots[0].start;
  const hold = await (await request.post(`/api/book/${practice.slug}/holds`, { data: { serviceId: service.id, clinicianId: "any", start } })).json();
  const confirmed = await request.post(`/api/book/${practice.slug}/confirm`, {
    data: { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "Dana", lastName: "Okafor", email }] },
  });
  expect(confirmed.status()).toBe(200);

  await signInAs(page, practice.owner.userId);
  const date = DateTime.fromISO(start, { zone: ZONE }).toISODate()!;
  await page.goto(`/clinic/${practice.slug}/schedule?view=week&date=${date}`);
  const day = page.getByRole("region", { name: new RegExp(DateTime.fromISO(date).toFormat("d LLLL")) });
  const booking = day.getByRole("link", { name: /Individual session/ });
  await expect(booking).toContainText("Dana Okafor");
  await expect(booking).toContainText(DateTime.fromISO(start, { zone: ZONE }).toFormat("h:mm a"));
  await expect(booking).toContainText("Confirmed");

  await booking.click();
  await expect(page.getByRole("heading", { name: "Individual session", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Dana Okafor" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByText("no fee applies")).toBeVisible();
  await page.getByRole("button", { name: "Confirm cancellation" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expect(page.getByText("it can no longer be moved or cancelled")).toBeVisible();

  const [row] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  expect(row!.status).toBe("cancelled");
  const [latest] = await emailsTo(email);
  expect(latest?.template).toBe("booking-cancelled");
});

test("staff book an existing client from the schedule, and record a past session as a no-show", async ({ page }) => {
  const practice = await createPractice();
  await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Follow-up" });
  const client = await createClient(practice.id, "Esme");
  await signInAs(page, practice.owner.userId);

  const date = DateTime.now().setZone(ZONE).plus({ days: 2 }).toISODate()!;
  await page.goto(`/clinic/${practice.slug}/schedule/new?date=${date}`);
  await page.getByLabel("Service").selectOption({ label: "Follow-up · 50 min · Online video · Individual" });
  await page.getByLabel("Find a client").fill("Esme");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("list", { name: "Matching clients" }).getByRole("button", { name: /Esme/ }).click();
  await expect(page.getByRole("group", { name: /^Client/ })).toContainText(`Booking for Esme ${client.lastName}`);
  const firstTime = page.getByRole("list", { name: "Free times" }).getByRole("radio").first();
  const label = (await firstTime.getAttribute("aria-label")) ?? (await firstTime.evaluate((el) => el.closest("label")?.textContent ?? ""));
  await firstTime.check();
  await page.getByRole("button", { name: "Book appointment" }).click();

  await expect(page.getByRole("status")).toContainText(`Booked Follow-up for Esme ${client.lastName}`);
  const booked = page.getByRole("link", { name: /Follow-up/ });
  await expect(booked).toContainText(label);
  await expect(booked).toContainText("Confirmed");
  const [message] = await emailsTo(client.email);
  expect(message?.template).toBe("booking-confirmation");

  // A session that has already started can be recorded as a no-show.
  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  const startsAt = new Date(Date.now() - 2 * 60 * 60 * 1000);
  const endsAt = new Date(startsAt.getTime() + 50 * 60 * 1000);
  await db
    .update(schema.appointments)
    .set({ startsAt, endsAt, blockedFrom: startsAt, blockedTo: new Date(endsAt.getTime() + 10 * 60 * 1000) })
    .where(eq(schema.appointments.id, appointment!.id));
  await page.goto(`/clinic/${practice.slug}/schedule/${appointment!.id}`);
  await page.getByRole("button", { name: "Mark no-show" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Mark no-show" }).click();
  // The service has a no-show fee: the page no longer says "nothing more to do" beside the Charge button (issue 11, problem 7).
  await expect(page.getByText("The no-show fee ($190) is not paid yet")).toBeVisible();
  const [after] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, appointment!.id));
  expect(after!.status).toBe("no_show");
});
