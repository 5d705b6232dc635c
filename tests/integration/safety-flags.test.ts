import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointments,
  couples,
  emailMessages,
  formAssignments,
  formResponses,
  safetyFlagNotifications,
  safetyFlags,
  services,
  type Practice,
} from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { assignForm } from "@/lib/intake/assign-forms";
import { listOwnForms, openAssignment, submitResponse, type ClientRef } from "@/lib/intake/respond";
import { getHomeworkOverview } from "@/lib/homework/overview";
import { acknowledgeFlag } from "@/lib/safety/acknowledge";
import { flagsForClient, flagsForResponse } from "@/lib/safety/client-flags";
import { sendSafetyNotifications, safetyFlagEmailKey } from "@/lib/safety/notify";
import { listOpenFlags } from "@/lib/safety/open-flags";
import { countQueries } from "@/scripts/bench/homework-fixture";
import { auditEventsFor, countRows, createClient, createMember, createPracticeWithOwner, scopeFor, uniqueEmail } from "./helpers/factories";

const NOW = new Date("2031-03-01T12:00:00Z");
const LATER = new Date("2031-03-01T13:00:00Z");
const IP = { ip: "203.0.113.9", now: NOW };

const intakeAnswers = (feelsSafe: string) => ({
  together_years: 7,
  status: "married",
  has_children: false,
  reason: "We keep missing each other.",
  hopes: "More warmth.",
  closeness: 4,
  prior_therapy: false,
  feels_safe: feelsSafe,
});

const ref = (c: { id: string; practiceId: string; userId: string | null }): ClientRef => ({ id: c.id, practiceId: c.practiceId, userId: c.userId });

async function appointmentWith(practice: Practice, memberId: string, clientIds: string[]) {
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, format: "online", attendance: "couple" })
    .returning();
  const startsAt = new Date(NOW.getTime() + 3 * 24 * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [appt] = await db
    .insert(appointments)
    .values({ practiceId: practice.id, serviceId: service!.id, memberId, format: "online", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status: "confirmed", priceCents: 0, currency: "USD" })
    .returning();
  await db.insert(appointmentAttendees).values(clientIds.map((clientId) => ({ practiceId: practice.id, appointmentId: appt!.id, clientId })));
}

/** A couples practice: owner, the couple's clinician (with their session), another clinician, the front desk; the intake sent by the front desk. */
async function setup() {
  const { practice, owner, scope: ownerScope } = await createPracticeWithOwner();
  const clinician = await createMember(practice, { role: "clinician", displayName: "Maya Okafor" });
  const other = await createMember(practice, { role: "clinician" });
  const desk = await createMember(practice, { role: "front_desk" });
  const slugs = await seedIntakeForms(db, practice.id, "couples_therapy");
  const a = await createClient(practice, { firstName: "Ana", lastName: "Quintero", email: uniqueEmail("ana") });
  const b = await createClient(practice, { firstName: "Ben", lastName: "Quintero", email: uniqueEmail("ben") });
  const [x, y] = [a.id, b.id].sort() as [string, string];
  await db.insert(couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });
  await appointmentWith(practice, clinician.member.id, [a.id, b.id]);
  const send = async (clientId: string, slug: string) => {
    const r = await assignForm(scopeFor(desk), clientId, { templateId: slugs.get(slug)!, notify: false }, NOW);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.assignmentId;
  };
  return { practice, owner, ownerScope, clinician, other, desk, slugs, a, b, send };
}

async function submit(client: ClientRef, assignmentId: string, answers: Record<string, unknown>) {
  const open = await openAssignment(client, assignmentId);
  return submitResponse(client, assignmentId, { versionId: open!.version.id, answers }, IP);
}

