import { setTimeout as delay } from "node:timers/promises";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { appointments, services } from "@/db/schema";
import { runningBoss, startJobRunner, stopJobRunner } from "@/lib/jobs/queue";
import { createMember, createPractice } from "./helpers/factories";

/**
 * The real pg-boss runner against this file's test database: it installs its
 * schema, creates the queues and schedules, and works a job sent to it.
 * A file of its own, so its scheduled runs cannot disturb other tests.
 */

afterAll(() => stopJobRunner());

/** Polls `check` until it returns true or the deadline passes (pg-boss workers poll every 2 s). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    // Waiting on another component's poll loop, not papering over a race.
    await delay(100);
  }
  return check();
}

describe("the job runner", () => {
  test("starts once per process, with its queues and schedules", async () => {
    const [a, b] = await Promise.all([startJobRunner(), startJobRunner()]);
    expect(a).toBe(b);
    expect(runningBoss()).toBe(a);
    const queues = (await a.getQueues()).map((q) => q.name);
    expect(queues).toEqual(expect.arrayContaining(["expire-holds", "send-reminders"]));
    expect(await a.getQueue("expire-holds")).toMatchObject({ policy: "stately" });
    const schedules = await a.getSchedules();
    expect(schedules.map((s) => [s.name, s.cron]).sort()).toEqual([
      ["appointment-events", "* * * * *"],
      ["billing-notify", "* * * * *"],
      ["billing-reconcile", "*/10 * * * *"],
      ["billing-release-holds", "* * * * *"],
      ["events", "* * * * *"],
      ["expire-holds", "* * * * *"],
      ["gfe-deliver", "* * * * *"],
      ["homework-digest", "0 13 * * 1"],
      ["homework-reminders", "7 * * * *"],
      ["limits-sweep", "*/10 * * * *"],
      ["message-digest", "0 14 * * *"],
      ["plan-reviews", "23 * * * *"],
      ["practice-export", "* * * * *"],
      ["product-links", "* * * * *"],
      ["safety-notify", "* * * * *"],
      ["send-form-reminders", "*/15 * * * *"],
      ["send-reminders", "*/5 * * * *"],
      ["staff-notify", "* * * * *"],
      ["waitlist-offers", "* * * * *"],
    ]);
  });

  test("a sent expire-holds job is worked: the stale hold expires", async () => {
    const practice = await createPractice();
    const clinician = await createMember(practice);
    const [service] = await db
      .insert(services)
      .values({ practiceId: practice.id, name: "Session", durationMinutes: 50, format: "online", attendance: "individual" })
      .returning();
    const startsAt = new Date(Date.now() + 3 * 24 * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
    const [hold] = await db
      .insert(appointments)
      .values({
        practiceId: practice.id,
        serviceId: service!.id,
        memberId: clinician.member.id,
        format: "online",
        startsAt,
        endsAt,
        blockedFrom: startsAt,
        blockedTo: endsAt,
        status: "held",
        holdExpiresAt: new Date(Date.now() - 1000),
        priceCents: 0,
        currency: "USD",
      })
      .returning();

    const boss = await startJobRunner();
    // With the "stately" policy a job already queued by the schedule makes
    // this send a no-op (null); either way the queued job does the work.
    await boss.send("expire-holds", {});
    const expired = await eventually(async () => {
      const [row] = await db.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, hold!.id));
      return row?.status === "expired";
    });
    expect(expired).toBe(true);
  });

  test("stops cleanly, and can start again", async () => {
    await stopJobRunner();
    expect(runningBoss()).toBeUndefined();
    await stopJobRunner(); // a second stop is a no-op
    const boss = await startJobRunner();
    expect(runningBoss()).toBe(boss);
    await stopJobRunner();
  });
});
