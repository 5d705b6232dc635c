import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";

/**
 * Sessions in every demo practice around the seeding day: past visits
 * completed and paid (six weeks back), a today and a tomorrow for the clinic
 * home (lib/home), and the next two weeks booked. Couples as one unit, online
 * sessions with the clinician's video room, forms still missing, each
 * payment state, and one no-show with its fee open. Days count from the
 * seeding day in the practice's zone; times are local. No two of one
 * clinician's sessions overlap, buffers included (the database refuses it).
 */
export interface DemoAppointment {
  practiceSlug: string;
  clinicianEmail: string;
  service: string;
  /** One client, or a couple's two. */
  clients: [string] | [string, string];
  /** Days from the seeding day: negative in the past. */
  day: number;
  time: string;
  location?: string;
  status: "completed" | "confirmed" | "pending_payment" | "no_show";
  /** Paid online at booking: the full price, or the deposit. */
  paid?: "full" | "deposit";
  /** With a deposit: the rest paid at the visit (a completed one). */
  balancePaid?: boolean;
  /** A charge at booking that the card declined. */
  declined?: boolean;
  /** The service's forms, assigned at booking and not answered yet. */
  formsMissing?: boolean;
  /** The no-show fee, still open. */
  noShowFee?: boolean;
}

const H = (who: string) => `${who}@harbor.demo.tandem.test`;
const M = (who: string) => `${who}@meadowbrook.demo.tandem.test`;
const K = (who: string) => `${who}@kindling.demo.tandem.test`;

export const DEMO_APPOINTMENTS: DemoAppointment[] = [
  // Harbor: the couple's intake already waits in both portals (db/seed/intake.ts).
  { practiceSlug: DEMO_PRACTICE_SLUGS.couplesTherapy, clinicianEmail: H("therapist"), service: "Couples session", clients: [H("daniel.okafor"), H("priya.okafor")], day: 0, time: "17:00", status: "confirmed", paid: "full" },
  { practiceSlug: DEMO_PRACTICE_SLUGS.couplesTherapy, clinicianEmail: H("therapist"), service: "Individual session", clients: [H("hannah.brooks")], day: 0, time: "19:00", status: "pending_payment" },
  { practiceSlug: DEMO_PRACTICE_SLUGS.couplesTherapy, clinicianEmail: H("therapist"), service: "Couples session", clients: [H("alex.chen"), H("jamie.rivera")], day: 1, time: "10:00", status: "confirmed", paid: "full", formsMissing: true },
  // Meadowbrook: the clinician pt@, the front desk's day.
  { practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt, clinicianEmail: M("pt"), service: "Pelvic PT follow-up", clients: [M("emily.carter")], day: 0, time: "15:00", location: "Lincoln Park clinic", status: "confirmed", paid: "full" },
  { practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt, clinicianEmail: M("pt"), service: "Postpartum pelvic-health evaluation", clients: [M("aisha.rahman")], day: 0, time: "16:15", location: "Lincoln Park clinic", status: "confirmed", paid: "deposit", formsMissing: true },
  { practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt, clinicianEmail: M("pt"), service: "Pelvic PT follow-up", clients: [M("lauren.fitzgerald")], day: 1, time: "09:00", location: "Lincoln Park clinic", status: "pending_payment", declined: true },
  { practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt, clinicianEmail: M("pt"), service: "Pelvic PT follow-up", clients: [M("mei.tanaka")], day: -1, time: "11:00", location: "Lincoln Park clinic", status: "no_show", paid: undefined, noShowFee: true },
  // Past and coming weeks (none on the seeding day or the next in Harbor and Meadowbrook beyond the
  // above, which tests/integration/home-seed.test.ts reads as the clinic home's whole today and tomorrow).
  ...harborWeeks(),
  ...kindlingWeeks(),
  ...meadowbrookWeeks(),
];

