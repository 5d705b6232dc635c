import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointments,
  couples,
  emailMessages,
  formAssignments,
  formResponses,
  formVersions,
  serviceClinicians,
  serviceForms,
  services,
  type Practice,
} from "@/db/schema";
import { COUPLES_INTAKE, INFORMED_CONSENT } from "@/lib/intake/starter-templates";
import { seedIntakeForms } from "@/db/seed/intake";
import { sendFormReminders } from "@/lib/jobs/send-form-reminders";
import { assignForm, assignServiceForms } from "@/lib/intake/assign-forms";
import type { FormDefinition } from "@/lib/intake/form-definition";
import { listOwnForms, openAssignment, saveDraft, submitResponse, type ClientRef } from "@/lib/intake/respond";
import { appointmentFormStatus, getResponseForStaff, listClientAssignments, listMeasureScores } from "@/lib/intake/staff-forms";
import { publishVersion } from "@/lib/intake/versions";
import { listServiceRequirements, setServiceRequirements } from "@/lib/intake/service-forms";
import { auditEventsFor, countRows, createClient, createMember, createPracticeWithOwner, scopeFor, uniqueEmail } from "./helpers/factories";

const NOW = new Date("2031-03-01T12:00:00Z");
const IP = { ip: "203.0.113.9", now: NOW };

async function practiceWithForms() {
  const { practice, owner, scope } = await createPracticeWithOwner();
  const slugs = await seedIntakeForms(db, practice.id, "couples_therapy");
  const a = await createClient(practice, { firstName: "Ana", email: uniqueEmail("ana") });
  const b = await createClient(practice, { firstName: "Ben", email: uniqueEmail("ben") });
  const [x, y] = [a.id, b.id].sort() as [string, string];
  await db.insert(couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });
  return { practice, owner, scope, slugs, a: ref(a), b: ref(b), clientA: a, clientB: b };
}

const ref = (c: { id: string; practiceId: string; userId: string | null }): ClientRef => ({ id: c.id, practiceId: c.practiceId, userId: c.userId });

async function assign(scope: Parameters<typeof assignForm>[0], clientId: string, templateId: string) {
  const result = await assignForm(scope, clientId, { templateId, notify: false }, NOW);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.assignmentId;
}

const coupleAnswers = {
  together_years: 7,
  status: "married",
  has_children: true,
  children_ages: "3 and 1",
  reason: "We keep missing each other.",
  hopes: "More warmth.",
  closeness: 4,
  prior_therapy: false,
  feels_safe: "sometimes",
};

describe("completing a form", () => {
  it("saves drafts (resumable), then submits with the signature's name, time and IP", async () => {
    const { scope, slugs, a } = await practiceWithForms();
    const id = await assign(scope, a.id, slugs.get("informed-consent")!);
    const open = await openAssignment(a, id);
    expect(open?.version.version).toBe(1);
    expect(open?.response).toBeNull();

    const draft = await saveDraft(a, id, { versionId: open!.version.id, answers: { signature: { name: "Ana", agreed: false } } }, NOW);
    expect(draft).toMatchObject({ ok: true, status: "draft" });
    // Another device opens the same assignment and finds the draft.
    const again = await openAssignment(a, id);
    expect(again?.response?.answers).toEqual({ signature: { name: "Ana", agreed: false } });
    expect(again?.assignment.status).toBe("started");

    const missing = await submitResponse(a, id, { versionId: open!.version.id, answers: { signature: { name: "Ana Reyes", agreed: false } } }, IP);
    expect(missing).toMatchObject({ ok: false, code: "invalid", errors: { signature: ["Tick the box to agree"] } });

    const done = await submitResponse(a, id, { versionId: open!.version.id, answers: { signature: { name: "Ana Reyes", agreed: true } } }, IP);
    expect(done).toMatchObject({ ok: true, status: "submitted" });
    const [row] = await db.select().from(formResponses).where(eq(formResponses.assignmentId, id));
    expect(row).toMatchObject({ status: "submitted", signatureName: "Ana Reyes", signatureIp: "203.0.113.9", signedAt: NOW, submittedAt: NOW });
    const [assignment] = await db.select().from(formAssignments).where(eq(formAssignments.id, id));
    expect(assignment).toMatchObject({ status: "completed", completedAt: NOW });

    // Submitted is final.
    const twice = await saveDraft(a, id, { versionId: open!.version.id, answers: {} }, NOW);
    expect(twice).toMatchObject({ ok: false, code: "conflict" });
  });

  it("scores a measure on the server and flags PHQ-9 item 9", async () => {
    const { scope, slugs, a } = await practiceWithForms();
    const id = await assign(scope, a.id, slugs.get("phq-9")!);
    const open = await openAssignment(a, id);
    const answers = { q1: "2", q2: "2", q3: "1", q4: "1", q5: "1", q6: "1", q7: "1", q8: "0", q9: "1" };
    expect(await submitResponse(a, id, { versionId: open!.version.id, answers }, IP)).toMatchObject({ ok: true });
    const [row] = await db.select().from(formResponses).where(eq(formResponses.assignmentId, id));
    expect(row?.scores).toMatchObject({ measure: "phq9", total: 10, band: "moderate", item9: "positive" });
  });
});

