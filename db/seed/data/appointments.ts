import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";

/**
 * A few sessions around the seeding day, so the clinic home (lib/home) has
 * a today and a tomorrow to show: couples as one unit, online sessions with
 * the clinician's video room, forms still missing, each payment state, and
 * one no-show with its fee open. Days count from the seeding day in the
 * practice's zone; times are local.
 */
export interface DemoAppointment {
  practiceSlug: string;
  clinicianEmail: string;
  service: string;
  /** One client, or a couple's two. */
  clients: [string] | [string, string];
  day: -1 | 0 | 1;
  time: string;
  location?: string;
  status: "confirmed" | "pending_payment" | "no_show";
  /** Paid online at booking: the full price, or the deposit. */
  paid?: "full" | "deposit";
  /** A charge at booking that the card declined. */
  declined?: boolean;
  /** The service's forms, assigned at booking and not answered yet. */
  formsMissing?: boolean;
  /** The no-show fee, still open. */
  noShowFee?: boolean;
}

const H = (who: string) => `${who}@harbor.demo.tandem.test`;
const M = (who: string) => `${who}@meadowbrook.demo.tandem.test`;

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
];
