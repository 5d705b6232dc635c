import { randomBytes, randomUUID } from "node:crypto";
import { and, count, eq, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import {
  auditEvents,
  clients,
  members,
  practices,
  sessions,
  users,
  type Client,
  type Member,
  type MemberRole,
  type Practice,
  type PracticeKind,
  type User,
} from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";

/**
 * Test data. Every call makes fresh rows with unique slugs and addresses, so
 * a test never depends on another test (or another file in the same worker
 * database) and never needs cleaning up after.
 */

export function uniqueId(): string {
  return randomUUID().replace(/-/g, "").slice(0, 12);
}

/** A unique, lower-case address on a reserved domain. */
export function uniqueEmail(label = "person"): string {
  return `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${uniqueId()}@example.test`;
}

export async function createPractice(
  overrides: Partial<Pick<Practice, "name" | "kind" | "timeZone" | "email" | "country" | "locale">> & {
    kind?: PracticeKind;
    /** Default true: a practice that takes bookings, as every one did before publishing was a setup step. */
    published?: boolean;
  } = {},
): Promise<Practice> {
  const suffix = uniqueId();
  const [practice] = await db
    .insert(practices)
    .values({
      name: overrides.name ?? `Test Practice ${suffix}`,
      slug: `test-${suffix}`,
      kind: overrides.kind ?? "couples_therapy",
      timeZone: overrides.timeZone ?? "America/New_York",
      email: overrides.email ?? null,
      country: overrides.country ?? "US",
      ...(overrides.locale ? { locale: overrides.locale } : {}),
      publishedAt: overrides.published === false ? null : new Date(),
    })
    .returning();
  return practice!;
}

export async function createUser(overrides: { email?: string; name?: string | null } = {}): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ email: overrides.email ?? uniqueEmail("user"), name: overrides.name === undefined ? "Test User" : overrides.name })
    .returning();
  return user!;
}

/** A practice member with their user and practice, ready for `scopeFor`. */
export interface TestMember {
  member: Member;
  user: User;
  practice: Practice;
}

export async function createMember(
  practice: Practice,
  options: {
    role?: MemberRole;
    displayName?: string;
    email?: string;
    user?: User;
    /** `null` leaves an invitation that was never accepted. Default: joined now. */
    joinedAt?: Date | null;
  } = {},
): Promise<TestMember> {
  const displayName = options.displayName ?? `Member ${uniqueId()}`;
  const user = options.user ?? (await createUser({ email: options.email, name: displayName }));
  const [member] = await db
    .insert(members)
    .values({
      practiceId: practice.id,
      userId: user.id,
      role: options.role ?? "clinician",
      displayName,
      joinedAt: options.joinedAt === undefined ? new Date() : options.joinedAt,
    })
    .returning();
  return { member: member!, user, practice };
}

/** The scope `requireMember` would build for this member, to call domain functions directly. */
export function scopeFor(m: TestMember): PracticeScope {
  return {
    user: { id: m.user.id, email: m.user.email, name: m.user.name, isStaff: true },
    practice: m.practice,
    memberId: m.member.id,
    role: m.member.role,
    displayName: m.member.displayName,
  };
}

/** A new practice with an owner, and the owner's scope. */
export async function createPracticeWithOwner(): Promise<{ practice: Practice; owner: TestMember; scope: PracticeScope }> {
  const practice = await createPractice();
  const owner = await createMember(practice, { role: "owner" });
  return { practice, owner, scope: scopeFor(owner) };
}

export async function createClient(
  practice: Practice,
  overrides: Partial<Omit<typeof clients.$inferInsert, "practiceId" | "id">> = {},
): Promise<Client> {
  const [client] = await db
    .insert(clients)
    .values({
      firstName: "Client",
      lastName: `Test${uniqueId()}`,
      ...overrides,
      practiceId: practice.id,
    })
    .returning();
  return client!;
}

/**
 * A database session row as Auth.js leaves it after sign-in, for
 * `resolveSession(token, now)`. Times default to now; expiry to 30 days on.
 */
export async function createSession(
  user: User,
  times: { createdAt?: Date; lastSeenAt?: Date; expires?: Date } = {},
): Promise<string> {
  const token = randomBytes(24).toString("hex");
  const createdAt = times.createdAt ?? new Date();
  await db.insert(sessions).values({
    sessionToken: token,
    userId: user.id,
    createdAt,
    lastSeenAt: times.lastSeenAt ?? createdAt,
    expires: times.expires ?? new Date(createdAt.getTime() + 30 * 24 * 3_600_000),
  });
  return token;
}

/** Rows in `table` matching `where` (all rows when omitted). */
export async function countRows(table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

/** The practice's audit events, oldest first. */
export async function auditEventsFor(practiceId: string, action?: string) {
  return db
    .select()
    .from(auditEvents)
    .where(action ? and(eq(auditEvents.practiceId, practiceId), eq(auditEvents.action, action)) : eq(auditEvents.practiceId, practiceId))
    .orderBy(auditEvents.id);
}
