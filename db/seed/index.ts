import { count, eq, inArray, sql } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { seedBillingDemo } from "./billing";
import {
  availabilityRules,
  clients,
  couples,
  locations,
  members,
  practices,
  serviceClinicians,
  services,
  users,
  type MemberRole,
  type ServiceAttendance,
  type ServiceFormat,
} from "@/db/schema";
import { findOverlaps, parseTime } from "@/lib/booking/availability-schema";
import { DEMO_ACCOUNTS, DEMO_PRACTICE_SLUGS, type DemoAccount } from "@/lib/demo/demo-accounts";
import { seedIntakeDemoHistory, seedIntakeForms } from "./intake";
import { seedDemoHomework, syncHomeworkLibrary } from "@/lib/homework/library/sync";

/**
 * Demo data: three fictional practices (one per kind), their team, clients
 * with portal access, services and weekly hours, so a fresh machine has
 * something to click and the public booking pages offer real times.
 * Every person here is listed in DEMO_ACCOUNTS for one-click dev sign-in.
 */

export { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN, DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
export type { DemoAccount, DemoAccountKind } from "@/lib/demo/demo-accounts";

/** Serialises concurrent seeders (two app instances starting on one empty database). */
const SEED_LOCK_KEY = 727273;

/** Fixed so the demo team looks the same on every machine. */
const DEMO_JOINED_AT = new Date("2025-01-06T16:00:00Z");

type PracticeValues = Omit<typeof practices.$inferInsert, "id" | "createdAt">;
type LocationValues = Omit<typeof locations.$inferInsert, "id" | "practiceId" | "createdAt">;

interface StaffFixture {
  email: string;
  role: MemberRole;
  credentials: string | null;
  /** The clinician's standing video room for online sessions. */
  videoUrl?: string;
}

/** A service; prices and fees in minor units. Unset policies take the table's defaults. */
interface ServiceFixture {
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  currency: "USD" | "GBP" | "EUR" | "AUD";
  format: ServiceFormat;
  attendance: ServiceAttendance;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  minNoticeMinutes?: number;
  horizonDays?: number;
  slotStepMinutes?: number;
  cancellationWindowHours?: number;
  lateCancelFeeCents?: number;
  noShowFeeCents?: number;
  /** Staff emails; default: every owner and clinician of the practice. */
  clinicians?: string[];
}

/** Weekly hours of one staff member, in the practice's zone: ISO weekdays (1 = Monday), HH:MM, a location name or null (online/phone). */
interface HoursFixture {
  email: string;
  weekdays: number[];
  start: string;
  end: string;
  location: string | null;
}

interface ClientFixture {
  email: string;
  firstName: string;
  lastName: string;
  preferredName?: string;
  pronouns?: string;
  phone: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
}

interface PracticeFixture {
  practice: PracticeValues;
  locations: LocationValues[];
  staff: StaffFixture[];
  clients: ClientFixture[];
  /** Pairs of client emails. */
  couples: [string, string][];
  services: ServiceFixture[];
  hours: HoursFixture[];
}

const HARBOR_THERAPIST = "therapist@harbor.demo.tandem.test";
const KINDLING_COACH = "coach@kindling.demo.tandem.test";
const MEADOWBROOK_PTS = ["owner@meadowbrook.demo.tandem.test", "pt@meadowbrook.demo.tandem.test", "pt2@meadowbrook.demo.tandem.test"] as const;

/** 8:00–16:00 with a lunch hour, at one location, on the given days. */
function ptDay(email: string, weekdays: number[], location: string): HoursFixture[] {
  return [
    { email, weekdays, start: "08:00", end: "12:00", location },
    { email, weekdays, start: "13:00", end: "16:00", location },
  ];
}

const DEMO_PRACTICES: PracticeFixture[] = [
  {
    practice: {
      name: "Harbor Couples Therapy",
      slug: DEMO_PRACTICE_SLUGS.couplesTherapy,
      kind: "couples_therapy",
      timeZone: "America/Los_Angeles",
      email: "hello@harbor.demo.tandem.test",
      phone: "+1 310-555-0100",
      addressLine1: "2401 Main Street",
      addressLine2: "Suite 204",
      city: "Santa Monica",
      region: "CA",
      postalCode: "90405",
      country: "US",
    },
    locations: [
      {
        name: "Santa Monica office",
        addressLine1: "2401 Main Street",
        addressLine2: "Suite 204",
        city: "Santa Monica",
        region: "CA",
        postalCode: "90405",
        timeZone: "America/Los_Angeles",
      },
    ],
    staff: [{ email: HARBOR_THERAPIST, role: "owner", credentials: "LMFT", videoUrl: "https://video.demo.tandem.test/harbor-maya-lindqvist" }],
    clients: [
      { email: "daniel.okafor@harbor.demo.tandem.test", firstName: "Daniel", lastName: "Okafor", pronouns: "he/him", phone: "+1 310-555-0143", dateOfBirth: "1987-03-14" },
      { email: "priya.okafor@harbor.demo.tandem.test", firstName: "Priya", lastName: "Okafor", pronouns: "she/her", phone: "+1 310-555-0144", dateOfBirth: "1989-11-02" },
      { email: "alex.chen@harbor.demo.tandem.test", firstName: "Alex", lastName: "Chen", pronouns: "they/them", phone: "+1 424-555-0117", dateOfBirth: "1990-06-21" },
      { email: "jamie.rivera@harbor.demo.tandem.test", firstName: "Jamie", lastName: "Rivera", pronouns: "she/her", phone: "+1 424-555-0118", dateOfBirth: "1991-01-09" },
      { email: "hannah.brooks@harbor.demo.tandem.test", firstName: "Hannah", lastName: "Brooks", pronouns: "she/her", phone: "+1 213-555-0162", dateOfBirth: "1993-08-30" },
    ],
    couples: [
      ["daniel.okafor@harbor.demo.tandem.test", "priya.okafor@harbor.demo.tandem.test"],
      ["alex.chen@harbor.demo.tandem.test", "jamie.rivera@harbor.demo.tandem.test"],
    ],
    services: [
      {
        name: "Couples session",
        description: "A 50-minute Emotionally Focused Therapy session for both partners, by secure video.",
        durationMinutes: 50,
        priceCents: 19_000,
        currency: "USD",
        format: "online",
        attendance: "couple",
        bufferAfterMinutes: 10,
        minNoticeMinutes: 12 * 60,
        horizonDays: 60,
        slotStepMinutes: 15,
        cancellationWindowHours: 24,
        lateCancelFeeCents: 9_500,
        noShowFeeCents: 19_000,
      },
      {
        name: "Individual session",
        description: "A 50-minute session for one partner, by secure video.",
        durationMinutes: 50,
        priceCents: 16_000,
        currency: "USD",
        format: "online",
        attendance: "individual",
        bufferAfterMinutes: 10,
        minNoticeMinutes: 12 * 60,
        horizonDays: 60,
        slotStepMinutes: 15,
        cancellationWindowHours: 24,
        lateCancelFeeCents: 8_000,
        noShowFeeCents: 16_000,
      },
      {
        name: "Couples intensive (in person)",
        description: "A 90-minute session for both partners at the Santa Monica office.",
        durationMinutes: 90,
        priceCents: 32_000,
        currency: "USD",
        format: "in_person",
        attendance: "couple",
        bufferAfterMinutes: 15,
        minNoticeMinutes: 48 * 60,
        horizonDays: 90,
        slotStepMinutes: 30,
        cancellationWindowHours: 72,
        lateCancelFeeCents: 16_000,
        noShowFeeCents: 32_000,
      },
    ],
    hours: [
      { email: HARBOR_THERAPIST, weekdays: [1, 2, 4], start: "09:00", end: "17:00", location: null },
      // Wednesday mornings at the office, afternoons online.
      { email: HARBOR_THERAPIST, weekdays: [3], start: "09:00", end: "13:00", location: "Santa Monica office" },
      { email: HARBOR_THERAPIST, weekdays: [3], start: "13:00", end: "17:00", location: null },
      // Evenings for parents, after the children's bedtime.
      { email: HARBOR_THERAPIST, weekdays: [2, 4], start: "19:00", end: "21:30", location: null },
    ],
  },
  {
    // Online only: no locations, no street address.
    practice: {
      name: "Kindling Intimacy & Parenting Coaching",
      slug: DEMO_PRACTICE_SLUGS.coaching,
      kind: "coaching",
      timeZone: "Europe/London",
      email: "hello@kindling.demo.tandem.test",
      phone: "+44 20 7946 0958",
      country: "GB",
    },
    locations: [],
    staff: [{ email: KINDLING_COACH, role: "owner", credentials: "PCC", videoUrl: "https://video.demo.tandem.test/kindling-eleanor-whitcombe" }],
    clients: [
      { email: "tom.hargreaves@kindling.demo.tandem.test", firstName: "Tom", lastName: "Hargreaves", pronouns: "he/him", phone: "+44 7700 900123", dateOfBirth: "1985-05-17" },
      { email: "amira.hargreaves@kindling.demo.tandem.test", firstName: "Amira", lastName: "Hargreaves", pronouns: "she/her", phone: "+44 7700 900124", dateOfBirth: "1988-09-25" },
      { email: "sophie.ashworth@kindling.demo.tandem.test", firstName: "Sophie", lastName: "Ashworth", pronouns: "she/her", phone: "+44 7700 900456", dateOfBirth: "1992-12-03" },
    ],
    couples: [["tom.hargreaves@kindling.demo.tandem.test", "amira.hargreaves@kindling.demo.tandem.test"]],
    services: [
      {
        name: "Coaching call",
        description: "A one-hour video call, on your own or together.",
        durationMinutes: 60,
        priceCents: 12_000,
        currency: "GBP",
        format: "online",
        attendance: "either",
        bufferAfterMinutes: 15,
        slotStepMinutes: 30,
        cancellationWindowHours: 48,
        lateCancelFeeCents: 6_000,
        noShowFeeCents: 12_000,
      },
      {
        name: "Couples coaching",
        description: "A 75-minute video session for both partners.",
        durationMinutes: 75,
        priceCents: 16_000,
        currency: "GBP",
        format: "online",
        attendance: "couple",
        bufferAfterMinutes: 15,
        slotStepMinutes: 15,
        cancellationWindowHours: 48,
        lateCancelFeeCents: 8_000,
        noShowFeeCents: 16_000,
      },
    ],
    hours: [
      { email: KINDLING_COACH, weekdays: [1, 2, 3, 4, 5], start: "10:00", end: "18:00", location: null },
      { email: KINDLING_COACH, weekdays: [3], start: "20:00", end: "21:30", location: null },
    ],
  },
  {
    practice: {
      name: "Meadowbrook Pelvic Health",
      slug: DEMO_PRACTICE_SLUGS.pelvicPt,
      kind: "pelvic_pt",
      timeZone: "America/Chicago",
      email: "hello@meadowbrook.demo.tandem.test",
      phone: "+1 312-555-0170",
      addressLine1: "2318 N Clark Street",
      addressLine2: "Suite 302",
      city: "Chicago",
      region: "IL",
      postalCode: "60614",
      country: "US",
    },
    locations: [
      {
        name: "Lincoln Park clinic",
        addressLine1: "2318 N Clark Street",
        addressLine2: "Suite 302",
        city: "Chicago",
        region: "IL",
        postalCode: "60614",
        timeZone: "America/Chicago",
      },
      {
        name: "Oak Park clinic",
        addressLine1: "1045 Lake Street",
        addressLine2: "Suite 210",
        city: "Oak Park",
        region: "IL",
        postalCode: "60301",
        timeZone: "America/Chicago",
      },
    ],
    staff: [
      { email: "owner@meadowbrook.demo.tandem.test", role: "owner", credentials: "PT, DPT" },
      { email: "pt@meadowbrook.demo.tandem.test", role: "clinician", credentials: "PT, DPT" },
      { email: "pt2@meadowbrook.demo.tandem.test", role: "clinician", credentials: "PT, DPT" },
      { email: "admin@meadowbrook.demo.tandem.test", role: "admin", credentials: null },
      { email: "frontdesk@meadowbrook.demo.tandem.test", role: "front_desk", credentials: null },
    ],
    clients: [
      { email: "emily.carter@meadowbrook.demo.tandem.test", firstName: "Emily", lastName: "Carter", pronouns: "she/her", phone: "+1 312-555-0181", dateOfBirth: "1994-02-11" },
      { email: "aisha.rahman@meadowbrook.demo.tandem.test", firstName: "Aisha", lastName: "Rahman", pronouns: "she/her", phone: "+1 312-555-0182", dateOfBirth: "1991-07-08" },
      { email: "lauren.fitzgerald@meadowbrook.demo.tandem.test", firstName: "Lauren", lastName: "Fitzgerald", preferredName: "Laurie", pronouns: "she/her", phone: "+1 773-555-0183", dateOfBirth: "1989-10-19" },
      { email: "mei.tanaka@meadowbrook.demo.tandem.test", firstName: "Mei", lastName: "Tanaka", pronouns: "she/her", phone: "+1 773-555-0184", dateOfBirth: "1993-04-27" },
      { email: "brianna.jackson@meadowbrook.demo.tandem.test", firstName: "Brianna", lastName: "Jackson", pronouns: "she/her", phone: "+1 708-555-0185", dateOfBirth: "1996-12-15" },
    ],
    couples: [],
    services: [
      {
        name: "Postpartum pelvic-health evaluation",
        description: "A 60-minute first visit: history, assessment and a plan, in the clinic.",
        durationMinutes: 60,
        priceCents: 22_500,
        currency: "USD",
        format: "in_person",
        attendance: "individual",
        bufferAfterMinutes: 15,
        cancellationWindowHours: 24,
        lateCancelFeeCents: 5_000,
        noShowFeeCents: 7_500,
        clinicians: [...MEADOWBROOK_PTS],
      },
      {
        name: "Pelvic PT follow-up",
        description: "A 45-minute follow-up visit in the clinic.",
        durationMinutes: 45,
        priceCents: 16_500,
        currency: "USD",
        format: "in_person",
        attendance: "individual",
        bufferAfterMinutes: 15,
        cancellationWindowHours: 24,
        lateCancelFeeCents: 4_000,
        noShowFeeCents: 6_000,
        clinicians: [...MEADOWBROOK_PTS],
      },
    ],
    hours: [
      ...ptDay(MEADOWBROOK_PTS[0], [1, 3], "Lincoln Park clinic"),
      ...ptDay(MEADOWBROOK_PTS[0], [5], "Oak Park clinic"),
      ...ptDay(MEADOWBROOK_PTS[1], [2, 4], "Lincoln Park clinic"),
      ...ptDay(MEADOWBROOK_PTS[1], [3], "Oak Park clinic"),
      ...ptDay(MEADOWBROOK_PTS[2], [1, 2, 4], "Oak Park clinic"),
      ...ptDay(MEADOWBROOK_PTS[2], [5], "Lincoln Park clinic"),
    ],
  },
];

/**
 * The fixtures above and DEMO_ACCOUNTS must describe the same people:
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
async function insertDemo(tx: Tx): Promise<DemoSeedSummary> {
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
    const [practice] = await tx.insert(practices).values(fixture.practice).returning({ id: practices.id });
    const practiceId = practice!.id;
    summary.practices += 1;

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
      await seedIntakeDemoHistory(tx, practiceId, intakeTemplates, [first, second], DEMO_JOINED_AT);
    }
  }
  // The shared exercise library, and a little homework for the demo couples.
  await syncHomeworkLibrary(tx);
  await seedDemoHomework(tx);
  // Billing (lib/billing/): payment at booking, superbill codes, a package.
  await seedBillingDemo(tx);
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

/** Inserts the three demo practices, their teams, clients, services and hours, in one transaction. */
export async function seedDemo(database: DbOrTx): Promise<DemoSeedSummary> {
  return database.transaction((tx) => insertDemo(tx));
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
    await insertDemo(tx);
    return true;
  });
}
