import { and, eq, isNull } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { assignments, checkIns, couples, emailMessages, exercises, homeworkSheetItems, homeworkSheets, type Client, type Practice } from "@/db/schema";
import { assignHomework } from "@/lib/homework/assign";
import { clientExerciseSheetPdf, listClientSheets, loadExerciseSheet, sendExerciseSheet, staffExerciseSheetPdf } from "@/lib/homework/exercise-sheets";
import { exerciseSheetPdf } from "@/lib/homework/exercise-sheet-pdf";
import { syncHomeworkLibrary } from "@/lib/homework/library/sync";
import { getHomeworkOverview } from "@/lib/homework/overview";
import { getPortalAssignment, getPortalHomework } from "@/lib/homework/portal";
import { recordCheckIn } from "@/lib/homework/record-check-in";
import { auditEventsFor, countRows, createClient, createPracticeWithOwner, createUser, uniqueEmail } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";

const NOW = new Date("2026-03-10T15:00:00Z");
let lift: string;
let ritual: string;

beforeAll(async () => {
  await syncHomeworkLibrary();
  const rows = await db.select({ id: exercises.id, key: exercises.libraryKey }).from(exercises).where(isNull(exercises.practiceId));
  const byKey = new Map(rows.map((r) => [r.key!, r.id]));
  lift = byKey.get("pelvic-floor-lift-and-hold")!;
  ritual = byKey.get("six-second-hello")!;
});

async function clientWithLogin(practice: Practice, firstName = "Dana"): Promise<{ client: Client; user: { id: string } }> {
  const user = await createUser();
  const client = await createClient(practice, { firstName, lastName: "Lee", email: uniqueEmail(firstName.toLowerCase()), userId: user.id });
  return { client, user };
}

async function assignLift(scope: Awaited<ReturnType<typeof createPracticeWithOwner>>["scope"], client: Client, over: Record<string, unknown> = {}) {
  const r = await assignHomework(scope, {
    subject: `exercise:${lift}`,
    assignee: `client:${client.id}`,
    mode: "individual",
    startDate: "2026-03-09",
    timesPerWeek: "7",
    weeks: "2",
    sets: "3",
    repetitions: "10",
    holdSeconds: "5",
    timesPerDay: "2",
    personalNote: "Start lying on your side.",
    ...over,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.assignmentId;
}

describe("the library carries the pelvic defaults", () => {
  test("sync writes the dosage of the library's pelvic exercises", async () => {
    const [row] = await db.select().from(exercises).where(eq(exercises.id, lift));
    expect(row).toMatchObject({ sets: 3, repetitions: 10, holdSeconds: 5, restSeconds: 5, timesPerDay: 2, frequencyPerWeek: 7 });
    const [hello] = await db.select().from(exercises).where(eq(exercises.id, ritual));
    expect([hello!.sets, hello!.repetitions, hello!.holdSeconds, hello!.timesPerDay]).toEqual([null, null, null, null]);
  });

  test("the database refuses a dosage out of range or times a day with more than 7 days", async () => {
    await expect(db.update(exercises).set({ holdSeconds: 301 }).where(eq(exercises.id, lift))).rejects.toThrow();
    await expect(db.update(exercises).set({ frequencyPerWeek: 14 }).where(eq(exercises.id, lift))).rejects.toThrow();
  });
});

describe("assigning with a dosage", () => {
  test("the clinician's dosage is stored, shown in the portal and in the staff view", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { client } = await clientWithLogin(practice);
    const id = await assignLift(scope, client);
    const [row] = await db.select().from(assignments).where(eq(assignments.id, id));
    expect(row).toMatchObject({ sets: 3, repetitions: 10, holdSeconds: 5, restSeconds: null, timesPerDay: 2, timesPerWeek: 7 });

    const portal = await getPortalAssignment({ client, practice }, id, NOW);
    expect(portal!.steps.map((s) => [s.dosageLine, s.countsRepetitions])).toEqual([["3 sets × 10 reps, hold 5 s, twice a day", true]]);
    expect((await getPortalHomework({ client, practice }, NOW)).assignments.map((a) => a.dosageLine)).toEqual(["3 sets × 10 reps, hold 5 s, twice a day"]);
    const overview = await getHomeworkOverview(scope, client.id, NOW);
    expect(overview!.assignments.map((a) => a.dosageLine)).toEqual(["3 sets × 10 reps, hold 5 s, twice a day"]);
  });

  test("a bad dosage names the field and stores nothing", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { client } = await clientWithLogin(practice);
    const r = await assignHomework(scope, { subject: `exercise:${lift}`, assignee: `client:${client.id}`, mode: "individual", startDate: "2026-03-09", timesPerWeek: "7", weeks: "2", holdSeconds: "400" });
    expect(r).toEqual({ ok: false, errors: { holdSeconds: ["Hold time: between 0 and 300 seconds"] } });
    const days = await assignHomework(scope, { subject: `exercise:${lift}`, assignee: `client:${client.id}`, mode: "individual", startDate: "2026-03-09", timesPerWeek: "10", weeks: "2", timesPerDay: "2" });
    expect(days.ok ? [] : Object.keys(days.errors)).toEqual(["timesPerWeek"]);
    expect(await countRows(assignments, eq(assignments.practiceId, practice.id))).toBe(0);
  });
});

