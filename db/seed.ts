import { count, inArray, sql } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { clients, couples, locations, members, practices, users, type MemberRole } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PRACTICE_SLUGS, type DemoAccount } from "@/lib/demo/demo-accounts";

/**
 * Demo data: three fictional practices (one per kind), their team, and
 * clients with portal access, so a fresh machine has something to click.
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
    staff: [{ email: "therapist@harbor.demo.tandem.test", role: "owner", credentials: "LMFT" }],
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
    staff: [{ email: "coach@kindling.demo.tandem.test", role: "owner", credentials: "PCC" }],
    clients: [
      { email: "tom.hargreaves@kindling.demo.tandem.test", firstName: "Tom", lastName: "Hargreaves", pronouns: "he/him", phone: "+44 7700 900123", dateOfBirth: "1985-05-17" },
      { email: "amira.hargreaves@kindling.demo.tandem.test", firstName: "Amira", lastName: "Hargreaves", pronouns: "she/her", phone: "+44 7700 900124", dateOfBirth: "1988-09-25" },
      { email: "sophie.ashworth@kindling.demo.tandem.test", firstName: "Sophie", lastName: "Ashworth", pronouns: "she/her", phone: "+44 7700 900456", dateOfBirth: "1992-12-03" },
    ],
    couples: [["tom.hargreaves@kindling.demo.tandem.test", "amira.hargreaves@kindling.demo.tandem.test"]],
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
}

/** Writes the demo data inside the caller's transaction. */
async function insertDemo(tx: Tx): Promise<DemoSeedSummary> {
  const accounts = demoAccountsByEmail();
  const summary: DemoSeedSummary = { practices: 0, locations: 0, users: 0, members: 0, clients: 0, couples: 0 };

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

    if (fixture.locations.length > 0) {
      await tx.insert(locations).values(fixture.locations.map((l) => ({ ...l, practiceId })));
      summary.locations += fixture.locations.length;
    }

    await tx.insert(members).values(
      fixture.staff.map((s) => ({
        practiceId,
        userId: userId(s.email),
        role: s.role,
        displayName: accounts.get(s.email)!.name,
        credentials: s.credentials,
        invitedAt: DEMO_JOINED_AT,
        joinedAt: DEMO_JOINED_AT,
      })),
    );
    summary.members += fixture.staff.length;

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
  }
  return summary;
}

/** Inserts the three demo practices, their teams and clients, in one transaction. */
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
