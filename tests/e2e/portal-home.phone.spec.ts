import { and, eq, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { createBookableService, createClient, createPractice, db, expect, signInAs, test } from "./fixtures";
import { expectAxeClean } from "./a11y";

/**
 * Issue 11, problem 11 (decision 0035): the client's portal home on a phone,
 * ordered by what is due — forms to do, payments due, the next session with
 * its join link, homework — with past, cancelled and no-show sessions in a
 * list of their own; a 60-character address wraps inside its card; every
 * date reads one way ("Wednesday 2 December").
 */

const MINUTE = 60_000;
const WEEKDAY_DATE = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} $/;
const FULL_MONTH = /^(January|February|March|April|May|June|July|August|September|October|November|December)$/;

test("the portal home leads with what is due, keeps cancelled sessions out of Upcoming, shows the balance, wraps a long address and writes dates one way", async ({ page }) => {
  const practice = await createPractice("couples_therapy");
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  const kim = await createClient(practice.id, "Kim");
  const longEmail = `kim${"x".repeat(41)}@e2e.tandem.test`;
  expect(longEmail).toHaveLength(60);
  await db.update(schema.clients).set({ email: longEmail }).where(eq(schema.clients.id, kim.id));

  const session = async (fromNowMinutes: number, status: schema.AppointmentStatus, videoUrl: string | null = null) => {
    const startsAt = new Date(Math.ceil((Date.now() + fromNowMinutes * MINUTE) / MINUTE) * MINUTE);
    const endsAt = new Date(startsAt.getTime() + 50 * MINUTE);
    const [a] = await db
      .insert(schema.appointments)
      .values({
        practiceId: practice.id,
        serviceId: service.id,
        memberId: practice.owner.memberId,
        format: "online",
        startsAt,
        endsAt,
        blockedFrom: startsAt,
        blockedTo: endsAt,
        status,
        priceCents: 0,
        currency: "USD",
        videoUrl,
        cancelledAt: status === "cancelled" ? new Date() : null,
      })
      .returning();
    await db.insert(schema.appointmentAttendees).values({ practiceId: practice.id, appointmentId: a!.id, clientId: kim.id });
    return a!;
  };
  const room = `https://meet.example.test/tandem/${practice.slug}`;
  await session(10, "confirmed", room); // the next session: its join button is open
  await session(26 * 60, "cancelled", room); // ahead, but cancelled: never "upcoming"
  await session(-7 * 24 * 60, "completed");
  const missed = await session(-2 * 24 * 60, "no_show");
  await db.insert(schema.fees).values({ practiceId: practice.id, appointmentId: missed.id, clientId: kim.id, kind: "no_show", amountCents: 9_500, currency: "USD" });

  const templates = await seedIntakeForms(db, practice.id, "couples_therapy");
  const templateId = [...templates.values()][0]!;
  const [version] = await db.select().from(schema.formVersions).where(eq(schema.formVersions.templateId, templateId));
  await db.insert(schema.formAssignments).values({ practiceId: practice.id, clientId: kim.id, templateId, versionId: version!.id, source: "manual", dueAt: new Date(Date.now() + 2 * 24 * 60 * MINUTE) });

  const [exercise] = await db.select({ id: schema.exercises.id }).from(schema.exercises).where(and(isNull(schema.exercises.practiceId), isNull(schema.exercises.archivedAt))).limit(1);
  const today = DateTime.now().setZone("America/New_York").startOf("day");
  await db.insert(schema.assignments).values({
    practiceId: practice.id,
    clientId: kim.id,
    exerciseId: exercise!.id,
    mode: "individual",
    startDate: today.minus({ days: 2 }).toISODate()!,
    timesPerWeek: 3,
    weeks: 3,
    dueDate: today.plus({ days: 18 }).toISODate()!,
    assignedByMemberId: practice.owner.memberId,
  });

  await signInAs(page, kim.userId);
  await page.goto(`/portal/${kim.id}`);
  const main = page.locator("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("Hello, Kim");

  // 1. In the order of what is due (Messages, the way to write to the care team, follows the forms).
  const headings = (await main.getByRole("heading", { level: 2 }).allInnerTexts()).map((h) => h.trim());
  expect(headings).toEqual(["Forms to do", "Messages", "Payments", "Upcoming sessions", "Waitlist", "This week", "Past and cancelled sessions", "Good Faith Estimates", "Your details"]);
  await expect(main.getByRole("list", { name: "Forms to do" }).getByRole("listitem")).toHaveCount(1);

  // 2. The balance due, with the way to pay it.
  await expect(main.getByText("Balance due: $95")).toBeVisible();
  await expect(main.getByRole("link", { name: "Pay your balance" })).toHaveAttribute("href", `/portal/${kim.id}/billing`);

  // 3. Upcoming holds the next session with its join link, and not the cancelled one.
  const upcoming = main.getByRole("list", { name: "Upcoming sessions" });
  await expect(upcoming.getByRole("listitem")).toHaveCount(1);
  await expect(upcoming.getByRole("link", { name: /Join video session/ })).toHaveAttribute("href", room);
  await expect(upcoming.getByText("Cancelled")).toHaveCount(0);
  const past = main.getByRole("list", { name: "Past and cancelled sessions" });
  await expect(past.getByRole("listitem")).toHaveCount(3);
  await expect(past.getByText("Cancelled", { exact: true })).toBeVisible();
  await expect(past.getByText("No-show", { exact: true })).toBeVisible();
  await expect(past.getByRole("link", { name: /Join video session/ })).toHaveCount(0);

  // 4. The 60-character address wraps inside its card: no sideways scroll.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the portal home scrolls sideways").toBeLessThanOrEqual(0);
  const email = main.getByText(longEmail, { exact: true });
  const card = main.locator("section", { has: page.getByRole("heading", { name: "Your details" }) });
  const [emailBox, cardBox] = [await email.boundingBox(), await card.boundingBox()];
  expect(emailBox!.x + emailBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width);

  // 5. One date format: every month is written out after its weekday and day, with no year, and no numeric dates.
  const text = await main.innerText();
  expect(text).not.toMatch(/\b\d{4}-\d{2}(-\d{2})?\b/);
  expect(text).not.toMatch(/\b\d{1,2}-\d{1,2}\b/);
  expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}(\/\d{2,4})?\b/);
  const months = [...text.matchAll(/\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/g)];
  // The four sessions, the form's due date and the homework's last day at least.
  expect(months.length).toBeGreaterThanOrEqual(6);
  for (const m of months) {
    const before = text.slice(Math.max(0, m.index - 14), m.index).replace(/^.*?(?=(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) )/s, "");
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    expect(m[0], `"${before}${m[0]}${after}"`).toMatch(FULL_MONTH);
    expect(before, `"${before}${m[0]}${after}"`).toMatch(WEEKDAY_DATE);
    expect(after, `"${before}${m[0]}${after}" has a year`).not.toMatch(/^,? \d{4}/);
  }

  // 6. Accessible.
  await expectAxeClean(page, "portal home");
});
