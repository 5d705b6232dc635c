import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointments,
  assignments,
  checkIns,
  couples,
  exercises,
  formAssignments,
  formResponses,
  formTemplates,
  formVersions,
  payments,
  services,
  type Client,
  type Practice,
} from "@/db/schema";
import type { FormDefinition } from "@/lib/intake/form-definition";
import { createClient, createMember, createPracticeWithOwner, uniqueEmail, type TestMember } from "./factories";

/** What each partner wrote; the export of one must hold their own and never the other's. */
export const MARKS = {
  ownAnswer: "Ana wants more evenings together",
  partnerAnswer: "Bo keeps this between us and the therapist",
  ownReflection: "Ana felt closer after the walk",
  partnerPrivate: "Bo private reflection never for Ana",
  partnerShared: "Bo shared reflection for Ana",
  personalNote: "Walk after dinner, phones at home",
} as const;

const DEFINITION: FormDefinition = {
  title: "Couples intake",
  sections: [
    {
      id: "about",
      title: "About you",
      questions: [
        { id: "hopes", kind: "long_text", label: "What do you hope changes?", required: true },
        { id: "together", kind: "yes_no", label: "Do you live together?", required: false },
      ],
    },
  ],
};

/**
 * A couple (Ana and Bo) in a fresh practice: one intake each (version 2 of
 * the form), a couple session both attended and Ana paid, a couple homework
 * done by each partner with reflections (Bo's one private, one shared), and a
 * second practice with a client of its own (never in the first's export).
 */
export async function createExportFixture(now: Date) {
  const { practice, owner, scope } = await createPracticeWithOwner();
  const clinician = await createMember(practice, { role: "clinician", displayName: "Dr Rivera" });
  const x = await createClient(practice, { firstName: "Ana", lastName: "Lopez", email: uniqueEmail("ana"), dateOfBirth: "1990-04-02" });
  const y = await createClient(practice, { firstName: "Bo", lastName: "Lopez", email: uniqueEmail("bo") });
  const [a, b] = [x, y].sort((p, q) => (p.id < q.id ? -1 : 1)) as [Client, Client];
  const ana = a.firstName === "Ana" ? a : b;
  const bo = ana === a ? b : a;
  const [couple] = await db.insert(couples).values({ practiceId: practice.id, clientAId: a.id, clientBId: b.id }).returning();

  const [template] = await db.insert(formTemplates).values({ practiceId: practice.id, slug: "couples-intake", kind: "intake", title: "Couples intake" }).returning();
  await db.insert(formVersions).values({ practiceId: practice.id, templateId: template!.id, version: 1, definition: { ...DEFINITION, title: "Old intake" } });
  const [version] = await db.insert(formVersions).values({ practiceId: practice.id, templateId: template!.id, version: 2, definition: DEFINITION }).returning();
  for (const [client, text] of [
    [ana, MARKS.ownAnswer],
    [bo, MARKS.partnerAnswer],
  ] as const) {
    const [asg] = await db
      .insert(formAssignments)
      .values({ practiceId: practice.id, clientId: client.id, templateId: template!.id, versionId: version!.id, source: "manual", status: "completed", startedAt: now, completedAt: now })
      .returning();
    await db.insert(formResponses).values({
      practiceId: practice.id,
      assignmentId: asg!.id,
      clientId: client.id,
      templateId: template!.id,
      versionId: version!.id,
      status: "submitted",
      answers: { hopes: text, together: true },
      submittedAt: now,
    });
  }

  const [service] = await db.insert(services).values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, priceCents: 18000, format: "online", attendance: "couple" }).returning();
  const startsAt = new Date(now.getTime() - 7 * 24 * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [appt] = await db
    .insert(appointments)
    .values({
      practiceId: practice.id,
      serviceId: service!.id,
      memberId: clinician.member.id,
      coupleId: couple!.id,
      format: "online",
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedTo: endsAt,
      status: "completed",
      priceCents: 18000,
      currency: "USD",
    })
    .returning();
  await db.insert(appointmentAttendees).values([
    { practiceId: practice.id, appointmentId: appt!.id, clientId: ana.id },
    { practiceId: practice.id, appointmentId: appt!.id, clientId: bo.id },
  ]);
  await db.insert(payments).values([
    { practiceId: practice.id, kind: "session", status: "succeeded", amountCents: 9000, currency: "USD", clientId: ana.id, coupleId: couple!.id, appointmentId: appt!.id, splitPart: 1, description: "Couples session (Ana's half)", paidAt: startsAt },
    { practiceId: practice.id, kind: "session", status: "succeeded", amountCents: 9000, currency: "USD", clientId: bo.id, coupleId: couple!.id, appointmentId: appt!.id, splitPart: 2, description: "Couples session (Bo's half)", paidAt: startsAt },
  ]);

  const [exercise] = await db
    .insert(exercises)
    .values({
      practiceId: practice.id,
      title: "Evening walk",
      summary: "A short walk together",
      instructions: "1. Walk\n2. Talk",
      category: "connection",
      participants: "each_partner",
      frequencyPerWeek: 3,
      minutes: 20,
      prompts: { ratings: [], questions: [] },
      clinicianNotes: "Works well early in therapy",
    })
    .returning();
  const day = (n: number) => new Date(now.getTime() - n * 24 * 3_600_000).toISOString().slice(0, 10);
  const [hw] = await db
    .insert(assignments)
    .values({ practiceId: practice.id, coupleId: couple!.id, exerciseId: exercise!.id, mode: "each_partner", startDate: day(10), timesPerWeek: 3, dueDate: day(-10), personalNote: MARKS.personalNote })
    .returning();
  await db.insert(checkIns).values([
    { practiceId: practice.id, assignmentId: hw!.id, exerciseId: exercise!.id, clientId: ana.id, date: day(3), done: true, reflection: MARKS.ownReflection },
    { practiceId: practice.id, assignmentId: hw!.id, exerciseId: exercise!.id, clientId: bo.id, date: day(3), done: true, reflection: MARKS.partnerPrivate },
    { practiceId: practice.id, assignmentId: hw!.id, exerciseId: exercise!.id, clientId: bo.id, date: day(2), done: true, reflection: MARKS.partnerShared, sharedWithPartner: true },
  ]);

  const other = await createPracticeWithOwner();
  const stranger = await createClient(other.practice, { firstName: "Stranger", lastName: "Elsewhere" });
  return { practice, owner, scope, clinician, ana, bo, coupleId: couple!.id, versionId: version!.id, other, stranger };
}

export type ExportFixture = Awaited<ReturnType<typeof createExportFixture>>;
export type { Practice, TestMember };