describe("checking in with repetitions", () => {
  test("repetitions and sets done are stored and the clinician sees them; a bad count is refused with nothing stored", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { client } = await clientWithLogin(practice);
    const id = await assignLift(scope, client);

    const bad = await recordCheckIn({ client, practice }, { assignmentId: id, exerciseId: lift, done: true, repetitionsDone: "1001" }, NOW);
    expect(bad).toEqual({ ok: false, errors: { repetitionsDone: ["Repetitions done: between 0 and 1000"] } });
    expect(await countRows(checkIns, eq(checkIns.assignmentId, id))).toBe(0);

    const ok = await recordCheckIn({ client, practice }, { assignmentId: id, exerciseId: lift, done: true, setsDone: "3", repetitionsDone: "10" }, NOW);
    expect(ok.ok).toBe(true);
    const [row] = await db.select().from(checkIns).where(eq(checkIns.assignmentId, id));
    expect([row!.setsDone, row!.repetitionsDone]).toEqual([3, 10]);
    const overview = await getHomeworkOverview(scope, client.id, NOW);
    expect(overview!.assignments[0]!.logged.map((l) => [l.date, l.personName, l.text])).toEqual([["2026-03-10", `Dana ${client.lastName}`, "3 sets, 10 reps"]]);
  });

  test("an exercise without a dosage does not take repetitions", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { client } = await clientWithLogin(practice);
    const r = await assignHomework(scope, { subject: `exercise:${ritual}`, assignee: `client:${client.id}`, mode: "individual", startDate: "2026-03-09", timesPerWeek: "7", weeks: "2" });
    const id = r.ok ? r.assignmentId : "";
    expect(await recordCheckIn({ client, practice }, { assignmentId: id, exerciseId: ritual, done: true, repetitionsDone: "10" }, NOW)).toEqual({
      ok: false,
      errors: { repetitionsDone: ["This exercise is not counted in repetitions"] },
    });
    expect(await countRows(checkIns, eq(checkIns.assignmentId, id))).toBe(0);
  });
});

