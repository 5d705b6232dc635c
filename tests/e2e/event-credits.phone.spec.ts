import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { expectCleanOnPhone } from "./a11y";
import { createBookableService, createClient, createPractice, db, expect, signInAs, test } from "./fixtures";

// Issue 14: an event priced in package credits (decision 0060). A visitor is asked to sign in; the holder,
// signed in on a phone, takes a seat with one credit, and their balance and the roster say so.
test("a pass holder signs up for a class with a package credit on a phone; a visitor is asked to sign in", async ({ page, browser }) => {
  const practice = await createPractice("pelvic_pt");
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Pelvic floor session" });
  const [pkg] = await db.insert(schema.packages).values({ practiceId: practice.id, name: "Class pass", sessionCount: 3, priceCents: 9000, currency: "USD", validMonths: 6, serviceIds: [service.id] }).returning();
  const client = await createClient(practice.id, "Noor");
  await db.insert(schema.packagePurchases).values({ practiceId: practice.id, packageId: pkg!.id, clientId: client.id, credits: 3, activatedAt: new Date(), expiresAt: new Date(Date.now() + 90 * 86_400_000) });
  const startsAt = new Date(Date.now() + 9 * 86_400_000);
  const [event] = await db
    .insert(schema.groupEvents)
    .values({
      practiceId: practice.id,
      title: "Core and pelvic floor after birth: a class",
      format: "online",
      joinUrl: "https://video.example.test/room/core",
      capacity: 8,
      creditPackageId: pkg!.id,
      currency: "USD",
      signupCutoff: new Date(startsAt.getTime() - 3_600_000),
      cancellationHours: 24,
      createdByUserId: practice.owner.userId,
    })
    .returning();
  await db.insert(schema.eventSessions).values({ practiceId: practice.id, eventId: event!.id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
  await db.insert(schema.eventHosts).values({ practiceId: practice.id, eventId: event!.id, memberId: practice.owner.memberId });
  const eventPath = `/book/${practice.slug}/events/${event!.id}`;

  // A visitor: the price reads in credits, there is no form to fill, and the way in is signing in.
  const visitor = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, baseURL: process.env.APP_URL });
  const anon = await visitor.newPage();
  await anon.goto(eventPath);
  await expect(anon.getByText("One Class pass credit a seat")).toBeVisible();
  await expect(anon.getByText("Seats are paid with credits from the Class pass package, one a seat.")).toBeVisible();
  await expect(anon.getByRole("button", { name: "Sign up" })).toHaveCount(0);
  await expect(anon.getByRole("link", { name: "Sign in to your portal" })).toHaveAttribute("href", `/sign-in?callbackUrl=${encodeURIComponent(eventPath)}`);
  await visitor.close();

  // The holder, signed in: nothing to type about herself, the credit named with what is left.
  await signInAs(page, client.userId);
  await page.goto(eventPath);
  await expect(page.getByText(`${client.email} · signed in`)).toBeVisible();
  await expect(page.getByText("Paid with one credit from your Class pass package. You have 3 left.")).toBeVisible();
  await expectCleanOnPhone(page, "the event page with a package credit");
  await page.getByLabel("I agree to the cancellation policy above.").check();
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("status")).toHaveText("You're signed up. One package credit was used. We emailed you a confirmation with a calendar file.");

  await page.goto(`/portal/${client.id}/billing`);
  await expect(page.getByText("2 of 3 left")).toBeVisible();
  const [reg] = await db.select().from(schema.eventRegistrations).where(eq(schema.eventRegistrations.eventId, event!.id));
  expect(reg!.clientId).toBe(client.id);
  expect(reg!.status).toBe("confirmed");

  // The host's roster says how the place was paid for.
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/events/${event!.id}`);
  await expect(page.getByRole("list", { name: "Roster" })).toContainText("Paid with 1 credit from Class pass");
  await expect(page.getByRole("button", { name: `Cancel ${client.firstName} ${client.lastName}'s place` })).toHaveText("Cancel this place (return the credits)");

  // Cancelling the whole event asks first; kept, nothing changes; confirmed, the credit comes back.
  await page.getByRole("button", { name: "Cancel the event, refund every paid seat and return credits" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("every package credit used is returned");
  await expect(dialog).toContainText("The 1 confirmed booking will be emailed");
  await expectCleanOnPhone(page, "the cancel-event dialog");
  await dialog.getByRole("button", { name: "Keep the event" }).click();
  expect((await db.select().from(schema.groupEvents).where(eq(schema.groupEvents.id, event!.id)))[0]!.status).toBe("scheduled");
  await page.getByRole("button", { name: "Cancel the event, refund every paid seat and return credits" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel the event" }).click();
  // The event and the place both read Cancelled.
  await expect(page.getByText("Cancelled", { exact: true })).toHaveCount(2);
  await signInAs(page, client.userId);
  await page.goto(`/portal/${client.id}/billing`);
  await expect(page.getByText("3 of 3 left")).toBeVisible();
});
