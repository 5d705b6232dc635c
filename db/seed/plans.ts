import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { clients, planVersions, practices, treatmentPlans, users } from "@/db/schema";
import { addDays } from "@/lib/dates/calendar";
import { todayIn } from "@/lib/dates/zone";
import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
import type { PlanContent } from "@/lib/plans/content";

const DAY = 24 * 3_600_000;

interface DemoPlan {
  practiceSlug: string;
  author: string;
  client: string;
  partner: string | null;
  content: PlanContent;
  /** Days from the seeding day (in the practice's zone) to the review date. */
  reviewInDays: number;
  publishedDaysAgo: number;
}

/*
 * Written for the demo in our own words. Harbor's couple plan reviews in five
 * days, so the therapist's home shows the review card; neither partner has
 * signed, so each can sign on their phone. Meadowbrook's plan tracks pain.
 */
const PLANS: DemoPlan[] = [
  {
    practiceSlug: DEMO_PRACTICE_SLUGS.couplesTherapy,
    author: "therapist@harbor.demo.tandem.test",
    client: "priya.okafor@harbor.demo.tandem.test",
    partner: "daniel.okafor@harbor.demo.tandem.test",
    reviewInDays: 5,
    publishedDaysAgo: 10,
    content: {
      presentingConcerns: "Growing distance since their second child; arguments about night feeds end with one reaching harder and the other going quiet.",
      diagnoses: ["Z63.0"],
      interventions: "Emotionally focused couple therapy, stage one: de-escalating the cycle.",
      goals: [
        {
          text: "Feel like a team again at home",
          interventions: "Tracking the cycle in session; enactments of reaching and responding.",
          objectives: [
            { text: "Both can describe their cycle in their own words", targetDate: null },
            { text: "One ten-minute check-in each evening, four nights a week", targetDate: null },
          ],
          measure: { measureKey: "csi4", comparator: "at_least", target: 13.5, who: "both", byDate: null },
        },
      ],
    },
  },
  {
    practiceSlug: DEMO_PRACTICE_SLUGS.pelvicPt,
    author: "pt@meadowbrook.demo.tandem.test",
    client: "emily.carter@meadowbrook.demo.tandem.test",
    partner: null,
    reviewInDays: 28,
    publishedDaysAgo: 40,
    content: {
      presentingConcerns: "Pelvic pain with sitting and intercourse since the birth of her daughter.",
      diagnoses: ["N94.10", "M62.89"],
      interventions: "Down-training of the pelvic floor, breathing, graded return to activity, home program.",
      goals: [
        {
          text: "Sit through a workday without pain stopping her",
          interventions: "Pelvic floor relaxation and diaphragmatic breathing; seating advice.",
          objectives: [{ text: "Home program five days a week", targetDate: null }],
          measure: { measureKey: "pain", comparator: "at_most", target: 3, who: "client", byDate: null },
        },
      ],
    },
  },
];

/**
 * Published treatment plans for the demo (decision 0051): one version each,
 * written and published by the practice's clinician. Dates follow the
 * seeding day, so the review card and the charts read right on any day.
 */
export async function seedDemoPlans(tx: Tx, now = new Date()): Promise<void> {
  for (const plan of PLANS) {
    const [practice] = await tx.select().from(practices).where(eq(practices.slug, plan.practiceSlug));
    if (!practice) continue;
    const emails = [plan.client, ...(plan.partner ? [plan.partner] : [])];
    const people = await tx.select({ id: clients.id, email: clients.email }).from(clients).where(and(eq(clients.practiceId, practice.id), inArray(clients.email, emails)));
    const client = people.find((p) => p.email === plan.client);
    const partner = plan.partner ? people.find((p) => p.email === plan.partner) : null;
    if (!client || (plan.partner && !partner)) throw new Error(`demo plans: a client of ${plan.practiceSlug} is missing`);
    const [author] = await tx.select({ id: users.id }).from(users).where(eq(users.email, plan.author));
    const today = todayIn(practice.timeZone, now);
    const publishedAt = new Date(now.getTime() - plan.publishedDaysAgo * DAY);
    const content: PlanContent = {
      ...plan.content,
      goals: plan.content.goals.map((g) => ({
        ...g,
        objectives: g.objectives.map((o) => ({ ...o, targetDate: addDays(today, plan.reviewInDays) })),
        measure: g.measure ? { ...g.measure, byDate: addDays(today, plan.reviewInDays + 42) } : null,
      })),
    };
    const [row] = await tx
      .insert(treatmentPlans)
      .values({ practiceId: practice.id, clientId: client.id, partnerClientId: partner?.id ?? null, createdByUserId: author?.id ?? null, createdAt: publishedAt })
      .returning({ id: treatmentPlans.id });
    await tx.insert(planVersions).values({
      practiceId: practice.id,
      planId: row!.id,
      number: 1,
      status: "published",
      content,
      reviewDate: addDays(today, plan.reviewInDays),
      createdByUserId: author?.id ?? null,
      createdAt: publishedAt,
      updatedAt: publishedAt,
      publishedAt,
      publishedByUserId: author?.id ?? null,
    });
  }
}
