import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, sql } from "@/db/client";
import { clients, couples, emailMessages, planSignatures, planVersions, staffNotifications, treatmentPlans, type Client } from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import type { PracticeKind } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { assignForm } from "@/lib/intake/assign-forms";
import { openAssignment, submitResponse, type ClientRef } from "@/lib/intake/respond";
import { createPlan, getPlan, listClientPlans, publishVersion, saveDraftVersion } from "@/lib/plans/plans";
import { listPortalPlans, signPlan } from "@/lib/plans/portal";
import { plansDueForReview } from "@/lib/plans/reviews";
import { remindPlanReviews } from "@/lib/plans/review-reminders";
import { mergeUnverifiedInto } from "@/lib/clients/merge-client";
import { sendStaffNotificationEmails } from "@/lib/notifications/send-emails";
import { auditEventsFor, countRows, createClient, createMember, createPracticeWithOwner, scopeFor, uniqueEmail } from "./helpers/factories";

const NOW = new Date("2031-03-01T12:00:00Z");
const LATER = new Date("2031-04-01T12:00:00Z");
const AT = (ip: string, now = NOW) => ({ ip, userAgent: "Mozilla/5.0 (iPhone) test", now });
const ref = (c: Client): ClientRef => ({ id: c.id, practiceId: c.practiceId, userId: c.userId });

async function practiceOf(kind: PracticeKind) {
  const { practice, scope, owner } = await createPracticeWithOwner();
  const slugs = await seedIntakeForms(db, practice.id, kind);
  return { practice, scope, owner, slugs };
}

/** Staff send the measure; the client submits it in the portal. */
async function answer(scope: PracticeScope, client: Client, templateId: string, answers: Record<string, string>, now: Date) {
  const sent = await assignForm(scope, client.id, { templateId, notify: false }, now);
  if (!sent.ok) throw new Error(JSON.stringify(sent.errors));
  const open = await openAssignment(ref(client), sent.assignmentId);
  const done = await submitResponse(ref(client), sent.assignmentId, { versionId: open!.version.id, answers }, { ip: "203.0.113.9", now });
  expect(done).toMatchObject({ ok: true, status: "submitted" });
}
const csi4 = (v: number) => ({ q1: String(Math.min(v, 6)), q2: String(Math.min(v, 5)), q3: String(Math.min(v, 5)), q4: String(Math.min(v, 5)) });

async function coupleFixture() {
  const base = await practiceOf("couples_therapy");
  const ana = await createClient(base.practice, { firstName: "Ana", lastName: "Reyes", email: uniqueEmail("ana") });
  const ben = await createClient(base.practice, { firstName: "Ben", lastName: "Okafor", email: uniqueEmail("ben") });
  const [x, y] = [ana.id, ben.id].sort() as [string, string];
  await db.insert(couples).values({ practiceId: base.practice.id, clientAId: x, clientBId: y });
  const csi = base.slugs.get("csi-4")!;
  return { ...base, ana, ben, csi };
}

function planInput(overrides: Record<string, unknown> = {}, measure: Record<string, unknown> = { measureKey: "csi4", comparator: "at_least", target: "13.5", who: "both", byDate: "2031-05-24" }) {
  return {
    with: "couple",
    presentingConcerns: "Distance since the baby; pursue-withdraw cycle",
    diagnoses: "Z63.0",
    interventions: "EFT stage 1",
    reviewDate: "2031-03-05",
    goals: [
      {
        text: "Feel close again",
        interventions: "Enactments",
        objectives: [{ text: "Name the cycle together", targetDate: "2031-04-01" }],
        measure,
      },
    ],
    ...overrides,
  };
}