describe("bad input changes nothing", () => {
  it("refuses wrong kinds, oversized text, a stale version, someone else's form and forged ids", async () => {
    const { scope, slugs, a, b } = await practiceWithForms();
    const id = await assign(scope, a.id, slugs.get("couples-intake")!);
    const open = (await openAssignment(a, id))!;
    const versionId = open.version.id;

    const wrongKind = await saveDraft(a, id, { versionId, answers: { has_children: "yes", closeness: 12 } }, NOW);
    expect(wrongKind).toMatchObject({ ok: false, code: "invalid", errors: { has_children: ["Answer yes or no"], closeness: ["Choose a number from 0 to 10"] } });
    const tooLong = await saveDraft(a, id, { versionId, answers: { reason: "x".repeat(5001) } }, NOW);
    expect(tooLong).toMatchObject({ ok: false, code: "invalid", errors: { reason: ["Keep this under 5000 characters"] } });
    const huge = await saveDraft(a, id, { versionId, answers: { reason: "x".repeat(200_000) } }, NOW);
    expect(huge).toMatchObject({ ok: false, code: "invalid", errors: { form: ["Your answers are too long to save"] } });
    const required = await submitResponse(a, id, { versionId, answers: { together_years: 3 } }, IP);
    expect(required.ok).toBe(false);
    if (!required.ok) expect(required.errors.reason).toEqual(["This question needs an answer"]);

    // The partner cannot read or write Ana's form, by any id.
    expect(await openAssignment(b, id)).toBeNull();
    expect(await saveDraft(b, id, { versionId, answers: { reason: "mine now" } }, NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await submitResponse(b, id, { versionId, answers: coupleAnswers }, IP)).toMatchObject({ ok: false, code: "not_found" });
    // Forged ids.
    expect(await openAssignment(a, "not-a-uuid")).toBeNull();
    expect(await saveDraft(a, "00000000-0000-4000-8000-000000000000", { versionId, answers: {} }, NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await saveDraft(a, id, { versionId: "00000000-0000-4000-8000-000000000000", answers: {} }, NOW)).toMatchObject({ ok: false, code: "conflict" });
    expect(await saveDraft(a, id, { versionId: "nope", answers: [] }, NOW)).toMatchObject({ ok: false, code: "invalid" });

    expect(await countRows(formResponses, eq(formResponses.assignmentId, id))).toBe(0);
    const [assignment] = await db.select().from(formAssignments).where(eq(formAssignments.id, id));
    expect(assignment?.status).toBe("sent");
  });

  it("a client of another practice cannot touch the form even with its ids", async () => {
    const { scope, slugs, a } = await practiceWithForms();
    const other = await practiceWithForms();
    const id = await assign(scope, a.id, slugs.get("couples-intake")!);
    const open = (await openAssignment(a, id))!;
    expect(await openAssignment(other.a, id)).toBeNull();
    // Even claiming the right practice id with another client's id.
    expect(await saveDraft({ ...other.a, practiceId: a.practiceId }, id, { versionId: open.version.id, answers: {} }, NOW)).toMatchObject({ code: "not_found" });
  });

  it("staff cannot send another practice's form, or a form to another practice's client", async () => {
    const { scope, slugs, a } = await practiceWithForms();
    const other = await practiceWithForms();
    expect(await assignForm(scope, a.id, { templateId: other.slugs.get("phq-9") }, NOW)).toMatchObject({ ok: false, errors: { templateId: ["Choose one of your practice's forms"] } });
    expect(await assignForm(scope, other.a.id, { templateId: slugs.get("phq-9") }, NOW)).toMatchObject({ ok: false, errors: { form: ["This client was not found"] } });
    expect(await assignForm(scope, a.id, { templateId: "x" }, NOW)).toMatchObject({ ok: false, errors: { templateId: ["Choose a form"] } });
  });
});

describe("versions", () => {
  it("publishing keeps old responses on their version; untouched assignments move to the new one; started ones stay", async () => {
    const { scope, slugs, a, b } = await practiceWithForms();
    const templateId = slugs.get("couples-intake")!;
    const answeredId = await assign(scope, a.id, templateId);
    const v1 = (await openAssignment(a, answeredId))!.version;
    expect(await submitResponse(a, answeredId, { versionId: v1.id, answers: coupleAnswers }, IP)).toMatchObject({ ok: true });
    const startedId = await assign(scope, b.id, templateId);
    await saveDraft(b, startedId, { versionId: v1.id, answers: { reason: "draft" } }, NOW);
    const untouchedId = await assign(scope, b.id, templateId);

    const edited: FormDefinition = structuredClone(COUPLES_INTAKE);
    edited.sections[0]!.questions.push({ id: "how_met", kind: "short_text", label: "How did you meet?", required: true });
    const published = await publishVersion(scope, templateId, edited);
    expect(published).toMatchObject({ ok: true, version: 2 });

    const [answered] = await db.select().from(formResponses).where(eq(formResponses.assignmentId, answeredId));
    expect(answered?.versionId).toBe(v1.id);
    expect((await openAssignment(b, startedId))!.version.id).toBe(v1.id);
    const moved = (await openAssignment(b, untouchedId))!;
    expect(moved.version.version).toBe(2);
    // A save naming the old version of a moved assignment is refused.
    expect(await saveDraft(b, untouchedId, { versionId: v1.id, answers: {} }, NOW)).toMatchObject({ ok: false, code: "conflict" });

    // Versions themselves never change.
    await expect(db.update(formVersions).set({ version: 9 }).where(eq(formVersions.id, v1.id))).rejects.toThrow();
    // A bad definition is refused with field paths, and adds no version.
    const bad = await publishVersion(scope, templateId, { title: "", sections: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors)).toEqual(expect.arrayContaining(["title", "sections"]));
    expect(await countRows(formVersions, eq(formVersions.templateId, templateId))).toBe(2);
    expect(await auditEventsFor(a.practiceId, "form_version.publish")).toHaveLength(1);
  });

  it("measures cannot be edited", async () => {
    const { scope, slugs } = await practiceWithForms();
    expect(await publishVersion(scope, slugs.get("phq-9")!, INFORMED_CONSENT)).toMatchObject({ ok: false });
  });
});

describe("staff view and privacy", () => {
  it("clinicians read submitted responses (audited); front desk sees status only; partners' CSI-4 share a chart", async () => {
    const { practice, scope, slugs, a, b } = await practiceWithForms();
    const csi = slugs.get("csi-4")!;
    for (const [client, answers] of [
      [a, { q1: "2", q2: "2", q3: "2", q4: "2" }],
      [b, { q1: "5", q2: "4", q3: "4", q4: "4" }],
    ] as const) {
      const id = await assign(scope, client.id, csi);
      const v = (await openAssignment(client, id))!.version;
      await submitResponse(client, id, { versionId: v.id, answers }, IP);
    }
    const rows = await listClientAssignments(scope, a.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "completed", scores: { total: 8, dissatisfied: true } });
    const response = await getResponseForStaff(scope, rows[0]!.responseId!);
    expect(response?.client.id).toBe(a.id);
    expect(await auditEventsFor(practice.id, "form_response.read")).toHaveLength(1);

    const scores = await listMeasureScores(scope, a.id);
    expect(scores.map((s) => [s.clientId, s.measure, s.total])).toEqual(
      expect.arrayContaining([
        [a.id, "csi4", 8],
        [b.id, "csi4", 17],
      ]),
    );

    const frontDesk = scopeFor(await createMember(practice, { role: "front_desk" }));
    const fdRows = await listClientAssignments(frontDesk, a.id);
    expect(fdRows[0]).toMatchObject({ status: "completed", responseId: null, scores: null });
    expect(await getResponseForStaff(frontDesk, rows[0]!.responseId!)).toBeNull();

    const other = await practiceWithForms();
    expect(await getResponseForStaff(other.scope, rows[0]!.responseId!)).toBeNull();
    expect(await listClientAssignments(other.scope, a.id)).toEqual([]);
  });

  it("a client's list shows only their own forms", async () => {
    const { scope, slugs, a, b } = await practiceWithForms();
    await assign(scope, a.id, slugs.get("couples-intake")!);
    await assign(scope, b.id, slugs.get("phq-9")!);
    expect((await listOwnForms(a)).map((f) => f.title)).toEqual(["Couples intake"]);
    expect((await listOwnForms(b)).map((f) => f.title)).toEqual(["PHQ-9"]);
  });
});

async function bookedAppointment(practice: Practice, memberId: string, clientIds: string[], startsAt: Date, templateIds: string[]) {
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, format: "online", attendance: "couple" })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId });
  await db.insert(serviceForms).values(templateIds.map((templateId, position) => ({ practiceId: practice.id, serviceId: service!.id, templateId, position })));
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [appt] = await db
    .insert(appointments)
    .values({
      practiceId: practice.id,
      serviceId: service!.id,
      memberId,
      format: "online",
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedTo: endsAt,
      status: "confirmed",
      priceCents: 0,
      currency: "USD",
    })
    .returning();
  await db.insert(appointmentAttendees).values(clientIds.map((clientId) => ({ practiceId: practice.id, appointmentId: appt!.id, clientId })));
  return appt!;
}

