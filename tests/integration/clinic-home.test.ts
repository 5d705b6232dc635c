import { isNull } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointments,
  assignments,
  couples,
  exercises,
  fees,
  formAssignments,
  formResponses,
  formVersions,
  members,
  payments,
  services,
  type Client,
  type Practice,
  type Service,
} from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { addDays } from "@/lib/dates";
import { loadClinicHome } from "@/lib/home/load-home";
import { syncHomeworkLibrary } from "@/lib/homework/library/sync";
import { countQueries } from "@/scripts/bench/homework-fixture";
import { auditEventsFor, createClient, createMember, createPractice, scopeFor, uniqueEmail, type TestMember } from "./helpers/factories";
import { eq } from "drizzle-orm";

// 10:00 in Chicago on Tuesday 10 March 2026.
const NOW = new Date("2026-03-10T15:00:00Z");
const TODAY = "2026-03-10";
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

let exerciseId: string;

beforeAll(async () => {
  await syncHomeworkLibrary();
  const [row] = await db.select({ id: exercises.id }).from(exercises).where(isNull(exercises.practiceId)).limit(1);
  exerciseId = row!.id;
});

async function service(practice: Practice, format: "online" | "phone", priceCents: number): Promise<Service> {
  const [row] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: format === "online" ? "Couples session" : "Phone check-in", durationMinutes: 50, priceCents, format, attendance: "either" })
    .returning();
  return row!;
}

async function appointment(clinician: TestMember, svc: Service, startsAt: Date, people: Client[], options: { status?: "confirmed" | "pending_payment" | "completed"; coupleId?: string } = {}) {
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [row] = await db
    .insert(appointments)
    .values({
      practiceId: svc.practiceId,
      serviceId: svc.id,
      memberId: clinician.member.id,
      format: svc.format,
      // As the lifecycle stores it at booking (lib/video): the clinician's room, for online sessions.
      videoUrl: svc.format === "online" ? (clinician.member.videoUrl ?? "https://video.example.test/casey") : null,
      coupleId: options.coupleId ?? null,
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedTo: endsAt,
      status: options.status ?? "confirmed",
      priceCents: svc.priceCents,
      currency: svc.currency,
    })
    .returning();
  if (people.length) await db.insert(appointmentAttendees).values(people.map((c) => ({ practiceId: svc.practiceId, appointmentId: row!.id, clientId: c.id })));
  return row!;
}

/**
 * A practice in Chicago with a clinician (video room), a second clinician,
 * an owner and the front desk; a couple and a single client; sessions today
 * and tomorrow with forms missing and payments in every state; an answered
 * form, a homework flag, a fee and a consent to sign. `extra` more sessions
 * for the clinician, one an hour from local midnight, for the query count.
 */