describe("safety flags", () => {
  it("a trigger answer raises one flag in the response's transaction, queued for the client's clinician only", async () => {
    const { practice, clinician, other, owner, desk, a, send } = await setup();
    const id = await send(a.id, "couples-intake");
    expect(await submit(ref(a), id, intakeAnswers("sometimes"))).toMatchObject({ ok: true, status: "submitted" });

    const flags = await db.select().from(safetyFlags).where(eq(safetyFlags.practiceId, practice.id));
    expect(flags).toHaveLength(1);
    const [response] = await db.select().from(formResponses).where(eq(formResponses.assignmentId, id));
    expect(flags[0]).toMatchObject({ clientId: a.id, responseId: response!.id, questionKey: "feels_safe", raisedAt: NOW, acknowledgedAt: null });
    // The couple's clinician (their session); not the other clinician, the owner, or the front desk who sent the form.
    const told = await db.select({ memberId: safetyFlagNotifications.memberId }).from(safetyFlagNotifications).where(eq(safetyFlagNotifications.flagId, flags[0]!.id));
    expect(told.map((t) => t.memberId)).toEqual([clinician.member.id]);
    expect([other, owner, desk].some((m) => told.some((t) => t.memberId === m.member.id))).toBe(false);
  });

  it("'No' raises nothing; PHQ-9 item 9 above zero does", async () => {
    const { practice, a, b, send } = await setup();
    await submit(ref(a), await send(a.id, "couples-intake"), intakeAnswers("no"));
    expect(await countRows(safetyFlags, eq(safetyFlags.practiceId, practice.id))).toBe(0);
    const phq = (q9: string) => Object.fromEntries([...Array(9)].map((_, i) => [`q${i + 1}`, i === 8 ? q9 : "1"]));
    await submit(ref(a), await send(a.id, "phq-9"), phq("0"));
    expect(await countRows(safetyFlags, eq(safetyFlags.practiceId, practice.id))).toBe(0);
    await submit(ref(b), await send(b.id, "phq-9"), phq("1"));
    expect(await db.select({ clientId: safetyFlags.clientId, q: safetyFlags.questionKey }).from(safetyFlags).where(eq(safetyFlags.practiceId, practice.id))).toEqual([
      { clientId: b.id, q: "q9" },
    ]);
  });

  it("when raising the flag fails, the submission rolls back with it", async () => {
    const { practice, a, send } = await setup();
    const id = await send(a.id, "couples-intake");
    await db.execute(sql`create or replace function test_refuse_safety_flag() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end; $$`);
    await db.execute(sql`create trigger test_refuse_safety_flag before insert on safety_flags for each row execute function test_refuse_safety_flag()`);
    try {
      await expect(submit(ref(a), id, intakeAnswers("yes"))).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger test_refuse_safety_flag on safety_flags`);
    }
    const [assignment] = await db.select().from(formAssignments).where(eq(formAssignments.id, id));
    expect(assignment?.status).toBe("sent");
    expect(await countRows(formResponses, eq(formResponses.assignmentId, id))).toBe(0);
    expect(await auditEventsFor(practice.id, "form_response.submit")).toEqual([]);
  });

  it("a client with no clinician yet: the flag goes to the practice's owners", async () => {
    const { practice, owner, slugs } = await createPracticeWithOwner().then(async (p) => ({ ...p, slugs: await seedIntakeForms(db, p.practice.id, "couples_therapy") }));
    await createMember(practice, { role: "clinician" });
    await createMember(practice, { role: "owner", joinedAt: null }); // an invitation never accepted
    const c = await createClient(practice, { email: uniqueEmail("c") });
    // Sent by the system (a booking-less manual send with no sender).
    const [version] = await db.execute<{ id: string }>(sql`select id from form_versions where template_id = ${slugs.get("couples-intake")!}`);
    const [row] = await db
      .insert(formAssignments)
      .values({ practiceId: practice.id, clientId: c.id, templateId: slugs.get("couples-intake")!, versionId: version!.id, source: "manual" })
      .returning();
    await submit(ref(c), row!.id, intakeAnswers("prefer_private"));
    const told = await db.select({ memberId: safetyFlagNotifications.memberId }).from(safetyFlagNotifications).where(eq(safetyFlagNotifications.practiceId, practice.id));
    expect(told.map((t) => t.memberId)).toEqual([owner.member.id]);
  });

  it("the email is sent once per flag and member, and says only that a response needs attention", async () => {
    const { practice, clinician, a, send } = await setup();
    await submit(ref(a), await send(a.id, "couples-intake"), intakeAnswers("sometimes"));
    const [flag] = await db.select().from(safetyFlags).where(eq(safetyFlags.practiceId, practice.id));
    // The job is practice-wide (other tests' flags may be due too): what matters is this flag's one email.
    expect(await sendSafetyNotifications(LATER)).toMatchObject({ failed: 0 });
    expect(await sendSafetyNotifications(LATER)).toMatchObject({ due: 0 });
    const [row] = await db.select().from(safetyFlagNotifications).where(eq(safetyFlagNotifications.flagId, flag!.id));
    expect(row).toMatchObject({ sentAt: LATER, attempts: 1 });
    const mail = await db.select().from(emailMessages).where(eq(emailMessages.practiceId, practice.id));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ key: safetyFlagEmailKey(flag!.id, clinician.member.id), to: clinician.user.email, subject: "A form response needs your attention", template: "safety-flag" });
    const body = `${mail[0]!.subject}\n${mail[0]!.html}\n${mail[0]!.text}`;
    expect(body).toContain(`/clinic/${practice.slug}/clients/${a.id}`);
    for (const secret of ["Ana", "Quintero", "afraid", "Sometimes", "sometimes", "Couples intake", "safe"]) expect(body).not.toContain(secret);
  });

  it("acknowledging needs a note and a clinical role, is audited without the note, and then the flag never changes", async () => {
    const { practice, clinician, desk, a, send } = await setup();
    await submit(ref(a), await send(a.id, "couples-intake"), intakeAnswers("sometimes"));
    const [flag] = await db.select().from(safetyFlags).where(eq(safetyFlags.practiceId, practice.id));
    const scope = scopeFor(clinician);

    expect(await acknowledgeFlag(scope, flag!.id, { note: " " }, LATER)).toMatchObject({ ok: false, code: "invalid", errors: { note: [expect.any(String)] } });
    expect(await acknowledgeFlag(scopeFor(desk), flag!.id, { note: "Called her" }, LATER)).toMatchObject({ ok: false, code: "not_found" });
    const { scope: stranger } = await createPracticeWithOwner();
    expect(await acknowledgeFlag(stranger, flag!.id, { note: "Called her" }, LATER)).toMatchObject({ ok: false, code: "not_found" });
    expect(await auditEventsFor(practice.id, "safety_flag.acknowledge")).toEqual([]);

    const note = "Called Ana privately; safety plan made; individual session booked.";
    expect(await acknowledgeFlag(scope, flag!.id, { note }, LATER)).toEqual({ ok: true, clientId: a.id });
    const [done] = await db.select().from(safetyFlags).where(eq(safetyFlags.id, flag!.id));
    expect(done).toMatchObject({ acknowledgedByUserId: clinician.user.id, acknowledgedAt: LATER, acknowledgementNote: note });
    const audit = await auditEventsFor(practice.id, "safety_flag.acknowledge");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "member", actorUserId: clinician.user.id, subjectType: "safety_flag", subjectId: flag!.id });
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("Called");

    expect(await acknowledgeFlag(scope, flag!.id, { note: "Again" }, LATER)).toMatchObject({ ok: false, code: "conflict", reason: "already_acknowledged" });
    // The database keeps it as written, whoever asks.
    await expect(db.update(safetyFlags).set({ acknowledgementNote: "rewritten" }).where(eq(safetyFlags.id, flag!.id))).rejects.toThrow();
    await expect(db.update(safetyFlags).set({ acknowledgedAt: null, acknowledgedByUserId: null, acknowledgementNote: null }).where(eq(safetyFlags.id, flag!.id))).rejects.toThrow();
    const [still] = await db.select().from(safetyFlags).where(eq(safetyFlags.id, flag!.id));
    expect(still?.acknowledgementNote).toBe(note);
  });

  it("the acknowledgement is all or nothing, and an open flag keeps what it is about", async () => {
    const { practice, clinician, a, send } = await setup();
    await submit(ref(a), await send(a.id, "couples-intake"), intakeAnswers("yes"));
    const [flag] = await db.select().from(safetyFlags).where(eq(safetyFlags.practiceId, practice.id));
    await expect(db.update(safetyFlags).set({ acknowledgedAt: LATER }).where(eq(safetyFlags.id, flag!.id))).rejects.toThrow();
    await expect(
      db.update(safetyFlags).set({ acknowledgedAt: LATER, acknowledgedByUserId: clinician.user.id }).where(eq(safetyFlags.id, flag!.id)),
    ).rejects.toThrow();
    await expect(db.update(safetyFlags).set({ questionKey: "reason" }).where(eq(safetyFlags.id, flag!.id))).rejects.toThrow();
    expect((await db.select().from(safetyFlags).where(eq(safetyFlags.id, flag!.id)))[0]).toMatchObject({ acknowledgedAt: null, questionKey: "feels_safe" });
  });

  it("open flags for the home: one query, the member's own first, none for the front desk; gone once acknowledged", async () => {
    const { clinician, other, desk, a, b, send } = await setup();
    await submit(ref(a), await send(a.id, "couples-intake"), intakeAnswers("sometimes"));
    const { result, queries } = await countQueries(() => listOpenFlags(scopeFor(clinician)));
    expect(queries).toBe(1);
    expect(result).toEqual([expect.objectContaining({ clientId: a.id, clientName: "Ana Quintero", formTitle: "Couples intake", raisedAt: NOW, mine: true })]);
    expect(await listOpenFlags(scopeFor(other))).toEqual([expect.objectContaining({ clientId: a.id, mine: false })]);
    const desks = await countQueries(() => listOpenFlags(scopeFor(desk)));
    expect(desks).toEqual({ result: [], queries: 0 });
    const { scope: stranger } = await createPracticeWithOwner();
    expect(await listOpenFlags(stranger)).toEqual([]);

    // The record: the flagged client's own page has it; the partner's page does not; the front desk sees none.
    expect((await flagsForClient(scopeFor(clinician), a.id)).map((f) => f.questionKey)).toEqual(["feels_safe"]);
    expect(await flagsForClient(scopeFor(clinician), b.id)).toEqual([]);
    expect(await flagsForClient(scopeFor(desk), a.id)).toEqual([]);

    const flagId = result[0]!.id;
    await acknowledgeFlag(scopeFor(other), flagId, { note: "Spoke with Ana after the session." }, LATER);
    expect(await listOpenFlags(scopeFor(clinician))).toEqual([]);
    expect(await flagsForResponse(scopeFor(clinician), result[0]!.responseId)).toEqual([
      expect.objectContaining({ id: flagId, acknowledgedAt: LATER, acknowledgedByName: other.member.displayName }),
    ]);
  });

  it("the homework Flags box shows an open safety flag until it is acknowledged", async () => {
    const { clinician, a, send } = await setup();
    await submit(ref(a), await send(a.id, "couples-intake"), intakeAnswers("sometimes"));
    const scope = scopeFor(clinician);
    const before = await getHomeworkOverview(scope, a.id, LATER);
    expect(before!.flags).toEqual([expect.objectContaining({ kind: "safety", clientId: a.id, date: "2031-03-01", personName: "Ana Quintero" })]);
    const [flag] = await db.select().from(safetyFlags).where(eq(safetyFlags.clientId, a.id));
    await acknowledgeFlag(scope, flag!.id, { note: "Called; safe for now." }, LATER);
    expect((await getHomeworkOverview(scope, a.id, LATER))!.flags).toEqual([]);
  });

  it("the partner's portal holds nothing of the other partner's flag", async () => {
    const { a, b, send } = await setup();
    const aId = await send(a.id, "couples-intake");
    const bId = await send(b.id, "couples-intake");
    await submit(ref(a), aId, intakeAnswers("sometimes"));
    // The partner cannot open the flagged response, and their list is their own form alone, untouched.
    expect(await openAssignment(ref(b), aId)).toBeNull();
    expect(await listOwnForms(ref(b))).toEqual([expect.objectContaining({ assignmentId: bId, status: "sent" })]);
    // Nothing the portal renders reads safety flags (a static check of its sources is in tests/unit/safety-triggers.test.ts).
    expect((await openAssignment(ref(b), bId))?.response).toBeNull();
    expect(await db.select().from(safetyFlags).where(and(eq(safetyFlags.clientId, b.id)))).toEqual([]);
  });
});