describe("forms after booking", () => {
  it("assigns the service's forms to each attendee once, emails a link without clinical detail, and shows completion on the appointment", async () => {
    const { practice, owner, scope, slugs, a, b, clientA, clientB } = await practiceWithForms();
    const required = [slugs.get("couples-intake")!, slugs.get("informed-consent")!];
    const appt = await bookedAppointment(practice, owner.member.id, [a.id, b.id], new Date(NOW.getTime() + 72 * 3_600_000), required);

    expect(await assignServiceForms(appt.id, NOW)).toEqual({ assigned: 4 });
    expect(await assignServiceForms(appt.id, NOW)).toEqual({ assigned: 0 });
    for (const c of [clientA, clientB]) {
      const mails = await db.select().from(emailMessages).where(eq(emailMessages.to, c.email!));
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain(`/portal/${c.id}/forms`);
      expect(mails[0]!.text).toContain("2 forms");
      expect(mails[0]!.text).not.toMatch(/intake|consent|safety|PHQ/i);
    }
    expect(await appointmentFormStatus(scope, appt.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ clientId: a.id, required: 2, completed: 0 })]),
    );
    const consentId = (await db.select().from(formAssignments).where(and(eq(formAssignments.clientId, a.id), eq(formAssignments.templateId, required[1]!))))[0]!.id;
    const v = (await openAssignment(a, consentId))!.version;
    await submitResponse(a, consentId, { versionId: v.id, answers: { signature: { name: "Ana Reyes", agreed: true } } }, IP);
    expect((await appointmentFormStatus(scope, appt.id)).find((s) => s.clientId === a.id)).toMatchObject({ completed: 1 });
  });

  it("reminds 48 hours before the first session, once per incomplete form", async () => {
    const { practice, owner, slugs, a, b, clientA } = await practiceWithForms();
    const required = [slugs.get("couples-intake")!, slugs.get("informed-consent")!];
    const startsAt = new Date(NOW.getTime() + 47 * 3_600_000);
    const appt = await bookedAppointment(practice, owner.member.id, [a.id, b.id], startsAt, required);
    await assignServiceForms(appt.id, NOW);
    const consentId = (await db.select().from(formAssignments).where(and(eq(formAssignments.clientId, a.id), eq(formAssignments.templateId, required[1]!))))[0]!.id;
    const v = (await openAssignment(a, consentId))!.version;
    await submitResponse(a, consentId, { versionId: v.id, answers: { signature: { name: "Ana Reyes", agreed: true } } }, IP);

    // 50 h ahead: too early.
    const early = await sendFormReminders(new Date(startsAt.getTime() - 50 * 3_600_000));
    expect(early.due).toBe(0);
    const first = await sendFormReminders(NOW);
    // Ana: the intake (consent is done); Ben: both. Other tests' practices are far from this window.
    expect(first.due).toBe(3);
    const again = await sendFormReminders(NOW);
    expect(again.due).toBe(0);
    const mails = await db.select().from(emailMessages).where(and(eq(emailMessages.to, clientA.email!), eq(emailMessages.template, "forms-reminder")));
    expect(mails).toHaveLength(1);
  });
});

