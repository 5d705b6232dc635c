import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, sql } from "@/db/client";
import { appointmentAttendees, assignments, exercises, appointmentDiagnoses, appointments, couples, noteAddenda, noteTemplates, practices, serviceCptLines, services, sessionNotes, type Client, type Practice } from "@/db/schema";
import { buildSuperbill } from "@/lib/billing/superbill";
import { mergeUnverifiedInto } from "@/lib/clients/merge-client";
import { exportTable } from "@/lib/export/tables";
import { notesToCosign } from "@/lib/notes/cosign-queue";
import { isNoteOverdue, notesDue } from "@/lib/notes/due";
import { addAddendum, cosignNote, getNote, listClientNotes, notesForAppointment, saveDraft, signNote, startNote } from "@/lib/notes/notes";
import { listNoteTemplates } from "@/lib/notes/templates";
import { assignHomework } from "@/lib/homework/assign";
import { homeworkFromNote } from "@/lib/homework/from-note";
import { syncHomeworkLibrary } from "@/lib/homework/library/sync";
import { loadNoteSettings, saveNoteSettings } from "@/lib/notes/settings";
import { auditEventsFor, countRows, createClient, createMember, createPractice, scopeFor, type TestMember } from "./helpers/factories";

const START = new Date("2031-03-02T15:00:00Z");
const NOW = new Date("2031-03-02T17:00:00Z");
const HOUR = 3_600_000;

async function clinic(kind: Practice["kind"] = "couples_therapy") {
  const practice = await createPractice({ kind });
  const owner = await createMember(practice, { role: "owner", displayName: "Olive Owner" });
  const therapist = await createMember(practice, { role: "clinician", displayName: "Tess Therapist" });
  const other = await createMember(practice, { role: "clinician", displayName: "Oscar Other" });
  const desk = await createMember(practice, { role: "front_desk", displayName: "Dee Desk" });
  const admin = await createMember(practice, { role: "admin", displayName: "Ada Admin" });
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, priceCents: 20000, format: "in_person", attendance: "couple", minNoticeMinutes: 60, horizonDays: 30 })
    .returning();
  await db.insert(serviceCptLines).values({ practiceId: practice.id, serviceId: service!.id, position: 0, code: "90847", units: 1, modifiers: [] });
  const templates = await listNoteTemplates(practice.id);
  const template = (slug: string) => templates.find((t) => t.slug === slug)!.id;
  return { practice, owner, therapist, other, desk, admin, service: service!, template };
}

let slot = 0;
/** A session with `with`, `hoursFromStart` apart from the others so none overlap. */
async function session(c: Awaited<ReturnType<typeof clinic>>, people: Client[], member: TestMember = c.therapist, status: "completed" | "confirmed" = "completed", startsAt = new Date(START.getTime() + slot++ * 2 * HOUR - 400 * HOUR)) {
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [appt] = await db
    .insert(appointments)
    .values({ practiceId: c.practice.id, serviceId: c.service.id, memberId: member.member.id, format: "in_person", startsAt, endsAt, blockedFrom: startsAt, blockedTo: endsAt, status, priceCents: 20000, currency: "USD" })
    .returning();
  await db.insert(appointmentAttendees).values(people.map((p) => ({ practiceId: c.practice.id, appointmentId: appt!.id, clientId: p.id })));
  return appt!;
}

const draft = (content: Record<string, string>, codes = "") => ({ content, codes });

async function rawError(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return String((error as { message?: string }).message ?? error);
  }
  return "no error";
}

