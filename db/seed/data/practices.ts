import type { locations, MemberRole, practices, ServiceAttendance, ServiceFormat } from "@/db/schema";
import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
import type { Currency } from "@/lib/money";

/**
 * The demo practices (one per kind): their offices, team, clients with
 * portal access, couples, services and weekly hours. Data only: the seed's
 * logic (db/seed/index.ts) checks it against DEMO_ACCOUNTS and writes it.
 * All names, practices and addresses are fictional.
 */

/** Fixed so the demo team looks the same on every machine. */
export const DEMO_JOINED_AT = new Date("2025-01-06T16:00:00Z");

export type PracticeValues = Omit<typeof practices.$inferInsert, "id" | "createdAt">;
export type LocationValues = Omit<typeof locations.$inferInsert, "id" | "practiceId" | "createdAt">;

export interface StaffFixture {
  email: string;
  role: MemberRole;
  credentials: string | null;
  /** The clinician's standing video room for online sessions. */
  videoUrl?: string;
}

/** A service; prices and fees in minor units. Unset policies take the table's defaults. */
export interface ServiceFixture {
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  currency: Currency;
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
export interface HoursFixture {
  email: string;
  weekdays: number[];
  start: string;
  end: string;
  location: string | null;
}

export interface ClientFixture {
  email: string;
  firstName: string;
  lastName: string;
  preferredName?: string;
  pronouns?: string;
  phone: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
}

export interface PracticeFixture {
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

export const DEMO_PRACTICES: PracticeFixture[] = [
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
        // On the hour: 50 minutes and the 10-minute note buffer (decision 0041).
        slotStepMinutes: 60,
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
        // On the hour: 50 minutes and the 10-minute note buffer (decision 0041).
        slotStepMinutes: 60,
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
      currency: "GBP",
      // Reads as a UK practice does: 24-hour times (decision 0044).
      locale: "en-GB",
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
        // No interval set: times are offered one session length (75 minutes) apart.
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
