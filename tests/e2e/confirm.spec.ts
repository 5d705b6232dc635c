import type { APIRequestContext, Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { createBookableService, createMember, createPractice, db, emailsTo, expect, signInAs, test } from "./fixtures";
import { expectAxeClean } from "./a11y";

// Issue 11, problems 6 and 7 (decision 0034), for staff at a desk: the moves that cannot be undone ask once,
// saying what will happen; cancelling the dialog changes nothing; the page never says "nothing more to do"
// beside a Charge button.

const ZONE = "America/New_York";

async function noSerious(page: Page, where: string) {
  await expectAxeClean(page, where, { only: "serious" });
}

async function bookOnline(request: APIRequestContext, slug: string, serviceId: string, email: string) {
  const from = DateTime.now().setZone(ZONE).plus({ days: 3 }).startOf("day");
  const slots = await (await request.get(`/api/book/${slug}/slots?service=${serviceId}&from=${from.toUTC().toISO()}&to=${from.plus({ days: 1 }).toUTC().toISO()}`)).json();
  const hold = await (await request.post(`/api/book/${slug}/holds`, { data: { serviceId, clinicianId: "any", start: slots.slots[0].start } })).json();
  const confirmed = await request.post(`/api/book/${slug}/confirm`, { data: { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "Noor", lastName: "Vale", email }] } });
  expect(confirmed.status()).toBe(200);
  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.serviceId, serviceId));
  return appointment!;
}

test("no-show and its fee each ask first, saying what happens; Escape or Cancel changes nothing; the page never says 'nothing more to do' beside Charge", async ({ page, request }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  const email = `noor-${practice.slug}@e2e.tandem.test`;
  const appointment = await bookOnline(request, practice.slug, service.id, email);
  // The session took place two hours ago.
  const startsAt = new Date(Date.now() - 2 * 3_600_000);
  await db
    .update(schema.appointments)
    .set({ startsAt, endsAt: new Date(startsAt.getTime() + 50 * 60_000), blockedFrom: startsAt, blockedTo: new Date(startsAt.getTime() + 60 * 60_000) })
    .where(eq(schema.appointments.id, appointment.id));
  const templates = async () => (await emailsTo(email)).map((m) => m.template).sort();
  await expect.poll(templates, { timeout: 15_000 }).toEqual(["booking-confirmation"]);

  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/schedule/${appointment.id}`);
  await page.getByRole("button", { name: "Mark no-show" }).click();
  const ask = page.getByRole("alertdialog", { name: "Mark this session as a no-show?" });
  await expect(ask).toContainText("Nothing is charged yet: the no-show fee ($190)");
  await expect(ask).toContainText("No one is emailed.");
  await noSerious(page, "no-show dialog");
  await page.keyboard.press("Escape");
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark no-show" })).toBeFocused();
  const [still] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, appointment.id));
  expect(still!.status).toBe("confirmed");

  await page.getByRole("button", { name: "Mark no-show" }).click();
  await ask.getByRole("button", { name: "Mark no-show" }).click();
  await expect(page.getByText("Marked as a no-show.")).toBeVisible();
  // A fee can still be charged: the page says so instead of "nothing more to do".
  await expect(page.getByText("The no-show fee ($190) is not paid yet: charge it under Payments.")).toBeVisible();
  await expect(page.getByText("nothing more to do")).toHaveCount(0);

  // No card on file: the dialog says nothing will be charged and what will be recorded and emailed.
  await page.getByRole("button", { name: "Charge no-show fee ($190)" }).click();
  const charge = page.getByRole("alertdialog", { name: "No card on file for Noor Vale" });
  await expect(charge).toContainText("Nothing is charged: the no-show fee for the session on");
  await expect(charge).toContainText("Noor Vale is emailed that $190 is due.");
  await noSerious(page, "charge dialog");
  await charge.getByRole("button", { name: "Cancel" }).click();
  await expect(charge).toHaveCount(0);
  expect(await db.select().from(schema.fees).where(eq(schema.fees.appointmentId, appointment.id))).toEqual([]);

  await page.getByRole("button", { name: "Charge no-show fee ($190)" }).click();
  await charge.getByRole("button", { name: "Record $190 as owed" }).click();
  await expect(page.getByText("No card on file: $190 is now an outstanding balance")).toBeVisible();
  const [fee] = await db.select().from(schema.fees).where(and(eq(schema.fees.appointmentId, appointment.id), eq(schema.fees.kind, "no_show")));
  expect(fee!.status).toBe("open");
  // Marking the no-show emailed no one; only the fee notice follows, and it does not speak of a declined card.
  await expect.poll(templates, { timeout: 15_000 }).toEqual(["billing-fee-due", "booking-confirmation"]);
  const [notice] = await emailsTo(email);
  expect(notice!.template).toBe("billing-fee-due");
  expect(notice!.text).toContain("There is no card on file, so nothing was charged");
  expect(notice!.text).not.toMatch(/declined/i);
});

test("staff move and cancel ask first, naming the new time and who is emailed; Keep changes nothing", async ({ page, request }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  const email = `noor-${practice.slug}@e2e.tandem.test`;
  const appointment = await bookOnline(request, practice.slug, service.id, email);
  await expect.poll(async () => (await emailsTo(email)).length, { timeout: 15_000 }).toBe(1);
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/schedule/${appointment.id}`);

  await page.getByRole("button", { name: "Reschedule" }).click();
  const time = page.getByRole("list", { name: "Free times" }).getByRole("radio").nth(1);
  await time.check();
  await page.getByRole("button", { name: /^Move to / }).click();
  const move = page.getByRole("alertdialog", { name: "Move this appointment?" });
  await expect(move).toContainText("Noor Vale is emailed an updated invitation.");
  await noSerious(page, "move dialog");
  await move.getByRole("button", { name: "Keep current time" }).click();
  await expect(move).toHaveCount(0);
  const [same] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, appointment.id));
  expect(same!.startsAt.getTime()).toBe(appointment.startsAt.getTime());
  // Back from the picker to the appointment's buttons.
  await page.getByRole("button", { name: "Keep current time" }).click();

  await page.getByRole("button", { name: "Cancel appointment" }).click();
  const cancel = page.getByRole("alertdialog", { name: "Cancel this appointment?" });
  await expect(cancel).toContainText("no fee applies");
  await expect(cancel).toContainText("Nothing is charged or refunded.");
  await expect(cancel).toContainText("Noor Vale is emailed that it is cancelled.");
  await noSerious(page, "cancel dialog");
  await cancel.getByRole("button", { name: "Keep appointment" }).click();
  const [kept] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, appointment.id));
  expect(kept!.status).toBe("confirmed");
  expect((await emailsTo(email)).map((m) => m.template)).toEqual(["booking-confirmation"]);
});

test("removing a team member asks once, naming them; Cancel keeps them", async ({ page }) => {
  const practice = await createPractice();
  const other = await createMember(practice.id, "clinician");
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/settings/team`);
  const row = page.getByRole("listitem").filter({ hasText: other.displayName });
  await row.getByRole("button", { name: "Remove" }).click();
  const ask = page.getByRole("alertdialog", { name: `Remove ${other.displayName} from the team?` });
  await expect(ask).toContainText("No one is emailed.");
  await noSerious(page, "remove dialog");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: other.displayName })).toHaveCount(1);
  const [member] = await db.select().from(schema.members).where(eq(schema.members.id, other.memberId));
  expect(member).toBeTruthy();
});
