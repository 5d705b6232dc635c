import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { assignments, checkIns, couples, emailMessages, exercises, programs, type Client, type Practice } from "@/db/schema";
import { syncHomeworkLibrary } from "@/lib/homework/library/sync";
import { assignHomework } from "@/lib/homework/assign";
import { addDays, todayIn } from "@/lib/dates";
import { duplicateExercise, listExercises, saveExercise, setExerciseArchived } from "@/lib/homework/exercises";
import { listHomeworkClients } from "@/lib/homework/homework-clients";
import { getHomeworkOverview } from "@/lib/homework/overview";
import { getPortalAssignment, getPortalHomework } from "@/lib/homework/portal";
import { duplicateProgram, getProgram, saveProgram } from "@/lib/homework/programs";
import { rating } from "@/lib/homework/prompts";
import { recordCheckIn, type ClientContext } from "@/lib/homework/record-check-in";
import { countQueries, createOverviewFixture } from "@/scripts/bench/homework-fixture";
import { auditEventsFor, countRows, createClient, createPracticeWithOwner, uniqueEmail } from "./helpers/factories";

const NOW = new Date("2026-03-10T15:00:00Z");
const TODAY = "2026-03-10";

let library: Map<string, string>;
let libraryPrograms: Map<string, string>;

beforeAll(async () => {
  await syncHomeworkLibrary();
  const rows = await db.select({ id: exercises.id, key: exercises.libraryKey }).from(exercises).where(isNull(exercises.practiceId));
  library = new Map(rows.map((r) => [r.key!, r.id]));
  const progs = await db.select({ id: programs.id, key: programs.libraryKey }).from(programs).where(isNull(programs.practiceId));
  libraryPrograms = new Map(progs.map((r) => [r.key!, r.id]));
});

function exerciseInput(overrides: Record<string, unknown> = {}) {
  return {
    title: "Evening walk together",
    summary: "A short walk after dinner",
    instructions: "1. Walk\n2. Talk",
    category: "connection",
    tags: "walk, evening",
    participants: "couple_together",
    frequencyPerWeek: "3",
    minutes: "20",
    prompts: { ratings: [rating.closeness(), rating.pain()], questions: [{ id: "noticed", text: "What did you notice?" }] },
    clinicianNotes: "",
    ...overrides,
  };
}

async function coupleIn(practice: Practice): Promise<{ a: Client; b: Client; coupleId: string }> {
  const x = await createClient(practice, { firstName: "Ana", email: uniqueEmail("ana") });
  const y = await createClient(practice, { firstName: "Bo", email: uniqueEmail("bo") });
  const [a, b] = [x, y].sort((p, q) => (p.id < q.id ? -1 : 1)) as [Client, Client];
  const [couple] = await db.insert(couples).values({ practiceId: practice.id, clientAId: a.id, clientBId: b.id }).returning();
  return { a, b, coupleId: couple!.id };
}

const ctx = (practice: Practice, client: Client): ClientContext => ({ client, practice });

describe("the shared library", () => {
  test("has at least 30 exercises across the categories and three programs; syncing again changes nothing", async () => {
    expect(library.size).toBeGreaterThanOrEqual(30);
    expect(libraryPrograms.size).toBe(3);
    const before = await countRows(exercises, isNull(exercises.practiceId));
    // A library row that drifted (or an old release's wording) is brought back in line by the next sync.
    const [drifted] = await db.select().from(exercises).where(isNull(exercises.practiceId)).limit(1);
    await db.update(exercises).set({ title: "Drifted title", minutes: 99 }).where(eq(exercises.id, drifted!.id));
    await syncHomeworkLibrary();
    expect(await countRows(exercises, isNull(exercises.practiceId))).toBe(before);
    const [restored] = await db.select().from(exercises).where(eq(exercises.id, drifted!.id));
    expect([restored!.title, restored!.minutes]).toEqual([drifted!.title, drifted!.minutes]);
    const categories = new Set((await db.select({ c: exercises.category }).from(exercises).where(isNull(exercises.practiceId))).map((r) => r.c));
    expect(categories.size).toBe(9);
  });
});