describe("session notes", () => {
  it("starts from the appointment prefilled, autosaves for its author only, signs, and then the database refuses any change", async () => {
    const c = await clinic();
    const ana = await createClient(c.practice, { firstName: "Ana", lastName: "Reyes" });
    const ben = await createClient(c.practice, { firstName: "Ben", lastName: "Okafor" });
    const appt = await session(c, [ana, ben]);
    const tess = scopeFor(c.therapist);

    // Only the session's clinician starts its note; the front desk cannot at all.
    expect(await startNote(scopeFor(c.other), { appointmentId: appt.id, templateId: c.template("couples-session") }, NOW)).toMatchObject({ ok: false, code: "forbidden", reason: "not_author" });
    expect(await startNote(scopeFor(c.desk), { appointmentId: appt.id, templateId: c.template("couples-session") }, NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await startNote(tess, { templateId: c.template("soap") }, NOW)).toMatchObject({ ok: false, code: "invalid" });

    const started = await startNote(tess, { appointmentId: appt.id, templateId: c.template("couples-session") }, NOW);
    if (!started.ok) throw new Error(JSON.stringify(started));
    // One joint note for the couple: starting again opens the same one.
    expect(await startNote(tess, { appointmentId: appt.id, templateId: c.template("couples-session") }, NOW)).toEqual({ ok: true, noteId: started.noteId, existing: true });
    const [row] = await db.select().from(sessionNotes).where(eq(sessionNotes.id, started.noteId));
    expect(row).toMatchObject({ clientId: ana.id, partnerClientId: ben.id, appointmentId: appt.id, kind: "progress", status: "draft", authorUserId: c.therapist.user.id });
    expect(row!.content).toMatchObject({ attendees: "Ana Reyes & Ben Okafor", service: "Couples session, 50 min", cpt: "90847" });

    // Autosave: the author only; bad input names the field and changes nothing.
    expect(await saveDraft(scopeFor(c.other), started.noteId, draft({ cycle: "x" }), NOW)).toMatchObject({ ok: false, code: "forbidden", reason: "not_author" });
    expect(await saveDraft(tess, started.noteId, draft({ cycle: "Pursue–withdraw" }, "4323"), NOW)).toMatchObject({ ok: false, code: "invalid", errors: { codes: ["Each code must look like F43.23 or Z63.0"] } });
    const saved = await saveDraft(tess, started.noteId, draft({ attendees: "Ana Reyes & Ben Okafor", cycle: "Pursue–withdraw around bedtime" }), new Date(NOW.getTime() + 60_000));
    expect(saved).toMatchObject({ ok: true });

    // Signing someone else's note is refused, by lib/notes and by the database.
    expect(await signNote(scopeFor(c.other), started.noteId, draft({ cycle: "x" }), NOW)).toMatchObject({ ok: false, code: "forbidden", reason: "not_author" });
    expect(await rawError(() => sql`update session_notes set status = 'signed', signed_at = now(), signed_by_user_id = ${c.other.user.id} where id = ${started.noteId}`)).toContain("only the author signs");

    const signed = await signNote(tess, started.noteId, draft({ attendees: "Ana Reyes & Ben Okafor", cycle: "Pursue–withdraw around bedtime", homework: "Daily 10-minute check-in" }, "Z63.0"), NOW);
    expect(signed).toEqual({ ok: true, cosignRequired: false });
    const [after] = await db.select().from(sessionNotes).where(eq(sessionNotes.id, started.noteId));
    expect(after).toMatchObject({ status: "signed", signedAt: NOW, signedByUserId: c.therapist.user.id, diagnosisCodes: ["Z63.0"] });

    // Locked: the domain says so plainly, and raw SQL is refused by the trigger.
    expect(await saveDraft(tess, started.noteId, draft({ cycle: "changed" }), NOW)).toEqual({ ok: false, code: "conflict", reason: "note_signed", message: "This note is signed; add an addendum instead" });
    expect(await signNote(tess, started.noteId, draft({ cycle: "changed" }), NOW)).toMatchObject({ reason: "note_signed" });
    expect(await rawError(() => sql`update session_notes set content = '{"cycle":"rewritten"}'::jsonb where id = ${started.noteId}`)).toContain("a signed note cannot be changed");
    expect(await rawError(() => sql`update session_notes set diagnosis_codes = '{F41.1}' where id = ${started.noteId}`)).toContain("a signed note cannot be changed");
    expect(await rawError(() => sql`update session_notes set status = 'draft', signed_at = null where id = ${started.noteId}`)).toContain("a signed note cannot be changed");
    expect(await rawError(() => sql`delete from session_notes where id = ${started.noteId}`)).toContain("a signed note cannot be deleted");
    const [still] = await db.select().from(sessionNotes).where(eq(sessionNotes.id, started.noteId));
    expect(still!.content).toEqual(after!.content);

    const events = (await auditEventsFor(c.practice.id)).filter((e) => e.action.startsWith("note."));
    expect(events.map((e) => e.action)).toEqual(["note.create", "note.sign"]);
    // Ids only: no word of the note in the audit trail.
    expect(JSON.stringify(events)).not.toContain("Pursue");
  });

  it("addenda: refused on a draft, kept in order on a signed note, and never changed or deleted", async () => {
    const c = await clinic();
    const ana = await createClient(c.practice);
    const appt = await session(c, [ana]);
    const tess = scopeFor(c.therapist);
    const started = await startNote(tess, { appointmentId: appt.id, templateId: c.template("soap") }, NOW);
    if (!started.ok) throw new Error("start");

    expect(await addAddendum(tess, started.noteId, { reason: "Typo", body: "Meant Tuesday" }, NOW)).toMatchObject({ ok: false, code: "conflict", reason: "addendum_on_draft" });
    expect(await rawError(() => sql`insert into note_addenda (practice_id, note_id, reason, body) values (${c.practice.id}, ${started.noteId}, 'r', 'b')`)).toContain("an addendum goes on a signed note");

    expect(await signNote(tess, started.noteId, draft({ subjective: "Sleeping better" }), NOW)).toMatchObject({ ok: true });
    expect(await addAddendum(tess, started.noteId, { reason: "", body: "x" }, NOW)).toMatchObject({ ok: false, code: "invalid", errors: { reason: ["Say why you are adding this"] } });
    expect(await addAddendum(scopeFor(c.desk), started.noteId, { reason: "r", body: "b" }, NOW)).toMatchObject({ ok: false, code: "forbidden" });
    const first = await addAddendum(tess, started.noteId, { reason: "Wrong day", body: "The session was on Tuesday" }, new Date(NOW.getTime() + HOUR));
    const second = await addAddendum(scopeFor(c.owner), started.noteId, { reason: "Supervisor review", body: "Reviewed with Tess" }, new Date(NOW.getTime() + 2 * HOUR));
    expect(first.ok && second.ok).toBe(true);

    const read = await getNote(tess, started.noteId);
    if ("code" in read) throw new Error("read");
    expect(read.addenda.map((a) => [a.reason, a.authorName])).toEqual([
      ["Wrong day", "Tess Therapist"],
      ["Supervisor review", "Olive Owner"],
    ]);
    expect(await rawError(() => sql`update note_addenda set body = 'rewritten' where note_id = ${started.noteId}`)).toContain("an addendum cannot be changed");
    expect(await rawError(() => sql`delete from note_addenda where note_id = ${started.noteId}`)).toContain("an addendum cannot be deleted");
    expect((await db.select().from(noteAddenda).where(eq(noteAddenda.noteId, started.noteId))).length).toBe(2);
  });

  it("psychotherapy notes: only their author reads them, every read and refused read audited, never listed for others nor exported", async () => {
    const c = await clinic();
    const ana = await createClient(c.practice);
    const appt = await session(c, [ana]);
    const tess = scopeFor(c.therapist);
    const process = await startNote(tess, { appointmentId: appt.id, templateId: c.template("psychotherapy-notes") }, NOW);
    const progress = await startNote(tess, { appointmentId: appt.id, templateId: c.template("soap") }, NOW);
    if (!process.ok || !progress.ok) throw new Error("start");
    expect(await saveDraft(tess, process.noteId, draft({ impressions: "Countertransference" }, "F43.23"), NOW)).toMatchObject({ ok: false, errors: { codes: [expect.stringContaining("not on psychotherapy notes")] } });
    expect(await signNote(tess, process.noteId, draft({ impressions: "Countertransference around her father" }), NOW)).toMatchObject({ ok: true });
    expect(await signNote(tess, progress.noteId, draft({ subjective: "Better week" }), NOW)).toMatchObject({ ok: true });

    // Another clinician, the owner, the admin: not found, and the attempt is on the record.
    for (const m of [c.other, c.owner, c.admin]) {
      expect(await getNote(scopeFor(m), process.noteId)).toMatchObject({ ok: false, code: "not_found" });
      expect(await addAddendum(scopeFor(m), process.noteId, { reason: "r", body: "b" }, NOW)).toMatchObject({ ok: false, code: m === c.admin ? "forbidden" : "not_found" });
      expect((await listClientNotes(scopeFor(m), ana.id)).map((n) => n.id)).toEqual([progress.noteId]);
      expect((await notesForAppointment(scopeFor(m), appt.id)).ownProcessNoteId).toBeNull();
    }
    const refused = (await auditEventsFor(c.practice.id, "note.read_refused")).map((e) => [e.actorUserId, e.detail]);
    expect(refused).toEqual([c.other, c.owner, c.admin].map((m) => [m.user.id, { noteId: process.noteId }]));

    const mine = await getNote(tess, process.noteId);
    expect(mine).toMatchObject({ note: { kind: "psychotherapy" }, mine: true });
    expect((await listClientNotes(tess, ana.id)).map((n) => n.kind).sort()).toEqual(["progress", "psychotherapy"]);
    expect((await notesForAppointment(tess, appt.id)).ownProcessNoteId).toBe(process.noteId);
    const reads = await auditEventsFor(c.practice.id, "note.read");
    // Audited on the note itself, never on the client: the client's record export takes the client's audit events.
    expect(reads.map((e) => [e.actorUserId, e.subjectType, e.subjectId, e.detail])).toEqual([[c.therapist.user.id, "session_note", process.noteId, { noteId: process.noteId }]]);
    const clientAudit = await sql.unsafe<{ detail: unknown }[]>(`select t.detail from audit_events t where ${exportTable("audit_events").clientWhere}`, [c.practice.id, ana.id]);
    expect(JSON.stringify(clientAudit)).not.toContain(process.noteId);

    // Exports: the progress note (and its template version) is in both; the psychotherapy notes in neither.
    const rows = async (table: string, scopeClause: "practice" | "client") => {
      const t = exportTable(table);
      const where = scopeClause === "client" ? t.clientWhere! : (t.practiceWhere ?? "t.practice_id = $1");
      const params = scopeClause === "client" ? [c.practice.id, ana.id] : [c.practice.id];
      const found = await sql.unsafe<{ id: string }[]>(`select t.id from ${table} t where ${where}`, params);
      return found.map((r) => r.id);
    };
    expect(await rows("session_notes", "practice")).toEqual([progress.noteId]);
    expect(await rows("session_notes", "client")).toEqual([progress.noteId]);
    expect(await addAddendum(tess, process.noteId, { reason: "More", body: "Second thought" }, NOW)).toMatchObject({ ok: true });
    expect(await rows("note_addenda", "practice")).toEqual([]);
    expect(await rows("note_addenda", "client")).toEqual([]);
    const [soapVersion] = await db.select({ v: sessionNotes.templateVersionId }).from(sessionNotes).where(eq(sessionNotes.id, progress.noteId));
    expect(await rows("note_template_versions", "client")).toEqual([soapVersion!.v]);
  });

  it("the front desk sees only whether a session's note is signed, never its content", async () => {
    const c = await clinic();
    const ana = await createClient(c.practice);
    const appt = await session(c, [ana]);
    const desk = scopeFor(c.desk);
    expect(await notesForAppointment(desk, appt.id)).toEqual({ state: "missing", progressNoteId: null, ownProcessNoteId: null });
    const started = await startNote(scopeFor(c.therapist), { appointmentId: appt.id, templateId: c.template("soap") }, NOW);
    if (!started.ok) throw new Error("start");
    expect((await notesForAppointment(desk, appt.id)).state).toBe("draft");
    await signNote(scopeFor(c.therapist), started.noteId, draft({ subjective: "Private detail" }), NOW);
    expect(await notesForAppointment(desk, appt.id)).toEqual({ state: "signed", progressNoteId: null, ownProcessNoteId: null });
    expect(await getNote(desk, started.noteId)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await listClientNotes(desk, ana.id)).toEqual([]);
    // The clinician sees the note's id, to open it.
    expect((await notesForAppointment(scopeFor(c.therapist), appt.id)).progressNoteId).toBe(started.noteId);
  });

  it("the diagnosis codes on a signed progress note become the session's, and the superbill uses them", async () => {
    const c = await clinic();
    const ana = await createClient(c.practice);
    const appt = await session(c, [ana]);
    const tess = scopeFor(c.therapist);
    const started = await startNote(tess, { appointmentId: appt.id, templateId: c.template("dap") }, NOW);
    if (!started.ok) throw new Error("start");
    // A draft's codes do not reach the superbill yet.
    await saveDraft(tess, started.noteId, draft({ data: "d" }, "F43.23"), NOW);
    expect(await db.select().from(appointmentDiagnoses).where(eq(appointmentDiagnoses.appointmentId, appt.id))).toEqual([]);
    expect(await signNote(tess, started.noteId, draft({ data: "Discussed the move" }, "f43.23, Z63.0"), NOW)).toMatchObject({ ok: true });
    const [dx] = await db.select().from(appointmentDiagnoses).where(eq(appointmentDiagnoses.appointmentId, appt.id));
    expect(dx!.icd10Codes).toEqual(["F43.23", "Z63.0"]);
    const bill = await buildSuperbill(c.practice.id, ana.id, { from: "2031-01-01", to: "2031-03-31" }, NOW);
    expect(bill!.lines.map((l) => l.icd10)).toEqual([["F43.23", "Z63.0"]]);
  });

  it("homework given from a note is a real assignment recorded on it; a note about someone else, or private process notes, is refused and nothing is assigned", async () => {
    await syncHomeworkLibrary();
    const [ritual] = await db.select({ id: exercises.id }).from(exercises).where(and(isNull(exercises.practiceId), eq(exercises.libraryKey, "six-second-hello")));
    const c = await clinic();
    const ana = await createClient(c.practice, { firstName: "Ana" });
    const ben = await createClient(c.practice, { firstName: "Ben" });
    const [x, y] = [ana.id, ben.id].sort() as [string, string];
    const [couple] = await db.insert(couples).values({ practiceId: c.practice.id, clientAId: x, clientBId: y }).returning();
    const other = await createClient(c.practice, { firstName: "Cy" });
    const tess = scopeFor(c.therapist);
    const appt = await session(c, [ana, ben]);
    const started = await startNote(tess, { appointmentId: appt.id, templateId: c.template("couples-session") }, NOW);
    if (!started.ok) throw new Error("start");
    const give = (assignee: string, noteId: string) =>
      assignHomework(tess, { subject: `exercise:${ritual!.id}`, assignee, mode: assignee.startsWith("couple:") ? "together" : "individual", startDate: "2031-03-03", timesPerWeek: "5", weeks: "2", noteId });

    const given = await give(`couple:${couple!.id}`, started.noteId);
    if (!given.ok) throw new Error(JSON.stringify(given));
    const [row] = await db.select().from(assignments).where(eq(assignments.id, given.assignmentId));
    expect(row).toMatchObject({ coupleId: couple!.id, noteId: started.noteId, dueDate: "2031-03-16" });
    expect((await homeworkFromNote(tess, started.noteId)).map((h) => [h.assignmentId, h.title])).toEqual([[given.assignmentId, "The six-second hello"]]);

    const before = await countRows(assignments, eq(assignments.practiceId, c.practice.id));
    expect(await give(`client:${other.id}`, started.noteId)).toEqual({ ok: false, errors: { noteId: ["That session note is not about this client"] } });
    const own = await session(c, [other]);
    const process = await startNote(tess, { appointmentId: own.id, templateId: c.template("psychotherapy-notes") }, NOW);
    if (!process.ok) throw new Error("start process");
    expect(await give(`client:${other.id}`, process.noteId)).toMatchObject({ ok: false, errors: { noteId: expect.any(Array) } });
    expect(await countRows(assignments, eq(assignments.practiceId, c.practice.id))).toBe(before);
  });

  it("note settings: the owner sets the overdue limit and who is supervised; bad or foreign input is a field error and changes nothing", async () => {
    const c = await clinic();
    const owner = scopeFor(c.owner);
    expect((await loadNoteSettings(owner)).clinicians.map((m) => [m.name, m.supervised])).toEqual([
      ["Olive Owner", false],
      ["Oscar Other", false],
      ["Tess Therapist", false],
    ]);
    const elsewhere = await clinic();
    for (const [input, field] of [
      [{ noteSignHours: "0", supervised: [] }, "noteSignHours"],
      [{ noteSignHours: "2.5", supervised: [] }, "noteSignHours"],
      [{ noteSignHours: "", supervised: [] }, "noteSignHours"],
      [{ noteSignHours: "48", supervised: [elsewhere.therapist.member.id] }, "supervised"],
      [{ noteSignHours: "48", supervised: [c.desk.member.id] }, "supervised"],
    ] as const) {
      const r = await saveNoteSettings(owner, input);
      expect(r.ok ? [] : Object.keys(r.errors), JSON.stringify(input)).toEqual([field]);
    }
    expect((await loadNoteSettings(owner)).noteSignHours).toBe(72);
    expect(await saveNoteSettings(owner, { noteSignHours: "48", supervised: [c.other.member.id] })).toEqual({ ok: true });
    const after = await loadNoteSettings(owner);
    expect([after.noteSignHours, after.clinicians.filter((m) => m.supervised).map((m) => m.name)]).toEqual([48, ["Oscar Other"]]);
    expect(await auditEventsFor(c.practice.id, "notes.settings_update")).toEqual([expect.objectContaining({ detail: { noteSignHours: 48, supervised: 1, supervisorsAssigned: 0 } })]);
    // Elsewhere nothing moved.
    expect((await loadNoteSettings(scopeFor(elsewhere.owner))).clinicians.some((m) => m.supervised)).toBe(false);
  });

  it("a supervised clinician's signed note waits for one co-signature from someone else", async () => {
    const c = await clinic();
    // The owner marks Tess supervised on the settings page.
    expect(await saveNoteSettings(scopeFor(c.owner), { noteSignHours: "72", supervised: [c.therapist.member.id] })).toEqual({ ok: true });
    const ana = await createClient(c.practice);
    const appt = await session(c, [ana]);
    const tess = scopeFor(c.therapist);
    const started = await startNote(tess, { appointmentId: appt.id, templateId: c.template("birp") }, NOW);
    if (!started.ok) throw new Error("start");
    expect(await cosignNote(scopeFor(c.owner), started.noteId, NOW)).toMatchObject({ ok: false, reason: "cosign" });
    expect(await signNote(tess, started.noteId, draft({ behavior: "Calm" }), NOW)).toEqual({ ok: true, cosignRequired: true });
    expect(await cosignNote(tess, started.noteId, NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await cosignNote(scopeFor(c.desk), started.noteId, NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await rawError(() => sql`update session_notes set cosigned_at = now(), cosigned_by_user_id = ${c.therapist.user.id} where id = ${started.noteId}`)).toContain("someone other than its author");
    expect(await cosignNote(scopeFor(c.owner), started.noteId, new Date(NOW.getTime() + HOUR))).toEqual({ ok: true });
    expect(await cosignNote(scopeFor(c.other), started.noteId, NOW)).toMatchObject({ ok: false, reason: "cosign" });
    expect(await rawError(() => sql`update session_notes set cosigned_by_user_id = ${c.other.user.id} where id = ${started.noteId}`)).toContain("a signed note cannot be changed");
    const read = await getNote(tess, started.noteId);
    expect(read).toMatchObject({ cosignedByName: "Olive Owner", note: { cosignedAt: new Date(NOW.getTime() + HOUR) } });
  });

  it("an assigned supervisor is the only one who co-signs, and finds the note waiting on their home", async () => {
    const c = await clinic();
    const owner = scopeFor(c.owner);
    // Oscar cannot supervise while supervised himself, nor Tess herself; the field is named and nothing changes.
    for (const supervisor of [c.therapist.member.id, c.desk.member.id]) {
      const r = await saveNoteSettings(owner, { noteSignHours: "72", supervised: [c.therapist.member.id], supervisors: { [c.therapist.member.id]: supervisor } });
      expect(r).toMatchObject({ ok: false, errors: { [`supervisors.${c.therapist.member.id}`]: [expect.stringContaining("Supervisor")] } });
    }
    expect((await loadNoteSettings(owner)).clinicians.some((m) => m.supervised)).toBe(false);
    expect(await saveNoteSettings(owner, { noteSignHours: "72", supervised: [c.therapist.member.id], supervisors: { [c.therapist.member.id]: c.other.member.id } })).toEqual({ ok: true });
    expect((await loadNoteSettings(owner)).clinicians.find((m) => m.memberId === c.therapist.member.id)).toMatchObject({ supervised: true, supervisorMemberId: c.other.member.id });

    const ana = await createClient(c.practice, { firstName: "Ana", lastName: "Reyes" });
    const appt = await session(c, [ana]);
    const tess = scopeFor(c.therapist);
    const started = await startNote(tess, { appointmentId: appt.id, templateId: c.template("birp") }, NOW);
    if (!started.ok) throw new Error("start");
    expect(await signNote(tess, started.noteId, draft({ behavior: "Calm" }), NOW)).toEqual({ ok: true, cosignRequired: true });

    // Oscar's home lists it; the owner's does not, and the owner is refused with Oscar named.
    expect(await notesToCosign(scopeFor(c.other))).toEqual([{ noteId: started.noteId, signedAt: NOW, authorName: "Tess Therapist", clientName: "Ana Reyes" }]);
    expect(await notesToCosign(owner)).toEqual([]);
    expect(await notesToCosign(tess)).toEqual([]);
    expect(await cosignNote(owner, started.noteId, NOW)).toMatchObject({ ok: false, code: "forbidden", message: expect.stringContaining("Oscar Other") });
    expect(await cosignNote(scopeFor(c.other), started.noteId, NOW)).toEqual({ ok: true });
    expect(await notesToCosign(scopeFor(c.other))).toEqual([]);

    // Unmarking Tess clears her supervisor; the database refuses a member supervising themself.
    expect(await saveNoteSettings(owner, { noteSignHours: "72", supervised: [] })).toEqual({ ok: true });
    expect((await loadNoteSettings(owner)).clinicians.find((m) => m.memberId === c.therapist.member.id)).toMatchObject({ supervised: false, supervisorMemberId: null });
    expect(await rawError(() => sql`update members set supervisor_member_id = id where id = ${c.therapist.member.id}`)).toContain("members_supervisor_not_self");
  });

  it("sessions without a signed note are listed, and flagged overdue after the practice's limit", async () => {
    const c = await clinic();
    await db.update(practices).set({ noteSignHours: 48 }).where(eq(practices.id, c.practice.id));
    const practice = { ...c.practice, noteSignHours: 48 };
    const ana = await createClient(c.practice);
    const start = new Date("2031-05-01T14:00:00Z");
    const end = new Date(start.getTime() + 50 * 60_000);
    const missing = await session(c, [ana], c.therapist, "completed", start);
    const drafted = await session(c, [ana], c.therapist, "confirmed", new Date(start.getTime() + 2 * HOUR));
    const done = await session(c, [ana], c.other, "completed", new Date(start.getTime() + 4 * HOUR));
    const future = await session(c, [ana], c.therapist, "confirmed", new Date(start.getTime() + 200 * HOUR));
    const d = await startNote(scopeFor(c.therapist), { appointmentId: drafted.id, templateId: c.template("soap") }, end);
    const s = await startNote(scopeFor(c.other), { appointmentId: done.id, templateId: c.template("soap") }, end);
    if (!d.ok || !s.ok) throw new Error("start");
    await signNote(scopeFor(c.other), s.noteId, draft({ subjective: "ok" }), end);

    const at = (h: number) => new Date(end.getTime() + h * HOUR);
    const due = await notesDue({ practice }, at(47));
    expect(due.map((n) => [n.appointmentId, n.state, n.overdue])).toEqual([
      [missing.id, "missing", false],
      [drafted.id, "draft", false],
    ]);
    expect((await notesDue({ practice }, at(51))).map((n) => [n.appointmentId, n.overdue])).toEqual([
      [missing.id, true],
      [drafted.id, true],
    ]);
    // One clinician's own list; and the future session is never listed.
    expect((await notesDue({ practice }, at(51), { memberId: c.other.member.id })).length).toBe(0);
    expect((await notesDue({ practice }, at(100))).map((n) => n.appointmentId)).not.toContain(future.id);
    expect(isNoteOverdue(end, 72, new Date(end.getTime() + 72 * HOUR))).toBe(false);
    expect(isNoteOverdue(end, 72, new Date(end.getTime() + 72 * HOUR + 1))).toBe(true);
  });

  it("bad input is refused per field and changes nothing; templates are seeded once, and a template version is immutable", async () => {
    const c = await clinic("pelvic_pt");
    const ana = await createClient(c.practice);
    const appt = await session(c, [ana]);
    const tess = scopeFor(c.therapist);
    const started = await startNote(tess, { appointmentId: appt.id, templateId: c.template("pelvic-pt-evaluation") }, NOW);
    if (!started.ok) throw new Error("start");
    const [before] = await db.select().from(sessionNotes).where(eq(sessionNotes.id, started.noteId));
    expect(await saveDraft(tess, started.noteId, draft({ pain_nrs: "11", pfm_strength: "three", pfm_relaxation: "sometimes" }), NOW)).toEqual({
      ok: false,
      code: "invalid",
      errors: {
        "content.pain_nrs": ["Pain today (0–10): between 0 and 10"],
        "content.pfm_strength": ["Pelvic floor strength (Modified Oxford, 0–5): enter a number"],
        "content.pfm_relaxation": ["Relaxation after a contraction: choose one of the options"],
      },
    });
    expect(await signNote(tess, started.noteId, draft({}), NOW)).toMatchObject({ ok: false, code: "invalid", errors: { form: ["Write the note before signing it"] } });
    const [unchanged] = await db.select().from(sessionNotes).where(eq(sessionNotes.id, started.noteId));
    expect(unchanged).toEqual(before);
    expect(await saveDraft(tess, started.noteId, draft({ pain_nrs: "4", pfm_strength: "3", pfm_relaxation: "partial" }), NOW)).toMatchObject({ ok: true });
    const [saved] = await db.select().from(sessionNotes).where(eq(sessionNotes.id, started.noteId));
    expect(saved!.content).toMatchObject({ pain_nrs: 4, pfm_strength: 3, pfm_relaxation: "partial" });

    // Listing again installs nothing more; a standalone note (a phone call) needs no appointment.
    await listNoteTemplates(c.practice.id);
    expect((await db.select().from(noteTemplates).where(eq(noteTemplates.practiceId, c.practice.id))).map((t) => t.slug).sort()).toEqual(
      ["birp", "couples-session", "dap", "pelvic-pt-daily", "pelvic-pt-evaluation", "psychotherapy-notes", "soap"],
    );
    expect(await startNote(tess, { clientId: ana.id, templateId: c.template("soap") }, NOW)).toMatchObject({ ok: true, existing: false });
    expect(await rawError(() => sql`update note_template_versions set definition = '{}'::jsonb where practice_id = ${c.practice.id}`)).toContain("cannot be changed");

    // Another practice's client or template: not found / invalid, nothing written.
    const elsewhere = await clinic();
    const stranger = await createClient(elsewhere.practice);
    expect(await startNote(tess, { clientId: stranger.id, templateId: c.template("soap") }, NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await startNote(tess, { clientId: ana.id, templateId: elsewhere.template("soap") }, NOW)).toMatchObject({ ok: false, code: "invalid" });
    expect(await getNote(scopeFor(elsewhere.therapist), started.noteId)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a couple's joint note is visible to clinical roles on both partners' records, and in neither partner's export", async () => {
    const c = await clinic();
    const ana = await createClient(c.practice, { firstName: "Ana" });
    const ben = await createClient(c.practice, { firstName: "Ben" });
    const [x, y] = [ana.id, ben.id].sort() as [string, string];
    await db.insert(couples).values({ practiceId: c.practice.id, clientAId: x, clientBId: y });
    const appt = await session(c, [ana, ben]);
    const started = await startNote(scopeFor(c.therapist), { appointmentId: appt.id, templateId: c.template("couples-session") }, NOW);
    if (!started.ok) throw new Error("start");
    for (const person of [ana, ben]) {
      expect((await listClientNotes(scopeFor(c.admin), person.id)).map((n) => [n.id, n.couple])).toEqual([[started.noteId, true]]);
      const t = exportTable("session_notes");
      expect(await sql.unsafe(`select t.id from session_notes t where ${t.clientWhere}`, [c.practice.id, person.id])).toEqual([]);
    }
    expect((await sql.unsafe<{ id: string }[]>(`select t.id from session_notes t where ${exportTable("session_notes").practiceWhere}`, [c.practice.id])).map((r) => r.id)).toEqual([started.noteId]);
    expect(await db.select({ n: sessionNotes.id }).from(sessionNotes).where(and(eq(sessionNotes.appointmentId, appt.id)))).toHaveLength(1);
  });

  it("folding an unverified booking record into the proven client moves its signed notes, and nothing else can move them", async () => {
    const c = await clinic();
    const kept = await createClient(c.practice, { firstName: "Kim" });
    const booked = await createClient(c.practice, { firstName: "Kim" });
    const appt = await session(c, [booked]);
    const tess = scopeFor(c.therapist);
    const started = await startNote(tess, { appointmentId: appt.id, templateId: c.template("soap") }, NOW);
    if (!started.ok) throw new Error("start");
    await signNote(tess, started.noteId, draft({ subjective: "First visit" }), NOW);
    expect(await rawError(() => sql`update session_notes set client_id = ${kept.id} where id = ${started.noteId}`)).toContain("cannot move to another client");
    await db.transaction((tx) => mergeUnverifiedInto(tx, { practiceId: c.practice.id, fromId: booked.id, intoId: kept.id }));
    const [moved] = await db.select().from(sessionNotes).where(eq(sessionNotes.id, started.noteId));
    expect(moved).toMatchObject({ clientId: kept.id, status: "signed", content: { subjective: "First visit" } });
    expect((await listClientNotes(tess, kept.id)).map((n) => n.id)).toEqual([started.noteId]);
  });
});
