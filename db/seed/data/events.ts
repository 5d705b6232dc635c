import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
import { DEMO_PACKAGE } from "./billing";

/**
 * Demo group events and workbooks (issue 14): one practice each of a paid
 * webinar, a free class and a class that takes package credits, and a
 * workbook for sale. Dates are days after the seeding day, at a local time
 * in the practice's zone. Titles and descriptions are written for the
 * demo, not taken from the seeds.
 */
export interface DemoEvent {
  practiceSlug: string;
  title: string;
  description: string;
  /** The host's email (a demo staff member). */
  host: string;
  capacity: number;
  priceCents: number | null;
  /** Seats may be paid with a credit of the practice's demo package. */
  takesPackageCredits?: boolean;
  /** Days after seeding and local HH:MM, one per date; 60 or 90 minutes each. */
  dates: { daysAhead: number; time: string; minutes: number }[];
  /** Demo clients already signed up (one seat each). */
  attendees: string[];
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt,
    title: "Desire after birth: an evening webinar for couples",
    description: "An hour for both partners on why desire often shifts after a baby, what the body is doing, and how to talk about it without blame. Questions at the end; cameras optional.",
    host: "owner@meadowbrook.demo.tandem.test",
    capacity: 40,
    priceCents: 3500,
    dates: [{ daysAhead: 12, time: "19:00", minutes: 60 }],
    attendees: ["emily.carter@meadowbrook.demo.tandem.test"],
  },
  {
    practiceSlug: DEMO_PRACTICE_SLUGS.coaching,
    title: "Parenting as a team: a three-week class",
    description: "Three evenings for parents who want to share the load and argue less about it: a weekly plan, the check-in, and repair after a hard day.",
    host: "coach@kindling.demo.tandem.test",
    capacity: 12,
    priceCents: 9000,
    takesPackageCredits: true,
    dates: [
      { daysAhead: 9, time: "19:30", minutes: 90 },
      { daysAhead: 16, time: "19:30", minutes: 90 },
      { daysAhead: 23, time: "19:30", minutes: 90 },
    ],
    attendees: [],
  },
  {
    practiceSlug: DEMO_PRACTICE_SLUGS.couplesTherapy,
    title: "New parents, still a couple: a free Q&A",
    description: "A relaxed online hour on staying close in the first year with a baby. Bring a question or just listen.",
    host: "therapist@harbor.demo.tandem.test",
    capacity: 30,
    priceCents: null,
    dates: [{ daysAhead: 6, time: "18:00", minutes: 60 }],
    attendees: ["hannah.brooks@harbor.demo.tandem.test"],
  },
];

export interface DemoWorkbook {
  practiceSlug: string;
  title: string;
  description: string;
  priceCents: number;
  filename: string;
  /** The PDF's pages: a heading and its paragraphs. */
  pages: { heading: string; paragraphs: string[] }[];
}

export const DEMO_WORKBOOKS: DemoWorkbook[] = [
  {
    practiceSlug: DEMO_PRACTICE_SLUGS.coaching,
    title: "The weekly check-in: a workbook for two",
    description: "Twenty minutes a week, together: what went well, what felt heavy, and one thing each of you will try. Printable pages for six weeks.",
    priceCents: 1200,
    filename: "weekly-check-in.pdf",
    pages: [
      { heading: "How to use this workbook", paragraphs: ["Pick a regular time. Sit side by side. Take turns with each question, and listen without fixing."] },
      { heading: "Week 1", paragraphs: ["What went well between us this week?", "What felt heavy?", "One small thing I will try next week:"] },
    ],
  },
];

export { DEMO_PACKAGE };
