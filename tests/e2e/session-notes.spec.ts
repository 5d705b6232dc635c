import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { expectAxeClean } from "./a11y";
import { createBookableService, createClient, createMember, createPractice, db, expect, signInAs, test } from "./fixtures";

// Issue 13, "Session notes": a therapist writes and signs a couples note from the schedule, adds an
// addendum; the front desk sees only that the note is signed.
test("a therapist writes and signs a couples note from the schedule, adds an addendum; the front desk sees only that it is signed", async ({ page }) => {
  const practice = await createPractice("couples_therapy");
  const therapist = await createMember(practice.id, "clinician");
  const desk = await createMember(practice.id, "front_desk");
  const service = await createBookableService(practice.id, therapist.memberId, { attendance: "couple", name: "Couples session" });
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");
  const [x, y] = [ana.id, ben.id].sort() as [string, string];
  await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });
  const startsAt = new Date(Date.now() - 3 * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [session] = await db
    .insert(schema.appointments)
    .values({ practiceId: practice.id, serviceId: service.id, memberId: therapist.memberId, format: "online", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status: "completed", priceCents: 19000, currency: "USD" })
    .returning();
  await db.insert(schema.appointmentAttendees).values([ana, ben].map((c) => ({ practiceId: practice.id, appointmentId: session!.id, clientId: c.id })));

  await signInAs(page, therapist.userId);
  // The schedule flags the session without a note, and leads to it.
  await page.goto(`/clinic/${practice.slug}/schedule?view=day&date=${startsAt.toLocaleDateString("en-CA", { timeZone: "America/New_York" })}`);
  const notice = page.getByText("1 session shown without a signed note");
  await expect(notice).toBeVisible();
  await notice.click();
  await page.locator("details", { has: notice }).getByRole("link", { name: new RegExp(`Ana ${ana.lastName}`) }).click();
  await page.waitForURL(`**/schedule/${session!.id}`);

  // One joint note, from the couples template by default; it opens with who came and the service.
  await expect(page.getByText("One joint note for the couple.")).toBeVisible();
  await expect(page.getByLabel("Template")).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Start note" }).click();
  await expect(page.getByLabel("Who attended", { exact: true })).toHaveValue(`Ana ${ana.lastName} & Ben ${ben.lastName}`);
  await expect(page.getByLabel("Service", { exact: true })).toHaveValue("Couples session, 50 min");
  await page.getByLabel("The cycle", { exact: true }).fill("She pursues when he goes quiet after the children's bedtime");
  await page.getByLabel("Homework given", { exact: true }).fill("A ten-minute check-in each evening");
  await expect(page.getByRole("status").filter({ hasText: /^Saved at/ })).toBeVisible();
  await expectAxeClean(page, "the note editor");

  await page.getByRole("button", { name: "Sign note" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign note" }).click();
  await expect(page.getByText(/signed by Member .* on/)).toBeVisible();
  await expect(page.getByText("She pursues when he goes quiet after the children's bedtime")).toBeVisible();
  const [note] = await db.select().from(schema.sessionNotes).where(eq(schema.sessionNotes.appointmentId, session!.id));
  expect(note).toMatchObject({ status: "signed", clientId: expect.any(String), partnerClientId: expect.any(String) });

  // A correction is an addendum: why and what, shown in order.
  await page.getByRole("button", { name: "Add addendum" }).click();
  await expect(page.getByText("Say why you are adding this")).toBeVisible();
  await page.getByLabel("Why", { exact: true }).fill("Late entry");
  await page.getByLabel("Addendum", { exact: true }).fill("Ben called afterwards to say the check-in felt hopeful");
  await page.getByRole("button", { name: "Add addendum" }).click();
  await expect(page.getByRole("region", { name: "Addenda" }).getByText("Ben called afterwards to say the check-in felt hopeful")).toBeVisible();
  await expectAxeClean(page, "the signed note");

  // Homework given in the session is a real assignment, recorded on the note and listed under it.
  await page.getByRole("link", { name: "Assign homework from this session" }).click();
  await expect(page.getByText(/· from the session note$/)).toBeVisible();
  await page.getByLabel("Exercise or program").selectOption({ label: "The six-second hello" });
  await page.getByLabel("Times per week").fill("5");
  await page.getByLabel("Weeks", { exact: true }).fill("2");
  await page.getByRole("button", { name: "Assign homework" }).click();
  await page.waitForURL(`**/schedule/${session!.id}`);
  await expect(page.getByRole("region", { name: "Homework from this session" }).getByText(/^The six-second hello · until /)).toBeVisible();
  const [given] = await db.select().from(schema.assignments).where(eq(schema.assignments.noteId, note!.id));
  expect(given).toMatchObject({ mode: "together", timesPerWeek: 5, weeks: 2 });

  // The front desk: "Note signed", and not a word of it.
  await page.context().clearCookies();
  await signInAs(page, desk.userId);
  await page.goto(`/clinic/${practice.slug}/schedule/${session!.id}`);
  await expect(page.getByText("Note signed")).toBeVisible();
  await expect(page.getByText("She pursues")).toHaveCount(0);
  await expect(page.getByText("Ben called afterwards")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add addendum" })).toHaveCount(0);
});
