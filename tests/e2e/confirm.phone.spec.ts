import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createBookableService, createPractice, db, emailsTo, expect, test } from "./fixtures";
import { expectAxeClean } from "./a11y";

// Issue 11, problem 6 (decision 0034), on a couple's phone: a tap on a time in the manage link asks first,
// naming the new time and both partners who will be emailed; nothing moves or is sent until confirmed.

function firstFreeTime(page: Page) {
  return page.getByRole("region", { name: /^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+$/ }).getByRole("button").first();
}

async function noSerious(page: Page, where: string) {
  await expectAxeClean(page, where, { only: "serious" });
}

test("a tap on a time in the manage link opens the confirm; nothing is emailed until the couple confirms", async ({ page, request }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "couple", name: "Couples session" });
  const ana = `ana-${practice.slug}@e2e.tandem.test`;
  const ben = `ben-${practice.slug}@e2e.tandem.test`;
  const from = new Date(Date.now() + 3 * 86_400_000);
  const slots = await (await request.get(`/api/book/${practice.slug}/slots?service=${service.id}&from=${from.toISOString()}&to=${new Date(from.getTime() + 86_400_000).toISOString()}`)).json();
  const hold = await (await request.post(`/api/book/${practice.slug}/holds`, { data: { serviceId: service.id, clinicianId: "any", start: slots.slots[0].start } })).json();
  const confirmed = await request.post(`/api/book/${practice.slug}/confirm`, {
    data: { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "Ana", lastName: "Reyes", email: ana }, { firstName: "Ben", lastName: "Reyes", email: ben }] },
  });
  expect(confirmed.status()).toBe(200);
  await expect.poll(async () => (await emailsTo(ben)).length, { timeout: 15_000 }).toBe(1);
  await expect.poll(async () => (await emailsTo(ana)).length, { timeout: 15_000 }).toBe(1);
  const [confirmation] = await emailsTo(ana);
  const link = confirmation!.text!.match(/https?:\/\/\S+\/manage\/[A-Za-z0-9._~-]+/)![0];
  const [before] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));

  await page.goto(link);
  await page.getByRole("button", { name: "Reschedule" }).click();
  await page.getByRole("button", { name: "Later" }).click();
  const time = firstFreeTime(page);
  await time.click();
  const ask = page.getByRole("alertdialog", { name: "Move your session?" });
  await expect(ask).toContainText("You and Ben Reyes are emailed an updated invitation.");
  await expect(ask).toContainText("Nothing is charged or refunded.");
  await expect(ask.getByRole("button", { name: /^Move to / })).toBeVisible();
  await noSerious(page, "manage-link move dialog");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Not yet: the tap alone moved nothing and emailed no one.
  const [still] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, before!.id));
  expect(still!.startsAt.getTime()).toBe(before!.startsAt.getTime());
  expect(still!.sequence).toBe(0);
  await ask.getByRole("button", { name: "Keep the current time" }).click();
  await expect(ask).toHaveCount(0);
  expect((await emailsTo(ana)).map((m) => m.template)).toEqual(["booking-confirmation"]);
  expect((await emailsTo(ben)).map((m) => m.template)).toEqual(["booking-confirmation"]);

  await time.click();
  await ask.getByRole("button", { name: /^Move to / }).click();
  await expect(page.getByText(/^Moved to /)).toBeVisible();
  const [moved] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, before!.id));
  expect(moved!.sequence).toBe(1);
  expect(moved!.startsAt.getTime()).not.toBe(before!.startsAt.getTime());
  for (const to of [ana, ben]) await expect.poll(async () => (await emailsTo(to))[0]?.template, { timeout: 15_000 }).toBe("booking-rescheduled");

  // Cancelling asks too, and says what the money does and who hears.
  await page.getByRole("button", { name: "Cancel session" }).click();
  const cancel = page.getByRole("alertdialog", { name: "Cancel this session?" });
  await expect(cancel).toContainText("There is no charge for cancelling now.");
  await expect(cancel).toContainText("You and Ben Reyes are emailed that it is cancelled.");
  await noSerious(page, "manage-link cancel dialog");
  await cancel.getByRole("button", { name: "Keep my session" }).click();
  const [kept] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, before!.id));
  expect(kept!.status).toBe("confirmed");
});