describe("the exercise bank", () => {
  test("staff create, edit, duplicate a library exercise to adapt it, and archive; the library itself is read-only", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const created = await saveExercise(scope, null, exerciseInput());
    expect(created.ok).toBe(true);
    const id = created.ok ? created.exerciseId : "";
    expect((await saveExercise(scope, id, exerciseInput({ title: "Evening walk" }))).ok).toBe(true);

    const libraryId = library.get("six-second-hello")!;
    expect(await saveExercise(scope, libraryId, exerciseInput())).toEqual({ ok: false, errors: { form: ["The shared library is read-only: duplicate the exercise to adapt it"] } });
    expect((await setExerciseArchived(scope, libraryId, true)).ok).toBe(false);

    const copy = await duplicateExercise(scope, libraryId);
    expect(copy.ok).toBe(true);
    const [row] = await db.select().from(exercises).where(eq(exercises.id, copy.ok ? copy.exerciseId : ""));
    expect(row).toMatchObject({ practiceId: practice.id, sourceExerciseId: libraryId, title: "The six-second hello" });

    expect((await setExerciseArchived(scope, id, true)).ok).toBe(true);
    const active = await listExercises(scope, {});
    expect(active.some((e) => e.id === id)).toBe(false);
    expect((await listExercises(scope, { archived: "1" })).map((e) => e.id)).toEqual([id]);
    expect((await auditEventsFor(practice.id)).map((e) => e.action)).toEqual(["exercise.create", "exercise.update", "exercise.duplicate", "exercise.archive"]);
  });

  test("search and filter by words, category, who does it and tag; another practice's exercises never show", async () => {
    const { scope } = await createPracticeWithOwner();
    const { scope: other } = await createPracticeWithOwner();
    await saveExercise(other, null, exerciseInput({ title: "Secret other-practice walk" }));
    const pelvic = await listExercises(scope, { category: "pelvic_health" });
    expect(pelvic.length).toBeGreaterThanOrEqual(5);
    expect(pelvic.every((e) => e.category === "pelvic_health")).toBe(true);
    const each = await listExercises(scope, { participants: "each_partner" });
    expect(each.length).toBeGreaterThan(0);
    expect(each.every((e) => e.participants === "each_partner")).toBe(true);
    expect((await listExercises(scope, { tag: "eft" })).map((e) => e.title).sort()).toEqual(["Catch the cycle in the moment", "Name the dance", "Under the surface: the softer feelings"]);
    expect((await listExercises(scope, { q: "brakes" })).some((e) => e.title === "Map your accelerators and brakes")).toBe(true);
    expect((await listExercises(scope, { q: "other-practice" })).length).toBe(0);
  });

  test("bad input names the field and changes nothing", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const result = await saveExercise(scope, null, exerciseInput({ title: "", prompts: { ratings: [{ ...rating.pain(), min: 3, max: 2 }], questions: [] } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(["prompts.ratings.0.max", "title"]);
    expect(await countRows(exercises, eq(exercises.practiceId, practice.id))).toBe(0);
  });
});

describe("programs", () => {
  test("a practice edits its copy of a library program; the library program is read-only; another practice's exercise is refused", async () => {
    const { scope } = await createPracticeWithOwner();
    const { scope: other } = await createPracticeWithOwner();
    const foreign = await saveExercise(other, null, exerciseInput());
    const libraryProgram = libraryPrograms.get("six-week-reconnection")!;
    const input = { title: "Mine", summary: "S", audience: "couple_together", weeks: "2", items: [{ exerciseId: library.get("six-second-hello"), week: "1", timesPerWeek: "7" }] };
    expect((await saveProgram(scope, libraryProgram, input)).ok).toBe(false);

    const copy = await duplicateProgram(scope, libraryProgram);
    const copyId = copy.ok ? copy.programId : "";
    expect((await getProgram(scope, copyId))!.items).toHaveLength(12);
    expect((await saveProgram(scope, copyId, input)).ok).toBe(true);
    expect((await getProgram(scope, copyId))!.items.map((i) => i.title)).toEqual(["The six-second hello"]);

    const bad = await saveProgram(scope, copyId, { ...input, items: [{ exerciseId: foreign.ok ? foreign.exerciseId : "", week: "1", timesPerWeek: "2" }] });
    expect(bad).toEqual({ ok: false, errors: { "items.0.exerciseId": ["Choose an exercise from this practice's bank"] } });
    expect((await getProgram(scope, copyId))!.items.map((i) => i.title)).toEqual(["The six-second hello"]);
  });
});

describe("assigning, checking in and privacy", () => {
  test("a program assigned to a couple emails each partner the title only; each partner checks in; the partner sees only what was shared", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { a, b, coupleId } = await coupleIn(practice);
    const result = await assignHomework(scope, {
      subject: `program:${libraryPrograms.get("six-week-reconnection")}`,
      assignee: `couple:${coupleId}`,
      mode: "each_partner",
      startDate: "2026-03-09",
      personalNote: "Private note about your intimacy goals",
    });
    expect(result.ok).toBe(true);
    const assignmentId = result.ok ? result.assignmentId : "";
    const [stored] = await db.select().from(assignments).where(eq(assignments.id, assignmentId));
    expect(stored).toMatchObject({ weeks: 6, dueDate: "2026-04-19", mode: "each_partner", assignedByMemberId: scope.memberId });

    const mail = await db.select().from(emailMessages).where(eq(emailMessages.key, `homework-assigned:${assignmentId}:${a.id}`));
    expect(mail[0]!.text).toContain("Six-week reconnection for couples");
    expect(mail[0]!.text).not.toContain("intimacy goals");
    expect(mail[0]!.text).not.toContain("Face each other");
    expect(await countRows(emailMessages, eq(emailMessages.to, b.email!))).toBe(1);

    const hello = library.get("six-second-hello")!;
    const shared = await recordCheckIn(ctx(practice, a), { assignmentId, exerciseId: hello, done: true, ratings: { closeness: "4", ease: "5" }, reflection: "It felt lovely to pause.", sharedWithPartner: true }, NOW);
    const kept = await recordCheckIn(ctx(practice, b), { assignmentId, exerciseId: hello, done: true, ratings: { closeness: "2" }, reflection: "Private: I felt rushed.", sharedWithPartner: false }, NOW);
    expect(shared.ok && kept.ok).toBe(true);

    // B sees A's shared reflection; A does not see B's private one, nor B's ratings.
    const bView = await getPortalAssignment(ctx(practice, b), assignmentId, NOW);
    expect(bView!.sharedByPartner.map((r) => r.text)).toEqual(["It felt lovely to pause."]);
    const aView = await getPortalAssignment(ctx(practice, a), assignmentId, NOW);
    expect(aView!.sharedByPartner).toEqual([]);
    expect(JSON.stringify(aView)).not.toContain("Private: I felt rushed.");
    expect(aView!.own.map((c) => c.reflection)).toEqual(["It felt lovely to pause."]);
    const aHome = await getPortalHomework(ctx(practice, a), NOW);
    expect(JSON.stringify(aHome)).not.toContain("rushed");
    expect(aHome.due.map((d) => [d.exerciseTitle, d.done, d.target])).toEqual([
      ["The six-second hello", 1, 7],
      ["Touch with no agenda", 0, 2],
    ]);
    expect(aHome.progress).toEqual({ done: 1, target: 9 });
    expect(aHome.streakWeeks).toBe(1);

    // A second check-in the same day replaces the first.
    await recordCheckIn(ctx(practice, b), { assignmentId, exerciseId: hello, done: true, ratings: { closeness: "3" }, reflection: "Private: I felt rushed, then calmer." }, NOW);
    expect(await countRows(checkIns, eq(checkIns.assignmentId, assignmentId))).toBe(2);

    // The clinician sees per-partner adherence (through 11 March: 3 of the 7-a-week hello, none yet of the twice-a-week touch) and the read is audited.
    const overview = await getHomeworkOverview(scope, a.id, new Date("2026-03-12T15:00:00Z"));
    expect(overview!.assignments[0]!.participants.map((p) => [p.label, p.done, p.expected])).toEqual([
      [`${a.firstName} ${a.lastName}`, 1, 3],
      [`${b.firstName} ${b.lastName}`, 1, 3],
    ]);
    // Both reflections, the private one included.
    expect(overview!.reflections.map((r) => [r.text, r.sharedWithPartner]).sort()).toEqual([
      ["It felt lovely to pause.", true],
      ["Private: I felt rushed, then calmer.", false],
    ]);
    expect((await auditEventsFor(practice.id, "homework.read")).map((e) => e.subjectId)).toEqual([a.id]);
  });

  test("together: the partner's done days count for both, but their ratings and private reflection never reach the other's portal", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { a, b, coupleId } = await coupleIn(practice);
    const touch = library.get("touch-without-agenda")!;
    const r = await assignHomework(scope, { subject: `exercise:${touch}`, assignee: `couple:${coupleId}`, mode: "together", startDate: "2026-03-09", timesPerWeek: "2", weeks: "2" });
    const id = r.ok ? r.assignmentId : "";
    await recordCheckIn(ctx(practice, b), { assignmentId: id, exerciseId: touch, done: true, ratings: { pain: "6", closeness: "2" }, reflection: "Only for my therapist." }, NOW);
    const aView = await getPortalAssignment(ctx(practice, a), id, NOW);
    expect(aView!.due.map((d) => [d.done, d.target])).toEqual([[1, 2]]);
    expect(aView!.sharedByPartner).toEqual([]);
    expect(aView!.own).toEqual([]);
    expect(JSON.stringify(aView)).not.toContain("Only for my therapist.");
    expect(JSON.stringify(aView)).not.toContain('"pain":6');
  });

  test("bad check-ins get a clear error and change nothing", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { a, b, coupleId } = await coupleIn(practice);
    const solo = await createClient(practice, { firstName: "Sol" });
    const stranger = await createClient(practice, { firstName: "Stranger" });
    const hello = library.get("six-second-hello")!;
    const painful = library.get("pelvic-floor-down-training")!;
    const indiv = await assignHomework(scope, { subject: `exercise:${painful}`, assignee: `client:${solo.id}`, mode: "individual", startDate: "2026-03-09", timesPerWeek: "5", weeks: "2" });
    const couple = await assignHomework(scope, { subject: `exercise:${hello}`, assignee: `couple:${coupleId}`, mode: "together", startDate: "2026-03-09", timesPerWeek: "7", weeks: "2" });
    const indivId = indiv.ok ? indiv.assignmentId : "";
    const coupleAsg = couple.ok ? couple.assignmentId : "";
    const before = await countRows(checkIns, eq(checkIns.practiceId, practice.id));

    // Someone else's assignment: a stranger on the couple's, a partner on the individual one.
    expect(await recordCheckIn(ctx(practice, stranger), { assignmentId: coupleAsg, exerciseId: hello, done: true }, NOW)).toEqual({ ok: false, errors: { form: ["That homework was not found"] } });
    expect(await recordCheckIn(ctx(practice, a), { assignmentId: indivId, exerciseId: painful, done: true }, NOW)).toEqual({ ok: false, errors: { form: ["That homework was not found"] } });
    // A rating outside its range, and one the exercise does not ask.
    const outOfRange = await recordCheckIn(ctx(practice, solo), { assignmentId: indivId, exerciseId: painful, done: true, ratings: { pain: "11", closeness: "3" } }, NOW);
    expect(outOfRange).toEqual({
      ok: false,
      errors: { "ratings.pain": ["Any pain during or after? (0 none, 10 worst): choose a whole number from 0 to 10"], "ratings.closeness": ["This exercise does not ask for that rating"] },
    });
    // Sharing a reflection on an individual assignment.
    expect(await recordCheckIn(ctx(practice, solo), { assignmentId: indivId, exerciseId: painful, done: true, reflection: "Hi", sharedWithPartner: true }, NOW)).toEqual({
      ok: false,
      errors: { sharedWithPartner: ["This homework is yours alone, so there is no partner to share it with"] },
    });
    // An oversized reflection.
    const long = await recordCheckIn(ctx(practice, b), { assignmentId: coupleAsg, exerciseId: hello, done: true, reflection: "x".repeat(4001) }, NOW);
    expect(long).toEqual({ ok: false, errors: { reflection: ["Your reflection must be at most 4000 characters"] } });
    // An exercise that is not part of the assignment, and a day before it starts.
    expect(await recordCheckIn(ctx(practice, b), { assignmentId: coupleAsg, exerciseId: painful, done: true }, NOW)).toEqual({ ok: false, errors: { exerciseId: ["That exercise is not part of this homework"] } });
    expect((await recordCheckIn(ctx(practice, b), { assignmentId: coupleAsg, exerciseId: hello, done: true }, new Date("2026-03-01T15:00:00Z"))).ok).toBe(false);
    // A client of another practice using a real assignment id.
    const { practice: otherPractice } = await createPracticeWithOwner();
    const outsider = await createClient(otherPractice);
    expect((await recordCheckIn(ctx(otherPractice, outsider), { assignmentId: coupleAsg, exerciseId: hello, done: true }, NOW)).ok).toBe(false);

    expect(await countRows(checkIns, eq(checkIns.practiceId, practice.id))).toBe(before);
  });

  test("the database refuses what the domain refuses: a check-in by someone outside the couple, a shared reflection on an individual assignment", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { coupleId } = await coupleIn(practice);
    const solo = await createClient(practice);
    const stranger = await createClient(practice);
    const hello = library.get("six-second-hello")!;
    const couple = await assignHomework(scope, { subject: `exercise:${hello}`, assignee: `couple:${coupleId}`, mode: "together", startDate: TODAY, timesPerWeek: "7", weeks: "1" });
    const indiv = await assignHomework(scope, { subject: `exercise:${hello}`, assignee: `client:${solo.id}`, mode: "individual", startDate: TODAY, timesPerWeek: "7", weeks: "1" });
    const row = { practiceId: practice.id, exerciseId: hello, date: TODAY, done: true, ratings: {} };
    await expect(db.insert(checkIns).values({ ...row, assignmentId: couple.ok ? couple.assignmentId : "", clientId: stranger.id })).rejects.toMatchObject({ cause: { constraint_name: "homework_check_ins_client_scope" } });
    await expect(db.insert(checkIns).values({ ...row, assignmentId: indiv.ok ? indiv.assignmentId : "", clientId: solo.id, reflection: "x", sharedWithPartner: true })).rejects.toMatchObject({
      cause: { constraint_name: "homework_check_ins_share_scope" },
    });
  });

  test("an exercise, program, client or couple from another practice cannot be assigned", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { practice: otherPractice, scope: other } = await createPracticeWithOwner();
    const mine = await createClient(practice);
    const theirs = await createClient(otherPractice);
    const foreign = await saveExercise(other, null, exerciseInput());
    const foreignId = foreign.ok ? foreign.exerciseId : "";
    const base = { assignee: `client:${mine.id}`, mode: "individual", startDate: TODAY, timesPerWeek: "3", weeks: "2" };
    expect(await assignHomework(scope, { ...base, subject: `exercise:${foreignId}` })).toEqual({ ok: false, errors: { subject: ["That exercise is not in this practice's bank"] } });
    expect(await assignHomework(scope, { ...base, subject: `exercise:${library.get("six-second-hello")}`, assignee: `client:${theirs.id}` })).toEqual({
      ok: false,
      errors: { assignee: ["That client was not found in this practice"] },
    });
    expect(await countRows(assignments, eq(assignments.practiceId, practice.id))).toBe(0);
    // And the database says the same if the domain were bypassed.
    await expect(
      db.insert(assignments).values({ practiceId: practice.id, clientId: mine.id, exerciseId: foreignId, mode: "individual", startDate: TODAY, timesPerWeek: 3, dueDate: addDays(TODAY, 7) }),
    ).rejects.toMatchObject({ cause: { constraint_name: "homework_assignments_exercise_scope" } });
  });
});

