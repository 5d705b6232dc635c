import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { expectCleanOnPhone } from "./a11y";
import { createClient, createPractice, db, emailsTo, expect, icsOf, test } from "./fixtures";

// Issue 14, "Done means": a couple buys two seats for a webinar and neither sees other attendees.
test("a couple buys two seats for a paid webinar on a phone; no page, email or calendar file names anyone else", async ({ page }) => {
  test.slow();
  const practice = await createPractice("pelvic_pt");
  // Someone already has a seat: their name must never reach the couple.
  const earlier = await createClient(practice.id, "Zelda");
  const startsAt = new Date(Date.now() + 10 * 24 * 3_600_000);
  const [event] = await db
    .insert(schema.groupEvents)
    .values({
      practiceId: practice.id,
      title: "Desire after baby: a webinar",
      description: "An hour on desire mismatch after a birth, with time for questions.",
      format: "online",
      joinUrl: "https://video.example.test/room/desire",
      capacity: 12,
      priceCents: 3500,
      currency: "USD",
      signupCutoff: new Date(startsAt.getTime() - 3_600_000),
      cancellationHours: 24,
      cancellationPolicy: "Full refund up to 24 hours before.",
      createdByUserId: practice.owner.userId,
    })
    .returning();
  await db.insert(schema.eventSessions).values({ practiceId: practice.id, eventId: event!.id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
  await db.insert(schema.eventHosts).values({ practiceId: practice.id, eventId: event!.id, memberId: practice.owner.memberId });
  await db.insert(schema.eventRegistrations).values({ practiceId: practice.id, eventId: event!.id, clientId: earlier.id, seats: 1, status: "confirmed" });

  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("link", { name: "Desire after baby: a webinar" }).click();
  await expect(page.getByRole("heading", { name: "Desire after baby: a webinar" })).toBeVisible();
  await expect(page.getByText("Seats left:")).toBeVisible();
  await expect(page.getByText(/Zelda/)).toHaveCount(0);
  await expect(page.getByText("video.example.test")).toHaveCount(0);
  await expectCleanOnPhone(page, "the public event page");

  const [ana, ben] = [`ana-${practice.slug}@e2e.tandem.test`, `ben-${practice.slug}@e2e.tandem.test`];
  await page.getByLabel("My partner and me (two seats)").check();
  const first = page.getByRole("group", { name: "Your details" });
  await first.getByLabel("First name").fill("Ana");
  await first.getByLabel("Last name").fill("Reyes");
  await first.getByLabel("Email").fill(ana);
  const partner = page.getByRole("group", { name: "Your partner's details" });
  await partner.getByLabel("First name").fill("Ben");
  await partner.getByLabel("Last name").fill("Reyes");
  await partner.getByLabel("Email").fill(ben);
  await page.getByLabel("I agree to the cancellation policy above.").check();
  await page.getByRole("button", { name: "Continue to payment" }).click();

  // Stripe Checkout (the stand-in's test payment page): two seats, $70.
  await expect(page.getByRole("heading", { name: "Test payment" })).toBeVisible();
  await page.getByRole("button", { name: "Pay $70.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
  await expect(page.getByText(/Zelda/)).toHaveCount(0);

  // One confirmation each, addressed to that partner alone, with the join link and a calendar file naming nobody.
  for (const address of [ana, ben]) {
    await expect.poll(async () => (await emailsTo(address)).find((m) => m.template === "event-confirmed") ?? null, { timeout: 90_000 }).not.toBeNull();
    const mail = (await emailsTo(address)).find((m) => m.template === "event-confirmed")!;
    expect(mail.to).toBe(address);
    const body = `${mail.subject}${mail.html}${mail.text}`;
    expect(body).toContain("https://video.example.test/room/desire");
    expect(body).not.toContain("Zelda");
    expect(body).not.toContain(earlier.email);
    const ics = icsOf(mail as { attachments: { filename: string; content: string }[] | null });
    expect(ics).toContain("Desire after baby: a webinar");
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER/);
    expect(ics).not.toContain("Zelda");
  }
  const seats = await db.select().from(schema.eventRegistrations).where(eq(schema.eventRegistrations.eventId, event!.id));
  expect(seats.map((s) => [s.seats, s.status]).sort()).toEqual([
    [1, "confirmed"],
    [2, "confirmed"],
  ]);
});