describe("treatment plans", () => {
  it("a couple's plan: draft, publish, both partners sign, a new version supersedes the old and keeps its signatures", async () => {
    const { practice, scope, ana, ben, csi } = await coupleFixture();
    await answer(scope, ana, csi, csi4(2), new Date("2031-02-01T12:00:00Z"));
    await answer(scope, ben, csi, csi4(3), new Date("2031-02-02T12:00:00Z"));

    const created = await createPlan(scope, ana.id, planInput(), NOW);
    if (!created.ok) throw new Error(JSON.stringify(created));
    // A draft is for the practice only.
    expect(await listPortalPlans(ref(ana))).toEqual([]);
    expect(await publishVersion(scope, created.planId, NOW)).toMatchObject({ ok: true, number: 1 });
    expect(await publishVersion(scope, created.planId, NOW)).toMatchObject({ ok: false, code: "conflict", reason: "no_draft" });

    const [anaPlan] = await listPortalPlans(ref(ana));
    expect(anaPlan).toMatchObject({ planId: created.planId, number: 1, forCouple: true, mySignedAt: null, partner: { name: "Ben", signed: false } });
    expect(await signPlan(ref(ana), anaPlan!.versionId, { name: "Ana Reyes", agreed: true }, AT("203.0.113.7"))).toMatchObject({ ok: true });
    // Ben sees that Ana signed, and signs for himself; a second signature is refused.
    const [benPlan] = await listPortalPlans(ref(ben));
    expect(benPlan).toMatchObject({ versionId: anaPlan!.versionId, mySignedAt: null, partner: { name: "Ana", signed: true } });
    expect(await signPlan(ref(ben), benPlan!.versionId, { name: "Ana Reyes", agreed: true }, AT("198.51.100.4"))).toMatchObject({ ok: false, code: "invalid", errors: { name: [expect.stringContaining("Ben Okafor")] } });
    expect(await signPlan(ref(ben), benPlan!.versionId, { name: "ben okafor", agreed: true }, AT("198.51.100.4"))).toMatchObject({ ok: true });
    expect(await signPlan(ref(ben), benPlan!.versionId, { name: "ben okafor", agreed: true }, AT("198.51.100.4"))).toMatchObject({ ok: false, code: "conflict", reason: "already_signed" });
    expect(await countRows(planSignatures, eq(planSignatures.versionId, anaPlan!.versionId))).toBe(2);

    // The staff view: both signatures, and each partner's CSI-4 against 13.5.
    const staff = await getPlan(scope, ben.id, created.planId, NOW);
    if ("code" in staff) throw new Error(staff.message);
    expect(staff.people.map((p) => [p.name, p.role])).toEqual([
      ["Ana Reyes", "client"],
      ["Ben Okafor", "partner"],
    ]);
    expect(staff.signatures.get(anaPlan!.versionId)!.map((s) => s.signatureIp).sort()).toEqual(["198.51.100.4", "203.0.113.7"]);
    expect(staff.progress).toHaveLength(1);
    expect(staff.progress[0]!.lines.map((l) => [l.name, l.latest, l.met])).toEqual([
      ["Ana Reyes", 8, false],
      ["Ben Okafor", 12, false],
    ]);

    // A revision: a new draft (number 2) while version 1 stays published; publishing it supersedes version 1.
    const revised = await saveDraftVersion(scope, created.planId, planInput({ interventions: "EFT stage 2" }), LATER);
    expect(revised).toMatchObject({ ok: true, number: 2 });
    const again = await saveDraftVersion(scope, created.planId, planInput({ interventions: "EFT stage 2, withdrawer re-engagement" }), LATER);
    expect(again).toMatchObject({ ok: true, number: 2 });
    expect(await publishVersion(scope, created.planId, LATER)).toMatchObject({ ok: true, number: 2 });
    const versions = await db.select().from(planVersions).where(eq(planVersions.planId, created.planId)).orderBy(planVersions.number);
    expect(versions.map((v) => [v.number, v.status, v.content.interventions])).toEqual([
      [1, "superseded", "EFT stage 1"],
      [2, "published", "EFT stage 2, withdrawer re-engagement"],
    ]);
    expect(await countRows(planSignatures, eq(planSignatures.versionId, versions[0]!.id))).toBe(2);
    // The portal shows version 2, to sign afresh; signing the old version is refused.
    const [v2] = await listPortalPlans(ref(ana));
    expect(v2).toMatchObject({ number: 2, mySignedAt: null, partner: { signed: false } });
    expect(await signPlan(ref(ana), versions[0]!.id, { name: "Ana Reyes", agreed: true }, AT("203.0.113.7", LATER))).toMatchObject({ ok: false, code: "conflict", reason: "not_current" });

    expect((await auditEventsFor(practice.id, "plan.sign")).length).toBe(2);
    expect((await auditEventsFor(practice.id, "plan.publish")).length).toBe(2);
  });

  it("the database refuses any change to a published or superseded version and to a signature", async () => {
    const { scope, ana, ben, csi } = await coupleFixture();
    await answer(scope, ana, csi, csi4(2), NOW);
    await answer(scope, ben, csi, csi4(2), NOW);
    const created = await createPlan(scope, ana.id, planInput(), NOW);
    if (!created.ok) throw new Error(JSON.stringify(created));
    await publishVersion(scope, created.planId, NOW);
    const [v1] = await listPortalPlans(ref(ana));
    await signPlan(ref(ana), v1!.versionId, { name: "Ana Reyes", agreed: true }, AT("203.0.113.7"));
    const id = v1!.versionId;

    const refused = { cause: { code: "23514" } };
    await expect(sql`update plan_versions set content = jsonb_set(content, '{interventions}', '"changed"') where id = ${id}`).rejects.toMatchObject({ constraint_name: "plan_versions_immutable" });
    await expect(sql`update plan_versions set review_date = '2032-01-01' where id = ${id}`).rejects.toMatchObject({ constraint_name: "plan_versions_immutable" });
    await expect(sql`update plan_versions set status = 'draft', published_at = null where id = ${id}`).rejects.toMatchObject({ constraint_name: "plan_versions_immutable" });
    await expect(sql`delete from plan_versions where id = ${id}`).rejects.toMatchObject({ constraint_name: "plan_versions_kept" });
    await expect(sql`update plan_signatures set signature_name = 'Someone Else' where version_id = ${id}`).rejects.toMatchObject({ constraint_name: "plan_signatures_immutable" });
    await expect(sql`delete from plan_signatures where version_id = ${id}`).rejects.toMatchObject({ constraint_name: "plan_signatures_immutable" });
    // Through drizzle the same: the driver error is the cause.
    await expect(db.update(planVersions).set({ content: { ...v1!.content, interventions: "x" } }).where(eq(planVersions.id, id))).rejects.toMatchObject(refused);

    // Superseded: still immutable, and a signature on it is refused by the trigger.
    await saveDraftVersion(scope, created.planId, planInput({ interventions: "next" }), LATER);
    await publishVersion(scope, created.planId, LATER);
    await expect(sql`update plan_versions set content = '{}'::jsonb where id = ${id}`).rejects.toMatchObject({ constraint_name: "plan_versions_immutable" });
    await expect(sql`update plan_versions set status = 'published', superseded_at = null where id = ${id}`).rejects.toMatchObject({ constraint_name: "plan_versions_immutable" });
    await expect(
      sql`insert into plan_signatures (practice_id, version_id, client_id, signature_name, signed_at, signature_ip, user_agent)
          values (${ana.practiceId}, ${id}, ${ben.id}, 'Ben Okafor', now(), '198.51.100.4', 'x')`,
    ).rejects.toMatchObject({ constraint_name: "plan_signatures_signer" });
    const [v2] = await listPortalPlans(ref(ana));
    // Not a person on the plan: refused on the current version too.
    const stranger = await createClient((await db.query.practices.findFirst({ where: (p, { eq: e }) => e(p.id, ana.practiceId) }))!, { firstName: "Cy", lastName: "Stranger" });
    await expect(
      sql`insert into plan_signatures (practice_id, version_id, client_id, signature_name, signed_at, signature_ip, user_agent)
          values (${ana.practiceId}, ${v2!.versionId}, ${stranger.id}, 'Cy Stranger', now(), '198.51.100.4', 'x')`,
    ).rejects.toMatchObject({ constraint_name: "plan_signatures_signer" });
    // A draft stays editable; deleting the client still removes their plans (the cascade passes the triggers).
    await saveDraftVersion(scope, created.planId, planInput({ interventions: "a draft" }), LATER);
    await db.delete(clients).where(eq(clients.id, ana.id));
    expect(await countRows(treatmentPlans, eq(treatmentPlans.id, created.planId))).toBe(0);
    expect(await countRows(planVersions, eq(planVersions.planId, created.planId))).toBe(0);
  });

  it("a goal tied to a measure someone on the plan never answered is refused on that goal's field, and nothing is saved", async () => {
    const { practice, scope, ana, csi } = await coupleFixture();
    await answer(scope, ana, csi, csi4(2), NOW);
    // Ben never answered the CSI-4: a "both partners" goal cannot chart him.
    const refused = await createPlan(scope, ana.id, planInput(), NOW);
    expect(refused).toMatchObject({ ok: false, code: "invalid", errors: { "goals.0.measure.measureKey": ["Measure: Ben never answered CSI-4; send it first or choose another measure"] } });
    expect(await countRows(treatmentPlans, eq(treatmentPlans.practiceId, practice.id))).toBe(0);
    // Ana's own scores suffice for a goal on her line only.
    const own = await createPlan(scope, ana.id, planInput({}, { measureKey: "csi4", comparator: "at_least", target: "13.5", who: "client", byDate: "" }), NOW);
    expect(own).toMatchObject({ ok: true });
    if (!own.ok) return;
    // A PHQ-9 nobody answered, on a revision: refused, the plan's versions unchanged.
    const before = await db.select().from(planVersions).where(eq(planVersions.planId, own.planId));
    const bad = await saveDraftVersion(scope, own.planId, planInput({}, { measureKey: "phq9", comparator: "at_most", target: "4", who: "client", byDate: "" }), LATER);
    expect(bad).toMatchObject({ ok: false, code: "invalid", errors: { "goals.0.measure.measureKey": [expect.stringContaining("Ana never answered PHQ-9")] } });
    expect(await db.select().from(planVersions).where(eq(planVersions.planId, own.planId))).toEqual(before);
    // Bad input names its field too; a plan for one client cannot ask for a partner's scores.
    expect(await saveDraftVersion(scope, own.planId, planInput({ reviewDate: "soon", goals: [] }), LATER)).toMatchObject({
      ok: false,
      code: "invalid",
      errors: { reviewDate: ["Review date: choose a date"], goals: ["Goals: add at least one goal"] },
    });
    const solo = await createClient(practice, { firstName: "Dee", lastName: "Solo" });
    expect(await createPlan(scope, solo.id, planInput(), NOW)).toMatchObject({ ok: false, errors: { with: [expect.stringContaining("not in a couple")] } });
  });

  it("a PT's plan: pain at most 3 tracks the client's ratings", async () => {
    const { scope, practice, slugs } = await practiceOf("pelvic_pt");
    const mei = await createClient(practice, { firstName: "Mei", lastName: "Tan", email: uniqueEmail("mei") });
    await answer(scope, mei, slugs.get("pain-rating")!, { pain: "7" }, new Date("2031-01-10T12:00:00Z"));
    await answer(scope, mei, slugs.get("pain-rating")!, { pain: "3" }, new Date("2031-02-10T12:00:00Z"));
    const created = await createPlan(scope, mei.id, planInput({ with: "client" }, { measureKey: "pain", comparator: "at_most", target: 3, who: "client", byDate: "2031-04-01" }), NOW);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const plan = await getPlan(scope, mei.id, created.planId, NOW);
    if ("code" in plan) throw new Error(plan.message);
    expect(plan.progress[0]).toMatchObject({ status: "met", lines: [{ baseline: 7, latest: 3, targetValue: 3, met: true }] });
    expect((await listClientPlans(scope, mei.id)).map((p) => [p.current?.status, p.partnerName])).toEqual([["draft", null]]);
  });

  it("scoped: another practice's plan is not found; a partner not on a plan never sees it; reads are audited, front desk reads nothing", async () => {
    const { practice, scope, ana, ben, csi } = await coupleFixture();
    await answer(scope, ana, csi, csi4(2), NOW);
    // Ana's own plan (not the couple's).
    const created = await createPlan(scope, ana.id, planInput({ with: "client" }, { measureKey: "csi4", comparator: "at_least", target: "13.5", who: "client", byDate: "" }), NOW);
    if (!created.ok) throw new Error(JSON.stringify(created));
    await publishVersion(scope, created.planId, NOW);
    const [anaPlan] = await listPortalPlans(ref(ana));
    expect(anaPlan).toMatchObject({ forCouple: false, partner: null });

    // Ben is Ana's partner but not on her plan.
    expect(await listPortalPlans(ref(ben))).toEqual([]);
    expect(await listPortalPlans(ref(ben), created.planId)).toEqual([]);
    expect(await signPlan(ref(ben), anaPlan!.versionId, { name: "Ben Okafor", agreed: true }, AT("198.51.100.4"))).toMatchObject({ ok: false, code: "not_found" });
    // Staff opening Ben's record do not reach Ana's plan through it.
    expect(await getPlan(scope, ben.id, created.planId, NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await listClientPlans(scope, ben.id)).toEqual([]);

    // Another practice: not found, for staff and for its clients alike.
    const other = await createPracticeWithOwner();
    const outsider = await createClient(other.practice, { firstName: "Ana", lastName: "Reyes" });
    expect(await getPlan(other.scope, ana.id, created.planId, NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await saveDraftVersion(other.scope, created.planId, planInput({ with: "client" }), NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await publishVersion(other.scope, created.planId, NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await signPlan(ref(outsider), anaPlan!.versionId, { name: "Ana Reyes", agreed: true }, AT("192.0.2.1"))).toMatchObject({ ok: false, code: "not_found" });
    expect(await listPortalPlans(ref(outsider))).toEqual([]);

    // Every staff read is audited with ids only; the front desk gets no plan and leaves no read.
    const reads = await auditEventsFor(practice.id, "plan.read");
    const readsBefore = reads.length;
    const opened = await getPlan(scope, ana.id, created.planId, NOW);
    expect("plan" in opened).toBe(true);
    const after = await auditEventsFor(practice.id, "plan.read");
    expect(after).toHaveLength(readsBefore + 1);
    expect(after.at(-1)).toMatchObject({ subjectType: "client", subjectId: ana.id, detail: { planId: created.planId } });
    expect(JSON.stringify(after.at(-1)!.detail)).not.toContain("baby");
    const desk = scopeFor(await createMember(practice, { role: "front_desk" }));
    expect(await getPlan(desk, ana.id, created.planId, NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await listClientPlans(desk, ana.id)).toEqual([]);
    expect(await saveDraftVersion(desk, created.planId, planInput({ with: "client" }), NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await auditEventsFor(practice.id, "plan.read")).toHaveLength(readsBefore + 1);
  });

  it("review reminders: a published plan whose review date is within 7 days, for the clinician who wrote it and for owners", async () => {
    const { practice, scope, ana, ben, csi } = await coupleFixture();
    await answer(scope, ana, csi, csi4(2), NOW);
    await answer(scope, ben, csi, csi4(2), NOW);
    const clinician = scopeFor(await createMember(practice, { role: "clinician" }));
    const colleague = scopeFor(await createMember(practice, { role: "clinician" }));
    const created = await createPlan(clinician, ana.id, planInput({ reviewDate: "2031-03-10" }), NOW);
    if (!created.ok) throw new Error(JSON.stringify(created));
    // A draft is no reminder.
    expect(await plansDueForReview(clinician, NOW)).toEqual([]);
    await publishVersion(clinician, created.planId, NOW);
    // 1 March: the 10th is 9 days away.
    expect(await plansDueForReview(clinician, NOW)).toEqual([]);
    const march3 = new Date("2031-03-03T12:00:00Z");
    expect(await plansDueForReview(clinician, march3)).toEqual([{ planId: created.planId, clientId: ana.id, clientName: "Ana Reyes", reviewDate: "2031-03-10", overdue: false }]);
    expect((await plansDueForReview(scope, march3)).map((r) => r.planId)).toEqual([created.planId]);
    expect(await plansDueForReview(colleague, march3)).toEqual([]);
    expect(await plansDueForReview(clinician, new Date("2031-03-11T12:00:00Z"))).toMatchObject([{ overdue: true }]);
    const desk = scopeFor(await createMember(practice, { role: "front_desk" }));
    expect(await plansDueForReview(desk, march3)).toEqual([]);
  });

  it("folding an unverified booking record into the proven client keeps its plan, published versions included", async () => {
    const { practice, scope } = await practiceOf("pelvic_pt");
    const kept = await createClient(practice, { firstName: "Mia", lastName: "Lund", email: uniqueEmail("mia") });
    const booked = await createClient(practice, { firstName: "Mia", lastName: "Lund" });
    const created = await createPlan(scope, booked.id, planInput({ with: "client", goals: [{ text: "Sit without pain", interventions: "", objectives: [], measure: { measureKey: "", comparator: "at_most", target: "", who: "client", byDate: "" } }] }), NOW);
    if (!created.ok) throw new Error(JSON.stringify(created));
    await publishVersion(scope, created.planId, NOW);
    await db.transaction((tx) => mergeUnverifiedInto(tx, { practiceId: practice.id, fromId: booked.id, intoId: kept.id }));
    expect((await listClientPlans(scope, kept.id)).map((p) => [p.id, p.current?.status])).toEqual([[created.planId, "published"]]);
    expect(await countRows(planVersions, eq(planVersions.planId, created.planId))).toBe(1);
  });

  it("the review reminder job tells the plan's clinician once, a week ahead in the practice's calendar; the email names nobody", async () => {
    const { practice, scope, ana, ben, csi } = await coupleFixture();
    await answer(scope, ana, csi, csi4(2), NOW);
    await answer(scope, ben, csi, csi4(2), NOW);
    const writer = await createMember(practice, { role: "clinician" });
    const colleague = await createMember(practice, { role: "clinician" });
    const created = await createPlan(scopeFor(writer), ana.id, planInput({ reviewDate: "2031-03-10" }), NOW);
    if (!created.ok) throw new Error(JSON.stringify(created));
    await publishVersion(scopeFor(writer), created.planId, NOW);
    const notices = () =>
      db.select().from(staffNotifications).where(and(eq(staffNotifications.practiceId, practice.id), eq(staffNotifications.kind, "plan_review")));

    // 1 March: nine days ahead, nobody is told yet.
    await remindPlanReviews(NOW);
    expect(await notices()).toEqual([]);
    // 3 March at 12:00 UTC is the 3rd in New York too: seven days ahead.
    const march3 = new Date("2031-03-03T12:00:00Z");
    await remindPlanReviews(march3);
    await remindPlanReviews(march3);
    const told = await notices();
    expect(told.map((n) => [n.memberId, n.clientId, n.inApp, n.email])).toEqual([[writer.member.id, ana.id, true, true]]);
    expect(told.some((n) => n.memberId === colleague.member.id)).toBe(false);

    await sendStaffNotificationEmails(march3);
    const mail = await db.select().from(emailMessages).where(and(eq(emailMessages.to, writer.user.email), eq(emailMessages.template, "staff-notice")));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("A treatment plan is due for review");
    for (const word of ["Ana", "Reyes", "Ben", "Okafor", "EFT", "close"]) expect(mail[0]!.text).not.toContain(word);
  });
});
