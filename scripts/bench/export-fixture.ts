import { randomUUID } from "node:crypto";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointments,
  assignments,
  checkIns,
  clients,
  couples,
  exercises,
  formAssignments,
  formResponses,
  formTemplates,
  formVersions,
  members,
  payments,
  practices,
  services,
  users,
} from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { addDays, todayIn } from "@/lib/dates";

/**
 * A practice of `clients` clients (half of them in couples), each with an
 * intake answered, a session attended and paid, and one homework with
 * `checkInsPerClient` check-ins: 500 × 40 = 20,000 for `npm run bench:export`.
 */
export async function createExportBenchPractice(now: Date, size = { clients: 500, checkInsPerClient: 40 }): Promise<{ scope: PracticeScope; clientIds: string[] }> {
  const tag = randomUUID().slice(0, 8);
  const [practice] = await db.insert(practices).values({ name: `Export bench ${tag}`, slug: `export-bench-${tag}`, kind: "couples_therapy", timeZone: "America/New_York" }).returning();
  const p = practice!.id;
  const [user] = await db.insert(users).values({ email: `owner-${tag}@bench.test`, name: "Owner" }).returning();
  const [member] = await db.insert(members).values({ practiceId: p, userId: user!.id, role: "owner", displayName: "Owner", joinedAt: now }).returning();
  const people = await db
    .insert(clients)
    .values(Array.from({ length: size.clients }, (_, i) => ({ practiceId: p, firstName: `Client${i}`, lastName: `Bench${tag}`, email: `c${i}-${tag}@bench.test`, dateOfBirth: "1988-01-01" })))
    .returning({ id: clients.id });
  const ids = people.map((x) => x.id).sort();
  const coupleRows = [];
  for (let i = 0; i + 1 < ids.length / 2; i += 2) coupleRows.push({ practiceId: p, clientAId: ids[i]!, clientBId: ids[i + 1]! });
  await db.insert(couples).values(coupleRows);

  const [template] = await db.insert(formTemplates).values({ practiceId: p, slug: "intake", kind: "intake", title: "Intake" }).returning();
  const [version] = await db
    .insert(formVersions)
    .values({
      practiceId: p,
      templateId: template!.id,
      version: 1,
      definition: { title: "Intake", sections: [{ id: "s", title: "About you", questions: [{ id: "hopes", kind: "long_text", label: "What do you hope changes?", required: true }] }] },
    })
    .returning();
  const [service] = await db.insert(services).values({ practiceId: p, name: "Session", durationMinutes: 50, priceCents: 15000, format: "online", attendance: "individual" }).returning();
  const [exercise] = await db
    .insert(exercises)
    .values({ practiceId: p, title: "Daily check", summary: "A few minutes", instructions: "1. Pause", category: "self_care", participants: "individual", frequencyPerWeek: 7, minutes: 5, prompts: { ratings: [], questions: [] } })
    .returning();
  const today = todayIn(practice!.timeZone, now);
  const start = addDays(today, -size.checkInsPerClient);

  for (let from = 0; from < ids.length; from += 100) {
    const batch = ids.slice(from, from + 100);
    const fa = await db
      .insert(formAssignments)
      .values(batch.map((clientId) => ({ practiceId: p, clientId, templateId: template!.id, versionId: version!.id, source: "manual" as const, status: "completed" as const, startedAt: now, completedAt: now })))
      .returning({ id: formAssignments.id, clientId: formAssignments.clientId });
    await db
      .insert(formResponses)
      .values(fa.map((a) => ({ practiceId: p, assignmentId: a.id, clientId: a.clientId, templateId: template!.id, versionId: version!.id, status: "submitted" as const, answers: { hopes: "To talk more and argue less about the small things." }, submittedAt: now })));
    // One clinician: a session an hour, going back (sessions must not overlap).
    const slot = (i: number) => {
      const startsAt = new Date(now.getTime() - (from + i + 1) * 3_600_000);
      const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
      return { startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt };
    };
    const appts = await db
      .insert(appointments)
      .values(batch.map((_, i) => ({ practiceId: p, serviceId: service!.id, memberId: member!.id, format: "online" as const, ...slot(i), status: "completed" as const, priceCents: 15000, currency: "USD" })))
      .returning({ id: appointments.id });
    await db.insert(appointmentAttendees).values(batch.map((clientId, i) => ({ practiceId: p, appointmentId: appts[i]!.id, clientId })));
    await db
      .insert(payments)
      .values(batch.map((clientId, i) => ({ practiceId: p, kind: "session" as const, status: "succeeded" as const, amountCents: 15000, currency: "USD", clientId, appointmentId: appts[i]!.id, description: "Session", paidAt: slot(i).startsAt })));
    const hw = await db
      .insert(assignments)
      .values(batch.map((clientId) => ({ practiceId: p, clientId, exerciseId: exercise!.id, mode: "individual" as const, startDate: start, timesPerWeek: 7, dueDate: addDays(start, 90), assignedByMemberId: member!.id })))
      .returning({ id: assignments.id, clientId: assignments.clientId });
    const facts: (typeof checkIns.$inferInsert)[] = [];
    for (const a of hw) {
      for (let k = 0; k < size.checkInsPerClient; k++) {
        facts.push({ practiceId: p, assignmentId: a.id, exerciseId: exercise!.id, clientId: a.clientId!, date: addDays(start, k), done: k % 4 !== 0, reflection: k % 5 === 0 ? "Calmer than last week; we kept to the plan." : null });
      }
    }
    for (let i = 0; i < facts.length; i += 1000) await db.insert(checkIns).values(facts.slice(i, i + 1000));
  }
  const scope: PracticeScope = {
    user: { id: user!.id, email: user!.email, name: user!.name, isStaff: true },
    practice: practice!,
    memberId: member!.id,
    role: "owner",
    displayName: "Owner",
  };
  return { scope, clientIds: ids };
}