async function homeFixture(extra = 0) {
  const practice = await createPractice({ timeZone: "America/Chicago" });
  const owner = await createMember(practice, { role: "owner", displayName: "Olivia Owner" });
  const clinician = await createMember(practice, { role: "clinician", displayName: "Casey Clinician" });
  await db.update(members).set({ videoUrl: "https://video.example.test/casey" }).where(eq(members.id, clinician.member.id));
  const colleague = await createMember(practice, { role: "clinician", displayName: "Robin Colleague" });
  const frontDesk = await createMember(practice, { role: "front_desk", displayName: "Frankie Desk" });
  const templates = await seedIntakeForms(db, practice.id, "couples_therapy");

  const x = await createClient(practice, { firstName: "Ana", lastName: "Lopez", email: uniqueEmail("ana") });
  const y = await createClient(practice, { firstName: "Ben", lastName: "Lopez", email: uniqueEmail("ben") });
  const [a, b] = [x, y].sort((p, q) => (p.id < q.id ? -1 : 1)) as [Client, Client];
  const [couple] = await db.insert(couples).values({ practiceId: practice.id, clientAId: a.id, clientBId: b.id }).returning();
  const cal = await createClient(practice, { firstName: "Cal", lastName: "Moss", email: uniqueEmail("cal") });

  const online = await service(practice, "online", 15_000);
  const phone = await service(practice, "phone", 9_000);
  // Today 14:00 Chicago: the couple, online, waiting for payment (an open checkout).
  const coupleToday = await appointment(clinician, online, at("2026-03-10T19:00:00Z"), [a, b], { status: "pending_payment", coupleId: couple!.id });
  await db.insert(payments).values({
    practiceId: practice.id,
    kind: "session",
    status: "pending",
    amountCents: 15_000,
    currency: "USD",
    clientId: a.id,
    coupleId: couple!.id,
    appointmentId: coupleToday.id,
    description: "Couples session",
    checkoutExpiresAt: new Date(NOW.getTime() + HOUR),
  });
  // Tomorrow 9:00 Chicago: Cal by phone, whose card was declined.
  const calTomorrow = await appointment(clinician, phone, at("2026-03-11T14:00:00Z"), [cal]);
  await db.insert(payments).values({
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
  // Today, the colleague's session with Cal; yesterday, Cal's last visit (a no-show fee still open).
  await appointment(colleague, online, at("2026-03-10T21:00:00Z"), [cal]);
  const yesterday = await appointment(clinician, phone, at("2026-03-09T15:00:00Z"), [cal], { status: "completed" });
  await db.insert(fees).values({ practiceId: practice.id, appointmentId: yesterday.id, clientId: cal.id, kind: "no_show", amountCents: 6_000, currency: "USD" });

  // Forms: the couple intake missing for the first partner (booking form), consent missing for both; Cal answered a PHQ-9 after yesterday's visit.
  const version = async (slug: string) => {
    const templateId = templates.get(slug)!;
    const [v] = await db.select({ id: formVersions.id }).from(formVersions).where(eq(formVersions.templateId, templateId));
    return { templateId, versionId: v!.id };
  };
  const intake = await version("couples-intake");
  const consent = await version("informed-consent");
  const phq = await version("phq-9");
  await db.insert(formAssignments).values([
    { practiceId: practice.id, clientId: a.id, ...intake, appointmentId: coupleToday.id, source: "booking", sentAt: at("2026-03-05T15:00:00Z") },
    { practiceId: practice.id, clientId: a.id, ...consent, appointmentId: coupleToday.id, source: "booking", sentAt: at("2026-03-05T15:00:00Z") },
    { practiceId: practice.id, clientId: b.id, ...consent, appointmentId: coupleToday.id, source: "booking", sentAt: at("2026-03-05T15:00:00Z") },
  ]);
  const submittedAt = at("2026-03-09T23:00:00Z");
  const [phqAssignment] = await db
    .insert(formAssignments)
    .values({ practiceId: practice.id, clientId: cal.id, ...phq, source: "manual", status: "completed", sentAt: submittedAt, startedAt: submittedAt, completedAt: submittedAt })
    .returning();
  const [response] = await db
    .insert(formResponses)
    .values({ practiceId: practice.id, assignmentId: phqAssignment!.id, clientId: cal.id, ...phq, status: "submitted", answers: {}, submittedAt, createdAt: submittedAt, updatedAt: submittedAt })
    .returning();

  // Homework the clinician gave Cal nine days ago, never checked in: "No check-in for 9 days".
  await db.insert(assignments).values({
    practiceId: practice.id,
    clientId: cal.id,
    exerciseId,
    mode: "individual",
    startDate: addDays(TODAY, -9),
    timesPerWeek: 3,
    weeks: 3,
    dueDate: addDays(TODAY, 11),
    assignedByMemberId: clinician.member.id,
  });

  for (let i = 0; i < extra; i += 1) {
    // 00:00, 01:00, … local (06:00Z on): clear of the fixture's own sessions' hours only by clinician overlap rules, so skip those.
    const startsAt = new Date(at("2026-03-10T06:00:00Z").getTime() + i * HOUR);
    const clash = [coupleToday, calTomorrow].some((s) => startsAt < s.blockedTo && new Date(startsAt.getTime() + 50 * 60_000) > s.blockedFrom);
    if (!clash) await appointment(clinician, phone, startsAt, [await createClient(practice, { firstName: `Extra${i}` })]);
  }
  return { practice, owner, clinician, colleague, frontDesk, a, b, cal, coupleToday, calTomorrow, response: response! };
}

describe("the clinic home", () => {
  test("a clinician sees their own sessions today and tomorrow, with forms missing, unpaid, join link, answers and homework flags, and no money", async () => {
    const f = await homeFixture();
    const home = await loadClinicHome(scopeFor(f.clinician), NOW);
    expect(home.sections).toEqual(["safety_flags", "sessions", "notes_due", "forms_answered", "homework_flags", "plan_reviews", "gfe_overdue", "awaiting"]);
    expect(home.reach).toBe("yours");
    expect(home.days.today.date).toBe(TODAY);
    expect(home.days.today.sessions).toEqual([
      expect.objectContaining({
        time: "2:00 PM – 2:50 PM",
        // By name, as on the schedule.
        who: "Ana Lopez & Ben Lopez",
        isCouple: true,
        service: "Couples session",
        where: "Online video",
        clinician: null,
        status: "Awaiting payment",
        joinUrl: "https://video.example.test/casey",
        formsMissing: [`Couples intake (${f.a.firstName})`, "Informed consent (both)"],
        paymentText: "Unpaid · awaiting payment",
      }),
    ]);
    expect(home.days.tomorrow.sessions).toEqual([
      expect.objectContaining({ time: "9:00 AM – 9:50 AM", who: "Cal Moss", where: "Phone", joinUrl: null, formsMissing: [], paymentText: "Unpaid · payment failed" }),
    ]);
    expect(home.answered).toEqual([expect.objectContaining({ responseId: f.response.id, who: "Cal Moss", title: "PHQ-9", since: "Since the visit on Mon 9 Mar" })]);
    expect(home.homeworkFlags).toEqual([{ clientId: f.cal.id, who: "Cal Moss", flags: ["No check-in for 9 days"] }]);
    // Sent at the same moment: the order between the two is the ids'.
    expect(home.awaiting.map((w) => `${w.who}: ${w.text}`).sort()).toEqual(["Ana Lopez: To sign: Informed consent", "Ben Lopez: To sign: Informed consent"]);
    expect(home.billing).toBeNull();
    expect(await auditEventsFor(f.practice.id, "home.read")).toHaveLength(1);
  });

  test("the front desk sees everyone's sessions and the money, never answers or homework flags, and reads nothing clinical", async () => {
    const f = await homeFixture();
    const home = await loadClinicHome(scopeFor(f.frontDesk), NOW);
    expect(home.sections).toEqual(["sessions", "notes_due", "gfe_overdue", "awaiting", "billing"]);
    expect(home.reach).toBe("practice");
    expect(home.days.today.sessions.map((s) => [s.time, s.clinician, s.joinUrl, s.paymentText])).toEqual([
      ["2:00 PM – 2:50 PM", "Casey Clinician", null, "Unpaid · awaiting payment · $150"],
      ["4:00 PM – 4:50 PM", "Robin Colleague", null, "Unpaid · due at the session · $150"],
    ]);
    expect(home.days.today.sessions[0]!.formsMissing).toEqual([`Couples intake (${f.a.firstName})`, "Informed consent (both)"]);
    expect(home.answered).toBeNull();
    expect(home.homeworkFlags).toBeNull();
    expect(home.billing).toEqual({
      totalDue: "$60",
      balances: [expect.objectContaining({ clientId: f.cal.id, who: "Cal Moss", amount: "$60", what: "No-show fee" })],
      failed: [expect.objectContaining({ who: "Cal Moss", amount: "$90", description: "Phone check-in" })],
      waiting: [expect.objectContaining({ who: `${f.a.firstName} Lopez`, amount: "$150", description: "Couples session" })],
    });
    expect(await auditEventsFor(f.practice.id, "home.read")).toEqual([]);
  });

  test("the owner sees both, and nothing of another practice", async () => {
    const f = await homeFixture();
    const other = await homeFixture();
    const home = await loadClinicHome(scopeFor(f.owner), NOW);
    expect(home.sections).toEqual(["safety_flags", "setup_checklist", "sessions", "notes_due", "forms_answered", "homework_flags", "plan_reviews", "gfe_overdue", "awaiting", "billing"]);
    expect(home.days.today.sessions).toHaveLength(2);
    expect(home.days.tomorrow.sessions).toHaveLength(1);
    expect(home.answered!.map((r) => r.responseId)).toEqual([f.response.id]);
    expect(home.homeworkFlags!.map((r) => r.clientId)).toEqual([f.cal.id]);
    expect(home.billing!.balances.map((b) => b.clientId)).toEqual([f.cal.id]);
    const ids = [...home.days.today.sessions, ...home.days.tomorrow.sessions].map((s) => s.id);
    expect(ids).not.toContain(other.coupleToday.id);
    expect(home.awaiting.map((w) => w.clientId)).not.toContain(other.a.id);
  });

  test("answers stay until a visit has ended after them: a session in progress does not hide them, a no-show is no visit", async () => {
    const f = await homeFixture();
    const scope = scopeFor(f.owner);
    const online = (await db.select().from(services).where(eq(services.practiceId, f.practice.id))).find((s) => s.format === "online")!;
    const noShow = await appointment(f.colleague, online, at("2026-03-10T12:00:00Z"), [f.cal]);
    await db.update(appointments).set({ status: "no_show" }).where(eq(appointments.id, noShow.id));
    await appointment(f.colleague, online, at("2026-03-10T14:50:00Z"), [f.cal]);
    expect((await loadClinicHome(scope, NOW)).answered!.map((a) => a.responseId)).toEqual([f.response.id]);
    await appointment(f.colleague, online, at("2026-03-10T13:00:00Z"), [f.cal], { status: "completed" });
    expect((await loadClinicHome(scope, NOW)).answered).toEqual([]);
  });

  /**
   * Sessions, awaiting; for clinical roles answers, the homework (loadActiveHomework: assignments, then
   * clients, members and check-ins; its program-item and couple look-ups are skipped here, having none)
   * and the audit event; for billing roles fees and payments.
   */
  // The clinical roles' counts include the open safety flags (one statement, lib/safety/open-flags);
  // the owner's, the setup checklist (two, lib/setup/checklist).
  const EXPECTED_QUERIES = { clinician: 9, owner: 13, frontDesk: 4 } as const;

  test("the same number of queries with one session as with thirty, for every role", async () => {
    const small = await homeFixture(0);
    const large = await homeFixture(30);
    for (const who of ["clinician", "owner", "frontDesk"] as const) {
      const one = await countQueries(() => loadClinicHome(scopeFor(small[who]), NOW));
      const many = await countQueries(() => loadClinicHome(scopeFor(large[who]), NOW));
      const shown = (h: typeof one.result) => h.days.today.sessions.length + h.days.tomorrow.sessions.length;
      expect(shown(many.result), who).toBeGreaterThan(shown(one.result) + 20);
      expect(many.queries, who).toBe(one.queries);
      expect(one.queries, who).toBe(EXPECTED_QUERIES[who]);
    }
  });
});
