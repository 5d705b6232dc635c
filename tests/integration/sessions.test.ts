import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { sessions, type User } from "@/db/schema";
import { resolveSession } from "@/lib/auth/current-user";
import { createMember, createPractice, createSession, createUser } from "./helpers/factories";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const t0 = new Date("2025-06-02T14:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/** A session created at t0, last seen `lastSeen` ms later. */
function sessionFor(user: User, opts: { lastSeen?: number; expires?: number } = {}) {
  return createSession(user, { createdAt: t0, lastSeenAt: at(opts.lastSeen ?? 0), expires: at(opts.expires ?? 30 * 24 * HOUR) });
}

async function sessionRow(token: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.sessionToken, token));
  return row;
}

async function staffUser(): Promise<User> {
  const practice = await createPractice();
  return (await createMember(practice, { role: "clinician" })).user;
}

describe("resolveSession", () => {
  test("a valid staff session returns the user, marked as staff", async () => {
    const user = await staffUser();
    const token = await sessionFor(user);
    expect(await resolveSession(token, at(5 * MINUTE))).toEqual({ id: user.id, email: user.email, name: user.name, isStaff: true });
  });

  test("a user with no membership is a client", async () => {
    const user = await createUser();
    const token = await sessionFor(user);
    expect(await resolveSession(token, at(MINUTE))).toMatchObject({ id: user.id, isStaff: false });
  });

  test("an invitation not yet accepted does not make someone staff", async () => {
    const practice = await createPractice();
    const { user } = await createMember(practice, { joinedAt: null });
    const token = await sessionFor(user);
    expect(await resolveSession(token, at(MINUTE))).toMatchObject({ id: user.id, isStaff: false });
  });

  test("an unknown token is nobody", async () => {
    expect(await resolveSession("no-such-token", t0)).toBeNull();
  });

  test("a staff session idle for more than 30 minutes ends, and its row is deleted", async () => {
    const user = await staffUser();
    const token = await sessionFor(user);
    expect(await resolveSession(token, at(31 * MINUTE))).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
    // Gone for good: even a request "back in time" finds nothing.
    expect(await resolveSession(token, at(MINUTE))).toBeNull();
  });

  test("a client session idle for 2 hours is still valid, and is extended", async () => {
    const user = await createUser();
    const token = await sessionFor(user);
    const now = at(2 * HOUR);
    expect(await resolveSession(token, now)).toMatchObject({ id: user.id, isStaff: false });
    expect(await sessionRow(token)).toMatchObject({ lastSeenAt: now, expires: at(2 * HOUR + 12 * HOUR) });
  });

  test("a client session idle for 12 hours ends", async () => {
    const user = await createUser();
    const token = await sessionFor(user);
    expect(await resolveSession(token, at(12 * HOUR))).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
  });

  test("a staff session ends 12 hours after sign-in, however active", async () => {
    const user = await staffUser();
    const token = await sessionFor(user, { lastSeen: 12 * HOUR - 2 * MINUTE });
    expect(await resolveSession(token, at(12 * HOUR))).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
  });

  test("a session past its expiry ends", async () => {
    const user = await createUser();
    const token = await sessionFor(user, { expires: 10 * MINUTE });
    expect(await resolveSession(token, at(10 * MINUTE))).toBeNull();
    expect(await sessionRow(token)).toBeUndefined();
  });

  test("activity is written back only after a minute", async () => {
    const user = await staffUser();
    const token = await sessionFor(user, { expires: 30 * MINUTE });
    const before = await sessionRow(token);

    expect(await resolveSession(token, at(30_000))).not.toBeNull();
    expect(await sessionRow(token)).toEqual(before);

    const later = at(90_000);
    expect(await resolveSession(token, later)).not.toBeNull();
    expect(await sessionRow(token)).toMatchObject({ lastSeenAt: later, expires: at(90_000 + 30 * MINUTE), createdAt: t0 });
  });

  test("regular activity keeps a staff session alive past 30 minutes from sign-in", async () => {
    const user = await staffUser();
    const token = await sessionFor(user, { expires: 30 * MINUTE });
    for (const minute of [20, 40, 60, 80]) {
      expect(await resolveSession(token, at(minute * MINUTE)), `at minute ${minute}`).not.toBeNull();
    }
    expect(await resolveSession(token, at(111 * MINUTE))).toBeNull();
  });
});