describe("the home-exercise sheet", () => {
  test("the PDF carries the practice, client, date, instructions, the clinician's note and the dosage; long text breaks pages", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { client } = await clientWithLogin(practice);
    const id = await assignLift(scope, client);
    const data = await loadExerciseSheet(practice.id, client.id, [id], NOW);
    expect(data).toMatchObject({ practiceName: practice.name, clientName: `Dana ${client.lastName}`, date: "2026-03-10" });
    const bytes = await staffExerciseSheetPdf(scope, client.id, [id], NOW);
    const doc = await PDFDocument.load(bytes!);
    expect(doc.getPageCount()).toBe(1);
    const text = pdfText(bytes!);
    for (const s of ["Home-exercise sheet", practice.name, `For Dana ${client.lastName}`, "Pelvic-floor lift and hold", "Start lying on your side.", "3 sets x 10 reps, hold 5 s, twice a day", "as though gently lifting a"]) {
      expect(text, s).toContain(s);
    }
    expect((await auditEventsFor(practice.id, "homework_sheet.print")).map((e) => e.subjectId)).toEqual([client.id]);

    const long = await exerciseSheetPdf({ ...data!, assignments: Array.from({ length: 6 }, () => data!.assignments[0]!).map((a) => ({ ...a, personalNote: "Breathe out as you lift. ".repeat(60) })) });
    expect((await PDFDocument.load(long)).getPageCount()).toBeGreaterThan(1);
  });

  test("send to client: stored for the portal, one email naming only the practice, downloadable by that client only", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { client, user } = await clientWithLogin(practice);
    const id = await assignLift(scope, client);
    const sent = await sendExerciseSheet(scope, client.id, [id]);
    expect(sent).toMatchObject({ ok: true, emailed: true });
    const sheetId = sent.ok ? sent.sheetId : "";
    const [mail] = await db.select().from(emailMessages).where(eq(emailMessages.key, `exercise-sheet:${sheetId}:${client.id}`));
    expect(mail!.subject).toBe(`${practice.name} sent you a home-exercise sheet`);
    expect(`${mail!.subject} ${mail!.html ?? ""} ${mail!.text ?? ""}`).not.toMatch(/lift|pelvic|sets|reps/i);
    expect(mail!.html ?? "").toContain(`/portal/${client.id}/homework`);

    expect((await listClientSheets(client)).map((s) => [s.id, s.count])).toEqual([[sheetId, 1]]);
    const own = await clientExerciseSheetPdf({ client, user: { ...user, email: client.email!, name: null, isStaff: false } }, sheetId, NOW);
    expect(pdfText(own!)).toContain("3 sets x 10 reps, hold 5 s, twice a day");

    // Another client of the practice, and a client of another practice, cannot fetch it.
    const { client: other, user: otherUser } = await clientWithLogin(practice, "Sam");
    expect(await clientExerciseSheetPdf({ client: other, user: { ...otherUser, email: other.email!, name: null, isStaff: false } }, sheetId, NOW)).toBeNull();
    const elsewhere = await createPracticeWithOwner();
    const { client: stranger, user: strangerUser } = await clientWithLogin(elsewhere.practice, "Kit");
    expect(await clientExerciseSheetPdf({ client: stranger, user: { ...strangerUser, email: stranger.email!, name: null, isStaff: false } }, sheetId, NOW)).toBeNull();
    // Nor can the other practice's staff print this client's homework.
    expect(await staffExerciseSheetPdf(elsewhere.scope, client.id, [id], NOW)).toBeNull();
  });

  test("a sheet refuses homework that is not the client's, storing nothing; the couple's homework is theirs", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const { client } = await clientWithLogin(practice);
    const { client: other } = await clientWithLogin(practice, "Sam");
    const othersId = await assignLift(scope, other);
    expect(await sendExerciseSheet(scope, client.id, [othersId])).toEqual({ ok: false, errors: { assignments: ["Choose homework of this client for the sheet"] } });
    expect(await sendExerciseSheet(scope, client.id, [])).toEqual({ ok: false, errors: { assignments: ["Choose at least one homework for the sheet"] } });
    expect(await countRows(homeworkSheets, eq(homeworkSheets.practiceId, practice.id))).toBe(0);
    expect(await loadExerciseSheet(practice.id, client.id, [othersId], NOW)).toBeNull();
    // The database refuses it too.
    const [sheet] = await db.insert(homeworkSheets).values({ practiceId: practice.id, clientId: client.id }).returning();
    await expect(db.insert(homeworkSheetItems).values({ sheetId: sheet!.id, practiceId: practice.id, assignmentId: othersId, position: 0 })).rejects.toThrow();

    const [a, b] = [client, other].sort((p, q) => (p.id < q.id ? -1 : 1)) as [Client, Client];
    const [couple] = await db.insert(couples).values({ practiceId: practice.id, clientAId: a.id, clientBId: b.id }).returning();
    const together = await assignHomework(scope, { subject: `exercise:${lift}`, assignee: `couple:${couple!.id}`, mode: "each_partner", startDate: "2026-03-09", timesPerWeek: "7", weeks: "1", sets: "2" });
    const sent = await sendExerciseSheet(scope, client.id, [together.ok ? together.assignmentId : ""]);
    expect(sent.ok).toBe(true);
    expect(await countRows(homeworkSheetItems, and(eq(homeworkSheetItems.practiceId, practice.id), eq(homeworkSheetItems.sheetId, sent.ok ? sent.sheetId : sheet!.id)))).toBe(1);
  });
});
