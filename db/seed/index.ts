import { count, eq, inArray, sql } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { seedBillingDemo } from "./billing";
import { availabilityRules, clients, couples, locations, members, practiceSetupSteps, practices, serviceClinicians, services, users } from "@/db/schema";
import { findOverlaps, parseTime } from "@/lib/booking/availability-schema";
import { DEMO_ACCOUNTS, type DemoAccount } from "@/lib/demo/demo-accounts";
import { DEMO_JOINED_AT, DEMO_PRACTICES, type PracticeFixture } from "./data/practices";
import { seedDemoMeasures, seedIntakeDemoHistory, seedIntakeForms } from "./intake";
import { syncHomeworkLibrary } from "@/lib/homework/library/sync";
import { seedDemoHomework } from "./homework";
import { seedDemoDocuments } from "./documents";
import { seedDemoAppointments } from "./appointments";
import { seedDemoMessages } from "./messaging";
import { seedDemoNotes } from "./notes";
import { seedDemoPlans } from "./plans";
import { seedDemoEvents } from "./events";
import { installNoteTemplates } from "@/lib/notes/templates";

/**
 * Demo data: three fictional practices (one per kind), their team, clients
 * with portal access, services and weekly hours, so a fresh machine has
 * something to click and the public booking pages offer real times.
 * Every person here is listed in DEMO_ACCOUNTS for one-click dev sign-in.
 * The data itself is in ./data/; this file checks it and writes it.
 */

export { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN, DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
export type { DemoAccount, DemoAccountKind } from "@/lib/demo/demo-accounts";

/** Serialises concurrent seeders (two app instances starting on one empty database). */
const SEED_LOCK_KEY = 727273;

/**
 * The fixtures (./data/practices.ts) and DEMO_ACCOUNTS must describe the same people:
 * same emails, practices, roles and names. Fails loudly before writing.
 */
function demoAccountsByEmail(): Map<string, DemoAccount> {
  const byEmail = new Map(DEMO_ACCOUNTS.map((a) => [a.email, a]));
  const seen = new Set<string>();
  const problems: string[] = [];
  const expect = (email: string, slug: string, kind: DemoAccount["kind"], name?: string) => {
    const account = byEmail.get(email);
    seen.add(email);
    if (!account) problems.push(`${email} is not in DEMO_ACCOUNTS`);
    else if (account.practiceSlug !== slug || account.kind !== kind || (name && account.name !== name)) {
      problems.push(`${email} does not match its DEMO_ACCOUNTS entry`);
    }
  };
  for (const p of DEMO_PRACTICES) {
    for (const s of p.staff) expect(s.email, p.practice.slug, s.role);
    for (const c of p.clients) expect(c.email, p.practice.slug, "client", `${c.firstName} ${c.lastName}`);
  }
  for (const email of byEmail.keys()) if (!seen.has(email)) problems.push(`${email} is in DEMO_ACCOUNTS but not seeded`);
  if (byEmail.size !== DEMO_ACCOUNTS.length) problems.push("DEMO_ACCOUNTS has a duplicate email");
  if (problems.length > 0) throw new Error(`demo seed fixtures are inconsistent:\n  ${problems.join("\n  ")}`);
  return byEmail;
}

export interface DemoSeedSummary {
  practices: number;
  locations: number;
  users: number;
  members: number;
  clients: number;
  couples: number;
  services: number;
  availabilityRules: number;
}

/** Writes the demo data inside the caller's transaction. */
async function insertDemo(tx: Tx, now: Date): Promise<DemoSeedSummary> {
  const accounts = demoAccountsByEmail();
  const summary: DemoSeedSummary = { practices: 0, locations: 0, users: 0, members: 0, clients: 0, couples: 0, services: 0, availabilityRules: 0 };

  // Users first. An address that already signed in keeps its user row.
  const emails = [...accounts.keys()];
  const created = await tx
    .insert(users)
    .values(DEMO_ACCOUNTS.map((a) => ({ email: a.email, name: a.name })))
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  summary.users = created.length;
  const userRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const userIdByEmail = new Map(userRows.map((u) => [u.email, u.id]));
  const userId = (email: string): string => {
    const id = userIdByEmail.get(email);
    if (!id) throw new Error(`demo user ${email} was not created`);
    return id;
  };

  for (const fixture of DEMO_PRACTICES) {
    // Published, with the guided setup's decisions made: the demo's checklist is complete (decision 0027).
    const [practice] = await tx
      .insert(practices)
      .values({ ...fixture.practice, publishedAt: DEMO_JOINED_AT })
      .returning({ id: practices.id });
    const practiceId = practice!.id;
    summary.practices += 1;
    await tx.insert(practiceSetupSteps).values(
      (
        [
          ["payments", "deployment_account"],
          ["forms", "reviewed"],
          ["team", "solo"],
        ] as const
      ).map(([step, choice]) => ({ practiceId, step, status: "done" as const, choice, updatedAt: DEMO_JOINED_AT })),
    );

    const locationIdByName = new Map<string, string>();
    if (fixture.locations.length > 0) {
      const rows = await tx
        .insert(locations)
        .values(fixture.locations.map((l) => ({ ...l, practiceId })))
        .returning({ id: locations.id, name: locations.name });
      for (const l of rows) locationIdByName.set(l.name, l.id);
      summary.locations += fixture.locations.length;
    }

    const memberRows = await tx
      .insert(members)
      .values(
        fixture.staff.map((s) => ({
          practiceId,
          userId: userId(s.email),
          role: s.role,
          displayName: accounts.get(s.email)!.name,
          credentials: s.credentials,
          videoUrl: s.videoUrl ?? null,
          invitedAt: DEMO_JOINED_AT,
          joinedAt: DEMO_JOINED_AT,
        })),
      )
      .returning({ id: members.id, userId: members.userId });
    summary.members += fixture.staff.length;
    const memberIdByUserId = new Map(memberRows.map((m) => [m.userId, m.id]));
    const memberId = (email: string): string => {
      const id = memberIdByUserId.get(userId(email));
      if (!id) throw new Error(`demo member ${email} is not on the team of ${fixture.practice.slug}`);
      return id;
    };

    await insertServicesAndHours(tx, fixture, practiceId, memberId, locationIdByName, summary);
    const serviceRows = await tx.select({ id: services.id }).from(services).where(eq(services.practiceId, practiceId));
    const intakeTemplates = await seedIntakeForms(
      tx,
      practiceId,
      fixture.practice.kind,
      serviceRows.map((s) => s.id),
    );
    await installNoteTemplates(tx, practiceId);

    const clientRows = await tx
      .insert(clients)
      .values(
        fixture.clients.map((c) => ({
          practiceId,
          userId: userId(c.email),
          firstName: c.firstName,
          lastName: c.lastName,
          preferredName: c.preferredName ?? null,
          pronouns: c.pronouns ?? null,
          email: c.email,
          phone: c.phone,
          dateOfBirth: c.dateOfBirth,
        })),
      )
      .returning({ id: clients.id, email: clients.email });
    summary.clients += clientRows.length;
    const clientIdByEmail = new Map(clientRows.map((c) => [c.email, c.id]));

    for (const pair of fixture.couples) {
      const ids = pair.map((email) => {
        const id = clientIdByEmail.get(email);
        if (!id) throw new Error(`demo couple member ${email} is not a client of ${fixture.practice.slug}`);
        return id;
      });
      // couples_ordered_pair: client_a_id < client_b_id (uuid order = lower-case string order).
      const [a, b] = ids.sort() as [string, string];
      await tx.insert(couples).values({ practiceId, clientAId: a, clientBId: b });
      summary.couples += 1;
    }
    if (fixture.practice.kind === "couples_therapy" && fixture.couples[0]) {
      const [first, second] = fixture.couples[0].map((email) => clientIdByEmail.get(email)!) as [string, string];
      // Sent two days before the seeding moment.
      await seedIntakeDemoHistory(tx, practiceId, intakeTemplates, [first, second], new Date(now.getTime() - 2 * 24 * 3_600_000));
    }
  }
  // The shared exercise library, and a little homework for the demo couples.
  await syncHomeworkLibrary(tx);
  await seedDemoHomework(tx, now);
  // Billing (lib/billing/): payment at booking, superbill codes, a package.
  await seedBillingDemo(tx);
  // Sessions in every practice, from six weeks back to two weeks ahead of the seeding day:
  // a today and a tomorrow for the clinic home (lib/home), past visits with their payments.
  await seedDemoAppointments(tx, now);
  // Measures answered in the weeks before the seeding day (./data/measures.ts).
  await seedDemoMeasures(tx, now);
  // A release of information shared with the Okafors; Priya has signed (./documents.ts).
  await seedDemoDocuments(tx, now);
  // The Harbor couple's shared thread and Priya's own (db/seed/messaging.ts).
  await seedDemoMessages(tx, now);
  // The Okafors' couple plan (review in five days, unsigned) and Emily Carter's pain goal (./plans.ts).
  await seedDemoPlans(tx, now);
  // Signed notes for past sessions but each clinician's latest (./notes.ts).
  await seedDemoNotes(tx, now);
  // A webinar, a class (it takes the package's credits), a free Q&A and a workbook (./events.ts).
  await seedDemoEvents(tx, now);
  return summary;
}

/** A practice's services (with who offers them) and its staff's weekly hours. */
async function insertServicesAndHours(
  tx: Tx,
  fixture: PracticeFixture,
  practiceId: string,
  memberId: (email: string) => string,
  locationIdByName: Map<string, string>,
  summary: DemoSeedSummary,
): Promise<void> {
  const slug = fixture.practice.slug;
  const defaultClinicians = fixture.staff.filter((s) => s.role === "owner" || s.role === "clinician").map((s) => s.email);
  for (const { clinicians, ...service } of fixture.services) {
    if (service.format === "in_person" && fixture.locations.length === 0) throw new Error(`${slug}: in-person "${service.name}" needs a location`);
    const [row] = await tx
      .insert(services)
      .values({ ...service, practiceId })
      .returning({ id: services.id });
    await tx.insert(serviceClinicians).values((clinicians ?? defaultClinicians).map((email) => ({ practiceId, serviceId: row!.id, memberId: memberId(email) })));
    summary.services += 1;
  }

  const rules = fixture.hours.flatMap((h) => {
    const startMinute = parseTime(h.start);
    const endMinute = parseTime(h.end);
    if (startMinute === null || endMinute === null || startMinute >= endMinute) throw new Error(`${slug}: bad hours ${h.start}–${h.end} for ${h.email}`);
    const locationId = h.location === null ? null : locationIdByName.get(h.location);
    if (locationId === undefined) throw new Error(`${slug}: unknown location "${h.location}"`);
    return h.weekdays.map((weekday) => ({ practiceId, memberId: memberId(h.email), weekday, startMinute, endMinute, locationId, timeZone: fixture.practice.timeZone }));
  });
  // The same rule the availability form applies: no one is in two places at once.
  for (const email of new Set(fixture.hours.map((h) => h.email))) {
    const own = rules.filter((r) => r.memberId === memberId(email));
    if (findOverlaps(own).length > 0) throw new Error(`${slug}: overlapping weekly hours for ${email}`);
  }
  if (rules.length > 0) await tx.insert(availabilityRules).values(rules);
  summary.availabilityRules += rules.length;
}

/**
 * Inserts the three demo practices, their teams, clients, services and hours, in one transaction.
 * Homework and sessions are placed around `now` (the seeding day).
 */
export async function seedDemo(database: DbOrTx, now = new Date()): Promise<DemoSeedSummary> {
  return database.transaction((tx) => insertDemo(tx, now));
}

/**
 * Seeds the demo practices into the app database when it has no practices
 * yet. Safe to call from several processes at once: the advisory lock makes
 * them take turns and the emptiness check is repeated under it.
 * Returns true when this call seeded.
 */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const [existing] = await db.select({ id: practices.id }).from(practices).limit(1);
  if (existing) return false;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(SEED_LOCK_KEY))})`);
    const [row] = await tx.select({ n: count() }).from(practices);
    if ((row?.n ?? 0) > 0) return false;
    await insertDemo(tx, new Date());
    return true;
  });
}
