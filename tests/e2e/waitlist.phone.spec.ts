import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { expectCleanOnPhone } from "./a11y";
import { createBookableService, createClient, createPractice, db, emailsTo, expect, phoneAs, test } from "./fixtures";

const ZONE = "America/New_York";

/**
 * Issue 14's "a waitlisted couple takes a freed slot", on phones: one partner
 * joins from the booking page's "Nothing suits?" link for mornings on one
 * weekday; another couple cancels that morning from their manage link; each
 * partner is emailed their own offer within seconds; the other partner takes
 * it; the staff page shows the outcome. Nobody sees who cancelled.
 */
test("a waitlisted couple takes a freed slot: one partner joins, the other books the offer; neither sees the couple who cancelled", async ({ browser, request }) => {
  test.slow();
  const practice = await createPractice("couples_therapy");
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "couple", name: "Couples session" });
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");
  const [x, y] = [ana.id, ben.id].sort() as [string, string];
  await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });

  // Another couple holds 10:00 three days from now, booked through the public routes.
  const start = DateTime.now().setZone(ZONE).plus({ days: 3 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  const weekday = start.setLocale("en-US").toFormat("cccc");
  const cyEmail = `cy-${practice.slug}@e2e.tandem.test`;
  const hold = await (await request.post(`/api/book/${practice.slug}/holds`, { data: { serviceId: service.id, clinicianId: "any", start: start.toUTC().toISO() } })).json();
  expect(hold.holdToken).toBeTruthy();
  const confirmed = await request.post(`/api/book/${practice.slug}/confirm`, {
    data: {
      holdToken: hold.holdToken,
      agreePolicy: true,
      attendees: [
        { firstName: "Cyrus", lastName: "Quill", email: cyEmail },
        { firstName: "Delphine", lastName: "Quill", email: `dee-${practice.slug}@e2e.tandem.test` },
      ],
    },
  });
  expect(confirmed.status()).toBe(200);

  // Ana, on her phone, finds nothing that suits and follows the link to the waitlist.
  const page = await phoneAs(browser, ana.userId);
  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Couples session/ }).click();
  await expect(page.getByRole("heading", { name: "Choose a time" })).toBeVisible();
  await page.getByRole("link", { name: "Join the waitlist" }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/${ana.id}/waitlist\\?service=${service.id}$`));
  await expect(page.getByLabel("Service")).toHaveValue(service.id);
  await expect(page.getByText("You are not on the waitlist.")).toBeVisible();
  await expect(page.getByText(/both partners share one place in line/)).toBeVisible();

  // Half a range is refused beside the field and saves nothing.
  await page.getByLabel("Starting from").fill("09:00");
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByText("Enter both times of the range, or neither")).toBeVisible();
  await expectCleanOnPhone(page, "the join form with an error");
  expect(await db.select().from(schema.waitlistEntries).where(eq(schema.waitlistEntries.practiceId, practice.id))).toEqual([]);

  await page.getByLabel("Starting from").fill("");
  await page.getByRole("checkbox", { name: weekday }).check();
  await page.getByRole("checkbox", { name: "Morning, before noon" }).check();
  await page.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByRole("status")).toHaveText("You're on the waitlist. We'll email you when a time that suits opens.");
  const waiting = page.getByRole("list", { name: "Where you are waiting" });
  await expect(waiting).toContainText("Couples session, any clinician, together");
  await expect(waiting).toContainText(`${weekday}s, mornings (before noon)`);
  await expectCleanOnPhone(page, "the waitlist after joining");
  await page.context().close();

  // The other couple cancels from their manage link.
  await expect.poll(async () => (await emailsTo(cyEmail)).length, { timeout: 15_000 }).toBeGreaterThan(0);
  const [confirmation] = await emailsTo(cyEmail);
  const manage = confirmation!.text!.match(/https?:\/\/\S+\/manage\/[A-Za-z0-9._~-]+/)![0];
  const other = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await other.goto(manage);
  await other.getByRole("button", { name: "Cancel session" }).click();
  await other.getByRole("alertdialog").getByRole("button", { name: "Cancel the session" }).click();
  await expect(other.getByText("Your session is cancelled.")).toBeVisible();
  await other.close();

  // Each partner gets an offer of their own, to them alone, within seconds (the cancellation kicks the waitlist).
  const offerTo = async (email: string) => (await emailsTo(email)).find((m) => m.template === "waitlist-offer");
  await expect.poll(async () => Boolean((await offerTo(ana.email)) && (await offerTo(ben.email))), { timeout: 30_000 }).toBe(true);
  const benOffer = (await offerTo(ben.email))!;
  const anaOffer = (await offerTo(ana.email))!;
  const link = (m: { text: string | null }) => m.text!.match(/https?:\/\/\S+\/waitlist\/offer\/[A-Za-z0-9._~%-]+/)![0];
  expect(link(benOffer)).not.toBe(link(anaOffer));
  for (const m of [benOffer, anaOffer]) {
    expect(m.text).not.toMatch(/Cyrus|Delphine|Quill/);
    expect(m.text).toContain(weekday);
  }

  // Ben takes it from his email on his phone.
  const benPage = await phoneAs(browser, ben.userId);
  await benPage.goto(link(benOffer));
  await expect(benPage.getByRole("heading", { name: "A time opened for you" })).toBeVisible();
  await expect(benPage.getByText(new RegExp(`Couples session with .*${weekday}`))).toBeVisible();
  await expect(benPage.locator("main")).not.toContainText(/Cyrus|Delphine|Quill/);
  await expectCleanOnPhone(benPage, "the offer");
  await benPage.getByRole("button", { name: "Book this time" }).click();
  await expect(benPage.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(benPage.getByRole("status")).toContainText("Done: the time is yours.");

  const booked = await db
    .select()
    .from(schema.appointments)
    .where(and(eq(schema.appointments.practiceId, practice.id), eq(schema.appointments.status, "confirmed")));
  expect(booked).toHaveLength(1);
  expect(booked[0]!.startsAt.getTime()).toBe(start.toMillis());
  const attendees = await db.select().from(schema.appointmentAttendees).where(eq(schema.appointmentAttendees.appointmentId, booked[0]!.id));
  expect(attendees.map((a) => a.clientId).sort()).toEqual([ana.id, ben.id].sort());
  const [entry] = await db.select().from(schema.waitlistEntries).where(eq(schema.waitlistEntries.practiceId, practice.id));
  expect(entry).toMatchObject({ status: "booked", bookedAppointmentId: booked[0]!.id });

  // Ana's link now says it is booked; her waitlist lists the place as done.
  await benPage.goto(link(anaOffer));
  await expect(benPage.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await benPage.context().close();

  // The front desk's view on a phone: the entry booked, the offer's outcome.
  const staff = await phoneAs(browser, practice.owner.userId);
  await staff.goto(`/clinic/${practice.slug}/waitlist`);
  const entries = staff.getByRole("list", { name: "Waitlist entries" });
  await expect(entries).toContainText(`Ana ${ana.lastName} and partner · Couples session · booked`);
  await expect(entries.getByRole("list", { name: "Offers" })).toContainText(/: booked$/);
  await expectCleanOnPhone(staff, "the staff waitlist");
  await staff.context().close();
});
