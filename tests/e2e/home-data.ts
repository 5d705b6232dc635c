import { and, eq, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { createClient, createMember, createPractice, db } from "./fixtures";

/**
 * A practice (New York) for the clinic home specs, placed around the moment
 * the test runs: the clinician's couple online today (not ended, so the
 * join link shows) waiting for payment with forms missing; Cal by phone
 * tomorrow with a declined card; the colleague's session with Dee today;
 * Cal's no-show yesterday with its fee open, a PHQ-9 answered since, and
 * homework with no check-in for nine days.
 */
export async function homePractice() {
  const practice = await createPractice("couples_therapy");
  const zone = "America/New_York";
  const clinician = await createMember(practice.id, "clinician");
  await db.update(schema.members).set({ videoUrl: "https://video.e2e.tandem.test/room" }).where(eq(schema.members.id, clinician.memberId));
  const colleague = await createMember(practice.id, "clinician");
  const frontDesk = await createMember(practice.id, "front_desk");
  const templates = await seedIntakeForms(db, practice.id, "couples_therapy");
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");
  const cal = await createClient(practice.id, "Cal");
  const dee = await createClient(practice.id, "Dee");
  const [x, y] = [ana.id, ben.id].sort() as [string, string];
  const [couple] = await db.insert(schema.couples).values({ practiceId: practice.id, clientAId: x, clientBId: y }).returning();

  const [online] = await db
    .insert(schema.services)
    .values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, priceCents: 19_000, noShowFeeCents: 19_000, format: "online", attendance: "either" })
    .returning();
  const [phone] = await db.insert(schema.services).values({ practiceId: practice.id, name: "Phone check-in", durationMinutes: 30, priceCents: 9_000, format: "phone", attendance: "individual" }).returning();

  const now = DateTime.now().setZone(zone);
  const midnight = now.startOf("day");
  // Started up to ten minutes ago and still running, yet today in New York.
  const todayStart = DateTime.max(midnight, now.minus({ minutes: 10 }));
  const appointment = async (memberId: string, service: schema.Service, start: DateTime, people: string[], status: schema.AppointmentStatus, coupleId: string | null = null) => {
    const startsAt = start.toJSDate();
    const endsAt = start.plus({ minutes: service.durationMinutes }).toJSDate();
    const [row] = await db
      .insert(schema.appointments)
      .values({ practiceId: practice.id, serviceId: service.id, memberId, coupleId, format: service.format, videoUrl: service.format === "online" && memberId === clinician.memberId ? "https://video.e2e.tandem.test/room" : null, startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status, priceCents: service.priceCents, currency: "USD" })
      .returning();
    await db.insert(schema.appointmentAttendees).values(people.map((clientId) => ({ practiceId: practice.id, appointmentId: row!.id, clientId })));
    return row!;
  };
  const coupleToday = await appointment(clinician.memberId, online!, todayStart, [ana.id, ben.id], "pending_payment", couple!.id);
  await db.insert(schema.payments).values({
    practiceId: practice.id,
    kind: "session",
    status: "pending",
    amountCents: 19_000,
    currency: "USD",
    clientId: ana.id,
    coupleId: couple!.id,
    appointmentId: coupleToday.id,
    description: "Couples session",
    checkoutExpiresAt: now.plus({ hours: 2 }).toJSDate(),
  });
  const calTomorrow = await appointment(clinician.memberId, phone!, midnight.plus({ days: 1, hours: 10 }), [cal.id], "confirmed");
  await db.insert(schema.payments).values({
    practiceId: practice.id,
    kind: "session",
    status: "failed",
    amountCents: 9_000,
    currency: "USD",
    clientId: cal.id,
    appointmentId: calTomorrow.id,
    description: "Phone check-in",
    failureMessage: "Your card was declined.",
  });
  await appointment(colleague.memberId, online!, todayStart, [dee.id], "confirmed");
  const yesterday = await appointment(clinician.memberId, phone!, midnight.minus({ days: 1 }).plus({ hours: 9 }), [cal.id], "no_show");
  await db.insert(schema.fees).values({ practiceId: practice.id, appointmentId: yesterday.id, clientId: cal.id, kind: "no_show", amountCents: 19_000, currency: "USD" });

  const version = async (slug: string) => {
    const templateId = templates.get(slug)!;
    const [v] = await db.select({ id: schema.formVersions.id }).from(schema.formVersions).where(eq(schema.formVersions.templateId, templateId));
    return { templateId, versionId: v!.id };
  };
  const sentAt = midnight.minus({ days: 3 }).toJSDate();
  for (const slug of ["couples-intake", "informed-consent"]) {
    const v = await version(slug);
    await db.insert(schema.formAssignments).values([ana.id, ben.id].map((clientId) => ({ practiceId: practice.id, clientId, ...v, appointmentId: coupleToday.id, source: "booking" as const, sentAt })));
  }
  const phq = await version("phq-9");
  const submittedAt = midnight.minus({ days: 1 }).plus({ hours: 18 }).toJSDate();
  const [assignment] = await db
    .insert(schema.formAssignments)
    .values({ practiceId: practice.id, clientId: cal.id, ...phq, source: "manual", status: "completed", sentAt: submittedAt, startedAt: submittedAt, completedAt: submittedAt })
    .returning();
  await db.insert(schema.formResponses).values({ practiceId: practice.id, assignmentId: assignment!.id, clientId: cal.id, ...phq, status: "submitted", answers: {}, submittedAt, createdAt: submittedAt, updatedAt: submittedAt });

  // The server syncs the shared exercise library at start.
  const [exercise] = await db.select({ id: schema.exercises.id }).from(schema.exercises).where(and(isNull(schema.exercises.practiceId), isNull(schema.exercises.archivedAt))).limit(1);
  const startDate = midnight.minus({ days: 9 }).toISODate()!;
  await db.insert(schema.assignments).values({
    practiceId: practice.id,
    clientId: cal.id,
    exerciseId: exercise!.id,
    mode: "individual",
    startDate,
    timesPerWeek: 3,
    weeks: 3,
    dueDate: DateTime.fromISO(startDate).plus({ days: 20 }).toISODate()!,
    assignedByMemberId: clinician.memberId,
  });
  return { practice, clinician, colleague, frontDesk, ana, ben, cal, dee, couple: [ana, ben].sort((p, q) => p.lastName.localeCompare(q.lastName) || p.firstName.localeCompare(q.firstName)).map((c) => `${c.firstName} ${c.lastName}`).join(" & ") };
}