describe("the clinician's overview", () => {
  test("flags a pain rating of 7 or more and a partner with no check-in for 7 days", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { a, b, coupleId } = await coupleIn(practice);
    const start = addDays(todayIn(practice.timeZone, NOW), -9);
    const asg = await assignHomework(scope, { subject: `exercise:${library.get("building-touch")}`, assignee: `couple:${coupleId}`, mode: "each_partner", startDate: start, timesPerWeek: "2", weeks: "3" });
    const id = asg.ok ? asg.assignmentId : "";
    await recordCheckIn(ctx(practice, a), { assignmentId: id, exerciseId: library.get("building-touch")!, done: true, ratings: { pain: "8", closeness: "3" } }, new Date("2026-03-09T15:00:00Z"));
    const overview = await getHomeworkOverview(scope, b.id, NOW);
    expect(overview!.flags.map((f) => [f.personName, f.text])).toEqual([
      [`${b.firstName} ${b.lastName}`, "No check-in for 9 days"],
      [`${a.firstName} ${a.lastName}`, "Pain rated 8 of 10"],
    ]);
    expect(overview!.series.map((s) => s.kind)).toEqual(["closeness", "pain"]);
    expect(overview!.series[1]!.rows).toEqual([{ date: "2026-03-09", [a.id]: 8 }]);
  });

  test("the practice's list: a couple's shared and own homework on one row, flagged rows first, nothing from another practice; audited", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { scope: other } = await createPracticeWithOwner();
    const { a, b, coupleId } = await coupleIn(practice);
    const calm = await createClient(practice, { firstName: "Calm", lastName: "Zed" });
    const hello = library.get("six-second-hello")!;
    const start = "2026-03-09";
    await assignHomework(scope, { subject: `exercise:${hello}`, assignee: `couple:${coupleId}`, mode: "together", startDate: "2026-03-01", timesPerWeek: "7", weeks: "3" });
    await assignHomework(scope, { subject: `exercise:${library.get("recharge-menu")}`, assignee: `client:${a.id}`, mode: "individual", startDate: start, timesPerWeek: "3", weeks: "2" });
    const c = await assignHomework(scope, { subject: `exercise:${hello}`, assignee: `client:${calm.id}`, mode: "individual", startDate: start, timesPerWeek: "7", weeks: "2" });
    await recordCheckIn(ctx(practice, calm), { assignmentId: c.ok ? c.assignmentId : "", exerciseId: hello, done: true }, new Date("2026-03-09T15:00:00Z"));
    const rows = await listHomeworkClients(scope, NOW);
    expect(rows.map((r) => [r.name, r.assignments, r.flags.length > 0])).toEqual([
      [`${a.firstName} ${a.lastName} & ${b.firstName} ${b.lastName}`, 2, true],
      ["Calm Zed", 1, false],
    ]);
    expect(rows[1]).toMatchObject({ done: 1, expected: 1, percent: 100 });
    expect(await listHomeworkClients(other, NOW)).toEqual([]);
    expect((await auditEventsFor(practice.id, "homework.list")).length).toBe(1);
  });

  test("50 assignments and 2,000 check-ins load in a fixed, small number of queries", async () => {
    const fixture = await createOverviewFixture(NOW);
    const { result, queries } = await countQueries(() => getHomeworkOverview(fixture.scope, fixture.clientId, NOW));
    expect(result!.assignments).toHaveLength(50);
    expect(result!.checkInCount).toBe(2000);
    // The person and partner, assignments, program items, check-ins, the audit event.
    expect(queries).toBe(5);
    expect(result!.assignments.every((a) => a.total.expected > 0)).toBe(true);
  });

  test("another practice's client is not found, and nothing is audited", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { practice: otherPractice } = await createPracticeWithOwner();
    const theirs = await createClient(otherPractice);
    expect(await getHomeworkOverview(scope, theirs.id, NOW)).toBeNull();
    expect(await auditEventsFor(practice.id, "homework.read")).toEqual([]);
    expect(await db.select().from(assignments).where(and(eq(assignments.practiceId, otherPractice.id)))).toEqual([]);
  });
});
