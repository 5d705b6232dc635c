import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createBookableService, createClient, createPractice, db, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

async function checkA11y(page: Page, what: string) {
  await expect(page.locator("main")).toBeVisible();
  await expectNoSidewaysScroll(page, what);
  await expectAxeClean(page, what);
}

const MINUTE = 60_000;

/** A confirmed online couple session starting `inMinutes` from now (the server's clock decides the window), with its stored link. */
async function onlineSession(practiceId: string, serviceId: string, memberId: string, clientIds: string[], coupleId: string | null, inMinutes: number, videoUrl: string) {
  const startsAt = new Date(Math.ceil((Date.now() + inMinutes * MINUTE) / MINUTE) * MINUTE);
  const endsAt = new Date(startsAt.getTime() + 50 * MINUTE);
  const [a] = await db
    .insert(schema.appointments)
    .values({ practiceId, serviceId, memberId, coupleId, format: "online", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status: "confirmed", priceCents: 0, currency: "USD", videoUrl })
    .returning();
  await db.insert(schema.appointmentAttendees).values(clientIds.map((clientId) => ({ practiceId, appointmentId: a!.id, clientId })));
  return a!;
}

test("a couple on phones: both see Join video session for the session about to start, in the portal and on the manage page; a later one says when", async ({ browser, page }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId);
  const noor = await createClient(practice.id, "Noor");
  const sam = await createClient(practice.id, "Sam");
  const [first, second] = [noor.id, sam.id].sort() as [string, string];
  const [couple] = await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: first, clientBId: second }).returning();
  const room = `https://meet.example.test/tandem/${practice.slug}-soon`;
  await onlineSession(practice.id, service.id, practice.owner.memberId, [noor.id, sam.id], couple!.id, 10, room);
  await onlineSession(practice.id, service.id, practice.owner.memberId, [noor.id, sam.id], couple!.id, 3 * 24 * 60, `https://meet.example.test/tandem/${practice.slug}-later`);

  await signInAs(page, noor.userId);
  await page.goto(`/portal/${noor.id}`);
  const upcoming = page.getByRole("list", { name: "Upcoming sessions" });
  const join = upcoming.getByRole("link", { name: /Join video session/ });
  await expect(join).toHaveCount(1);
  await expect(join).toHaveAttribute("href", room);
  await expect(join).toHaveAttribute("target", "_blank");
  await expect(upcoming.getByText(/The Join video session button appears here at \d{1,2}:\d{2} [AP]M on \w+day \d{1,2} \w+, 15 minutes before the start\./)).toBeVisible();
  await checkA11y(page, "the portal with a session about to start");

  // The manage page of the session about to start: the same button.
  await upcoming.getByRole("link", { name: "Reschedule or cancel" }).first().click();
  await expect(page.getByRole("heading", { name: "Your session" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Join video session/ })).toHaveAttribute("href", room);
  await checkA11y(page, "the manage page of a session about to start");

  // The partner sees the same link.
  const partner = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  await signInAs(partner, sam.userId);
  await partner.goto(`/portal/${sam.id}`);
  await expect(partner.getByRole("list", { name: "Upcoming sessions" }).getByRole("link", { name: /Join video session/ })).toHaveAttribute("href", room);
  await partner.close();
});

test("a cancelled online session shows no join button, even in the window", async ({ page }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual" });
  const kim = await createClient(practice.id, "Kim");
  const a = await onlineSession(practice.id, service.id, practice.owner.memberId, [kim.id], null, 5, `https://meet.example.test/tandem/${practice.slug}`);
  await db.update(schema.appointments).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(schema.appointments.id, a.id));
  await signInAs(page, kim.userId);
  await page.goto(`/portal/${kim.id}`);
  // Listed with the past and cancelled sessions, never under Upcoming (issue 11, problem 11).
  await expect(page.getByRole("list", { name: "Past and cancelled sessions" }).getByText("Cancelled")).toBeVisible();
  await expect(page.getByRole("list", { name: "Upcoming sessions" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Join video session/ })).toHaveCount(0);
  await expect(page.getByText(/button appears here/)).toHaveCount(0);
});