describe("which services require a form", () => {
  it("sets the services of this practice only, and refuses another practice's service", async () => {
    const { practice, scope, slugs } = await practiceWithForms();
    const other = await practiceWithForms();
    const [service] = await db.insert(services).values({ practiceId: practice.id, name: "Intake session", durationMinutes: 50, format: "online", attendance: "either" }).returning();
    const [foreign] = await db.insert(services).values({ practiceId: other.practice.id, name: "Theirs", durationMinutes: 50, format: "online", attendance: "either" }).returning();
    const templateId = slugs.get("telehealth-consent")!;
    expect(await setServiceRequirements(scope, templateId, { serviceIds: [service!.id] })).toEqual({ ok: true });
    expect((await listServiceRequirements(practice.id, templateId)).filter((s) => s.required).map((s) => s.id)).toEqual([service!.id]);
    expect(await setServiceRequirements(scope, templateId, { serviceIds: [foreign!.id] })).toMatchObject({ ok: false, errors: { serviceIds: ["Choose services from the list"] } });
    expect(await setServiceRequirements(scope, other.slugs.get("telehealth-consent")!, { serviceIds: [] })).toMatchObject({ ok: false });
    expect(await countRows(serviceForms, eq(serviceForms.templateId, templateId))).toBe(1);
    expect(await setServiceRequirements(scope, templateId, { serviceIds: [] })).toEqual({ ok: true });
    expect(await countRows(serviceForms, eq(serviceForms.templateId, templateId))).toBe(0);
  });
});