function harborWeeks(): DemoAppointment[] {
  const base = { practiceSlug: DEMO_PRACTICE_SLUGS.couplesTherapy, clinicianEmail: H("therapist") };
  const okafors = { ...base, service: "Couples session", clients: [H("daniel.okafor"), H("priya.okafor")] as [string, string], time: "17:00" };
  const hannah = { ...base, service: "Individual session", clients: [H("hannah.brooks")] as [string], time: "19:00" };
  return [
    ...[-21, -14, -7].map((day) => ({ ...okafors, day, status: "completed" as const, paid: "full" as const })),
    { ...okafors, day: 7, status: "confirmed", paid: "full" },
    ...[-14, -7].map((day) => ({ ...hannah, day, status: "completed" as const, paid: "full" as const })),
    { ...hannah, day: 7, status: "confirmed", paid: "full" },
  ];
}

function kindlingWeeks(): DemoAppointment[] {
  const base = { practiceSlug: DEMO_PRACTICE_SLUGS.coaching, clinicianEmail: K("coach") };
  const couple = { ...base, service: "Couples coaching", clients: [K("tom.hargreaves"), K("amira.hargreaves")] as [string, string] };
  const sophie = { ...base, service: "Coaching call", clients: [K("sophie.ashworth")] as [string], time: "14:00" };
  return [
    ...[-28, -14, -3].map((day) => ({ ...couple, day, time: "11:00", status: "completed" as const, paid: "full" as const })),
    { ...couple, day: 0, time: "16:30", status: "confirmed", paid: "full" },
    { ...couple, day: 11, time: "11:00", status: "confirmed", paid: "full" },
    ...[-21, -7].map((day) => ({ ...sophie, day, status: "completed" as const, paid: "full" as const })),
    { ...sophie, day: 1, status: "confirmed", paid: "full", formsMissing: true },
    { ...sophie, day: 8, status: "pending_payment" },
  ];
}

function meadowbrookWeeks(): DemoAppointment[] {
  const base = { practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt, location: "Lincoln Park clinic" };
  const evaluation = "Postpartum pelvic-health evaluation";
  const followUp = "Pelvic PT follow-up";
  const pt = { ...base, clinicianEmail: M("pt") };
  const owner = { ...base, clinicianEmail: M("owner") };
  const done = { status: "completed" as const, paid: "full" as const };
  const evaluated = { status: "completed" as const, paid: "deposit" as const, balancePaid: true };
  return [
    // Emily: evaluated six weeks ago, then weekly (her pain ratings in ./measures.ts).
    { ...pt, service: evaluation, clients: [M("emily.carter")], day: -42, time: "10:00", ...evaluated },
    ...[-35, -28, -21, -14, -7].map((day) => ({ ...pt, service: followUp, clients: [M("emily.carter")] as [string], day, time: "15:00", ...done })),
    { ...pt, service: followUp, clients: [M("emily.carter")], day: 7, time: "15:00", status: "confirmed", paid: "full" },
    // Mei: evaluated, one follow-up, then yesterday's no-show; booked again.
    { ...pt, service: evaluation, clients: [M("mei.tanaka")], day: -20, time: "10:00", ...evaluated },
    { ...pt, service: followUp, clients: [M("mei.tanaka")], day: -8, time: "11:00", ...done },
    { ...pt, service: followUp, clients: [M("mei.tanaka")], day: 6, time: "11:00", status: "confirmed", paid: "full" },
    // Aisha: evaluated today (above), her first follow-up next week.
    { ...pt, service: followUp, clients: [M("aisha.rahman")], day: 7, time: "16:15", status: "confirmed", paid: "full" },
    // Lauren with the owner before, with pt@ tomorrow (above).
    { ...owner, service: evaluation, clients: [M("lauren.fitzgerald")], day: -30, time: "09:00", ...evaluated },
    { ...owner, service: followUp, clients: [M("lauren.fitzgerald")], day: -16, time: "09:00", ...done },
    // Brianna: new, evaluated at Oak Park in three days, forms still to fill in.
    { practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt, clinicianEmail: M("pt2"), location: "Oak Park clinic", service: evaluation, clients: [M("brianna.jackson")], day: 3, time: "10:00", status: "confirmed", paid: "deposit", formsMissing: true },
  ];
}
