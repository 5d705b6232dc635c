import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointmentDiagnoses,
  appointments,
  clients,
  members,
  noteAddenda,
  noteTemplates,
  noteTemplateVersions,
  services,
  sessionNotes,
  type NoteAddendum,
  type SessionNote,
} from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { readVisitCptLines } from "@/lib/billing/diagnoses";
import { formatCptLines } from "@/lib/billing/cpt-lines";
import { formatDate, practiceReader } from "@/lib/dates";
import { isUniqueViolation, pgError } from "@/lib/db/pg-error";
import { conflict, forbidden, invalid, notFound, type Conflict, type Forbidden, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { MEASURE_NAMES, type MeasureId } from "@/lib/intake/measures/types";
import { scoresOf } from "@/lib/plans/people";
import type { NoteContent, NoteKind, NoteTemplateDefinition } from "./content";
import { addendumSchema, checkContent, fieldsOf, isEmptyContent, noteDraftSchema, startNoteSchema } from "./schema";
import { currentNoteVersion, listNoteTemplates } from "./templates";

/**
 * Session notes for staff (decision 0052). Writing needs notes.write and is
 * the author's alone; reading a progress note needs clinical.read; a
 * psychotherapy note is readable by its author only, whatever their role.
 * Every read of a note's content is audited (`note.read`, ids only, never
 * content). The database locks signed notes too (triggers in 0038); these
 * checks give the person a clear message before it comes to that.
 */

export type NoteSigned = Conflict<"note_signed">;
export type AddendumOnDraft = Conflict<"addendum_on_draft">;
export type NotAuthor = Forbidden & { reason: "not_author" };
export type NoteError = Invalid | NotFound | Forbidden | NotAuthor | NoteSigned | AddendumOnDraft | Conflict<"exists" | "cosign" | "unavailable">;

const SIGNED_MESSAGE = "This note is signed; add an addendum instead";
const noteSigned = (): NoteSigned => conflict("note_signed", SIGNED_MESSAGE);
const notAuthor = (message = "Only the note's author can change or sign it"): NotAuthor => ({ ...forbidden(message), reason: "not_author" });

/** Statuses a note can be written for: a session that was (or will be) held. */
const NOTABLE: readonly string[] = ["confirmed", "completed", "no_show", "late_cancelled"];

/**
 * The audit subject: the client for progress notes. Psychotherapy notes are audited on the note
 * itself, so the client's record export (which takes the client's audit events) never shows that
 * they exist; the practice's audit trail still has every read.
 */
function subjectOf(note: Pick<SessionNote, "clientId" | "kind" | "id">) {
  return note.kind === "psychotherapy" ? { type: "session_note", id: note.id } : { type: "client", id: note.clientId };
}

async function loadNote(practiceId: string, noteId: string): Promise<SessionNote | null> {
  if (!isUuid(noteId)) return null;
  const [note] = await db.select().from(sessionNotes).where(and(eq(sessionNotes.practiceId, practiceId), eq(sessionNotes.id, noteId)));
  return note ?? null;
}

async function definitionOf(practiceId: string, versionId: string): Promise<NoteTemplateDefinition> {
  const [v] = await db
    .select({ definition: noteTemplateVersions.definition })
    .from(noteTemplateVersions)
    .where(and(eq(noteTemplateVersions.practiceId, practiceId), eq(noteTemplateVersions.id, versionId)));
  return v!.definition;
}

/** Who may see a note at all: psychotherapy notes only their author, progress notes clinical roles. */
function maySee(scope: PracticeScope, note: Pick<SessionNote, "kind" | "authorUserId">): boolean {
  if (note.kind === "psychotherapy") return note.authorUserId !== null && note.authorUserId === scope.user.id;
  return can(scope.role, "clinical.read");
}

/** A trigger's refusal of a signed note, as the typed error (two tabs: one signed while the other saved). */
function lockedByDb(error: unknown): NoteSigned | null {
  const e = pgError(error);
  return e && e.code === "23514" && (e.constraint === "session_notes_locked" || e.constraint === "note_addenda_on_signed") ? noteSigned() : null;
}

interface Prefill {
  attendees: string;
  service: string;
  cpt: string;
  measures: string;
}

/** What a note started from an appointment opens with: who came, the service, its CPT lines, the latest scores. */
async function prefillFor(scope: PracticeScope, appointmentId: string, people: { clientId: string; name: string }[], serviceLine: string): Promise<Prefill> {
  const cpt = await readVisitCptLines(scope, appointmentId);
  const scores = await scoresOf(
    scope.practice.id,
    people.map((p) => p.clientId),
  );
  const reader = practiceReader(scope.practice);
  const latest = new Map<string, (typeof scores)[number]>();
  for (const s of scores) latest.set(`${s.clientId}:${s.measure}`, s); // oldest first, so the last one wins
  const lines = [...latest.values()]
    .filter((s) => s.total !== null)
    .map((s) => {
      const person = people.find((p) => p.clientId === s.clientId)!;
      const name = MEASURE_NAMES[s.measure as MeasureId] ?? s.measure;
      return `${person.name.split(" ")[0]}: ${name} ${s.total} (${formatDate(s.at, reader)})`;
    });
  return { attendees: people.map((p) => p.name).join(" & "), service: serviceLine, cpt: formatCptLines(cpt.lines), measures: lines.join("\n") };
}

export type StartNoteResult = { ok: true; noteId: string; existing: boolean } | NoteError;

/**
 * Starts a draft from a template, for an appointment (its clinician only; a
 * couple's session gets one joint note) or for a client alone (a phone call,
 * an email). An appointment's progress note that already exists is returned
 * to its author instead of a second one.
 */
export async function startNote(scope: PracticeScope, input: unknown, now: Date): Promise<StartNoteResult> {
  if (!can(scope.role, "notes.write")) return forbidden("Only clinicians write session notes");
  const parsed = startNoteSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const practiceId = scope.practice.id;
  await listNoteTemplates(practiceId); // installs the starters for a practice that has none yet
  const version = await currentNoteVersion(practiceId, parsed.data.templateId);
  if (!version) return invalid({ templateId: ["Template: that template was not found"] });
  const kind: NoteKind = parsed.data.kind ?? version.definition.kind;

  let clientId: string;
  let partnerClientId: string | null = null;
  let appointmentId: string | null = null;
  let prefill: Prefill | null = null;
  if (parsed.data.appointmentId) {
    const [appt] = await db
      .select({ id: appointments.id, memberId: appointments.memberId, status: appointments.status, startsAt: appointments.startsAt, endsAt: appointments.endsAt, serviceName: services.name, duration: services.durationMinutes })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .where(and(eq(appointments.practiceId, practiceId), eq(appointments.id, parsed.data.appointmentId)));
    if (!appt) return notFound("That session was not found");
    if (appt.memberId !== scope.memberId) return notAuthor("Only the session's clinician writes its note");
    if (!NOTABLE.includes(appt.status)) return conflict("unavailable", "This booking was never held: there is no session to write a note about");
    const people = await db
      .select({ clientId: clients.id, firstName: clients.firstName, preferredName: clients.preferredName, lastName: clients.lastName })
      .from(appointmentAttendees)
      .innerJoin(clients, eq(clients.id, appointmentAttendees.clientId))
      .where(and(eq(appointmentAttendees.practiceId, practiceId), eq(appointmentAttendees.appointmentId, appt.id)))
      // Who booked first, then by name: the same order every time the note is opened.
      .orderBy(asc(appointmentAttendees.createdAt), asc(clients.firstName), asc(clients.lastName), asc(clients.id));
    if (people.length === 0) return conflict("unavailable", "This session has no client yet");
    const existing = await db
      .select({ id: sessionNotes.id, authorUserId: sessionNotes.authorUserId })
      .from(sessionNotes)
      .where(and(eq(sessionNotes.practiceId, practiceId), eq(sessionNotes.appointmentId, appt.id), eq(sessionNotes.kind, kind)));
    const mine = existing.find((n) => kind === "progress" || n.authorUserId === scope.user.id);
    if (mine) return mine.authorUserId === scope.user.id ? { ok: true, noteId: mine.id, existing: true } : conflict("exists", "This session already has a note by another clinician");
    clientId = people[0]!.clientId;
    partnerClientId = people[1]?.clientId ?? null;
    appointmentId = appt.id;
    prefill = await prefillFor(
      scope,
      appt.id,
      people.map((p) => ({ clientId: p.clientId, name: `${p.preferredName ?? p.firstName} ${p.lastName}` })),
      `${appt.serviceName}, ${appt.duration} min`,
    );
  } else {
    const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.practiceId, practiceId), eq(clients.id, parsed.data.clientId!)));
    if (!client) return notFound("Client not found");
    clientId = client.id;
  }

  const content: NoteContent = {};
  for (const f of fieldsOf(version.definition)) content[f.id] = f.prefill && prefill ? prefill[f.prefill] || null : null;
  try {
    const [note] = await db
      .insert(sessionNotes)
      .values({ practiceId, clientId, partnerClientId, appointmentId, kind, authorUserId: scope.user.id, templateVersionId: version.id, content, createdAt: now, updatedAt: now })
      .returning({ id: sessionNotes.id });
    await recordAudit(byMember(scope, "note.create", subjectOf({ id: note!.id, clientId, kind }), { noteId: note!.id, appointmentId }));
    return { ok: true, noteId: note!.id, existing: false };
  } catch (error) {
    // Two tabs starting the same session's note at once: one wins.
    if (isUniqueViolation(error)) return conflict("exists", "This session's note was just started; reload the page");
    throw error;
  }
}

/** Parses the editor's values against the note's template version. */
async function parseDraft(note: SessionNote, input: unknown): Promise<Invalid | { content: NoteContent; codes: string[] }> {
  const parsed = noteDraftSchema.safeParse(input);
  if (!parsed.success) {
    // One message for the codes field, whichever code is wrong (`codes.2` → `codes`).
    const errors: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(zodFieldErrors(parsed.error))) (errors[k.startsWith("codes.") ? "codes" : k] ??= []).push(...v);
    return invalid(errors);
  }
  const checked = checkContent(await definitionOf(note.practiceId, note.templateVersionId), parsed.data.content);
  if (!checked.ok) return invalid(checked.errors);
  if (note.kind === "psychotherapy" && parsed.data.codes.length > 0) return invalid({ codes: ["Diagnosis codes go on the progress note, not on psychotherapy notes"] });
  return { content: checked.content, codes: parsed.data.codes };
}

/** Refusals shared by saving and signing: someone else's note, a signed one. */
async function ownDraft(scope: PracticeScope, noteId: string): Promise<SessionNote | NoteError> {
  if (!can(scope.role, "notes.write")) return forbidden("Only clinicians write session notes");
  const note = await loadNote(scope.practice.id, noteId);
  if (!note || !maySee(scope, note)) return notFound("Note not found");
  if (note.authorUserId !== scope.user.id) return notAuthor();
  if (note.status === "signed") return noteSigned();
  return note;
}

export type SaveNoteResult = { ok: true; savedAt: Date } | NoteError;

/**
 * Autosaves the author's draft. Not audited: the author writing their own
 * draft every few seconds is no disclosure, and create/sign/addendum are.
 */
export async function saveDraft(scope: PracticeScope, noteId: string, input: unknown, now: Date): Promise<SaveNoteResult> {
  const note = await ownDraft(scope, noteId);
  if ("ok" in note) return note;
  const draft = await parseDraft(note, input);
  if ("ok" in draft) return draft;
  try {
    const saved = await db
      .update(sessionNotes)
      .set({ content: draft.content, diagnosisCodes: draft.codes, updatedAt: now })
      .where(and(eq(sessionNotes.id, note.id), eq(sessionNotes.status, "draft")))
      .returning({ id: sessionNotes.id });
    if (saved.length === 0) return noteSigned();
    return { ok: true, savedAt: now };
  } catch (error) {
    const locked = lockedByDb(error);
    if (locked) return locked;
    throw error;
  }
}

export type SignNoteResult = { ok: true; cosignRequired: boolean } | NoteError;

/**
 * Signs the author's draft with its final values: records who and when, and
 * from then on the database refuses any change. A supervised author's note
 * waits for a co-signature. The progress note's diagnosis codes become the
 * appointment's, so the superbill uses them.
 */
export async function signNote(scope: PracticeScope, noteId: string, input: unknown, now: Date): Promise<SignNoteResult> {
  const note = await ownDraft(scope, noteId);
  if ("ok" in note) return note;
  const draft = await parseDraft(note, input);
  if ("ok" in draft) return draft;
  if (isEmptyContent(draft.content)) return invalid({ form: ["Write the note before signing it"] });
  const [me] = await db.select({ supervised: members.supervised }).from(members).where(and(eq(members.practiceId, scope.practice.id), eq(members.id, scope.memberId)));
  const cosignRequired = me?.supervised ?? false;
  try {
    return await db.transaction(async (tx) => {
      const signed = await tx
        .update(sessionNotes)
        .set({ content: draft.content, diagnosisCodes: draft.codes, status: "signed", signedAt: now, signedByUserId: scope.user.id, cosignRequired, updatedAt: now })
        .where(and(eq(sessionNotes.id, note.id), eq(sessionNotes.status, "draft")))
        .returning({ id: sessionNotes.id });
      if (signed.length === 0) return noteSigned();
      if (note.kind === "progress" && note.appointmentId && draft.codes.length > 0) {
        await tx
          .insert(appointmentDiagnoses)
          .values({ appointmentId: note.appointmentId, practiceId: note.practiceId, icd10Codes: draft.codes, updatedAt: now })
          .onConflictDoUpdate({ target: appointmentDiagnoses.appointmentId, set: { icd10Codes: draft.codes, updatedAt: now } });
      }
      await recordAudit(byMember(scope, "note.sign", subjectOf(note), { noteId: note.id, appointmentId: note.appointmentId, codes: draft.codes.length, cosignRequired }), tx);
      return { ok: true as const, cosignRequired };
    });
  } catch (error) {
    const locked = lockedByDb(error);
    if (locked) return locked;
    throw error;
  }
}

export type AddendumResult = { ok: true; addendumId: string } | NoteError;

/**
 * Adds a correction (who, when, why) to a signed note. On a progress note any
 * clinician who writes notes may add one (a supervisor's correction); on
 * psychotherapy notes only their author.
 */
export async function addAddendum(scope: PracticeScope, noteId: string, input: unknown, now: Date): Promise<AddendumResult> {
  if (!can(scope.role, "notes.write")) return forbidden("Only clinicians add addenda");
  const note = await loadNote(scope.practice.id, noteId);
  if (!note || !maySee(scope, note)) return notFound("Note not found");
  if (note.status !== "signed") return conflict("addendum_on_draft", "This note is still a draft: edit it instead of adding an addendum");
  const parsed = addendumSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  try {
    const [row] = await db
      .insert(noteAddenda)
      .values({ practiceId: note.practiceId, noteId: note.id, authorUserId: scope.user.id, reason: parsed.data.reason, body: parsed.data.body, createdAt: now })
      .returning({ id: noteAddenda.id });
    await recordAudit(byMember(scope, "note.addendum", subjectOf(note), { noteId: note.id, addendumId: row!.id }));
    return { ok: true, addendumId: row!.id };
  } catch (error) {
    const e = pgError(error);
    if (e?.constraint === "note_addenda_on_signed") return conflict("addendum_on_draft", "This note is still a draft: edit it instead of adding an addendum");
    throw error;
  }
}

export type CosignResult = { ok: true } | NoteError;

/** A supervisor co-signs a supervised clinician's signed note, once. Never the author, never a supervised member. */
export async function cosignNote(scope: PracticeScope, noteId: string, now: Date): Promise<CosignResult> {
  if (!can(scope.role, "notes.cosign")) return forbidden("Only a supervisor co-signs notes");
  const note = await loadNote(scope.practice.id, noteId);
  if (!note || !maySee(scope, note)) return notFound("Note not found");
  if (note.status !== "signed" || !note.cosignRequired) return conflict("cosign", "This note does not wait for a co-signature");
  if (note.cosignedAt) return conflict("cosign", "This note is already co-signed");
  if (note.authorUserId === scope.user.id) return forbidden("You cannot co-sign your own note");
  const [me] = await db.select({ supervised: members.supervised }).from(members).where(and(eq(members.practiceId, scope.practice.id), eq(members.id, scope.memberId)));
  if (me?.supervised) return forbidden("A supervised clinician cannot co-sign notes");
  // An assigned supervisor is the only one who co-signs that clinician's notes (decision 0058).
  if (note.authorUserId) {
    const [author] = await db
      .select({ supervisorMemberId: members.supervisorMemberId })
      .from(members)
      .where(and(eq(members.practiceId, scope.practice.id), eq(members.userId, note.authorUserId)));
    if (author?.supervisorMemberId && author.supervisorMemberId !== scope.memberId) {
      const [supervisor] = await db.select({ name: members.displayName }).from(members).where(eq(members.id, author.supervisorMemberId));
      return forbidden(`Only ${supervisor?.name ?? "their assigned supervisor"}, the author's supervisor, co-signs this note`);
    }
  }
  return db.transaction(async (tx) => {
    const done = await tx
      .update(sessionNotes)
      .set({ cosignedAt: now, cosignedByUserId: scope.user.id })
      .where(and(eq(sessionNotes.id, note.id), eq(sessionNotes.status, "signed")))
      .returning({ id: sessionNotes.id });
    if (done.length === 0) return conflict("cosign", "This note is already co-signed");
    await recordAudit(byMember(scope, "note.cosign", subjectOf(note), { noteId: note.id }), tx);
    return { ok: true as const };
  });
}

export interface StaffNote {
  note: SessionNote;
  definition: NoteTemplateDefinition;
  templateTitle: string;
  authorName: string | null;
  signedByName: string | null;
  cosignedByName: string | null;
  addenda: (NoteAddendum & { authorName: string | null })[];
  mine: boolean;
}

/** The practice's member names by user id (authors, signers). */
async function memberNames(practiceId: string, userIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((x): x is string => x !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ userId: members.userId, name: members.displayName, credentials: members.credentials })
    .from(members)
    .where(and(eq(members.practiceId, practiceId), inArray(members.userId, ids)));
  return new Map(rows.map((r) => [r.userId, r.credentials ? `${r.name}, ${r.credentials}` : r.name]));
}

/**
 * One note with its addenda, in order. Audited as `note.read` on the client
 * (ids only). Someone who may not see it (another clinician's psychotherapy
 * notes, the front desk) is told it is not found, and the attempt is audited
 * too, so the accounting of disclosures shows who tried.
 */
export async function getNote(scope: PracticeScope, noteId: string): Promise<StaffNote | NotFound | Forbidden> {
  if (!can(scope.role, "clinical.read") && !can(scope.role, "notes.write")) return forbidden("Session notes are for clinical staff");
  const note = await loadNote(scope.practice.id, noteId);
  if (!note) return notFound("Note not found");
  if (!maySee(scope, note)) {
    await recordAudit(byMember(scope, "note.read_refused", subjectOf(note), { noteId: note.id }));
    return notFound("Note not found");
  }
  const [template] = await db
    .select({ definition: noteTemplateVersions.definition, title: noteTemplates.title })
    .from(noteTemplateVersions)
    .innerJoin(noteTemplates, eq(noteTemplates.id, noteTemplateVersions.templateId))
    .where(and(eq(noteTemplateVersions.practiceId, note.practiceId), eq(noteTemplateVersions.id, note.templateVersionId)));
  const addenda = await db
    .select()
    .from(noteAddenda)
    .where(and(eq(noteAddenda.practiceId, note.practiceId), eq(noteAddenda.noteId, note.id)))
    .orderBy(asc(noteAddenda.createdAt), asc(noteAddenda.id));
  const names = await memberNames(note.practiceId, [note.authorUserId, note.signedByUserId, note.cosignedByUserId, ...addenda.map((a) => a.authorUserId)]);
  const name = (id: string | null) => (id ? (names.get(id) ?? "A former member") : null);
  await recordAudit(byMember(scope, "note.read", subjectOf(note), { noteId: note.id }));
  return {
    note,
    definition: template!.definition,
    templateTitle: template!.title,
    authorName: name(note.authorUserId),
    signedByName: name(note.signedByUserId),
    cosignedByName: name(note.cosignedByUserId),
    addenda: addenda.map((a) => ({ ...a, authorName: name(a.authorUserId) })),
    mine: note.authorUserId === scope.user.id,
  };
}

/** What the front desk (and the schedule) may know of a session's note: only whether it exists and is signed. */
export type NoteState = "missing" | "draft" | "signed";

/** The record note's state for each appointment; psychotherapy notes never count (nor show). No content, no audit. */
export async function noteStates(practiceId: string, appointmentIds: readonly string[]): Promise<Map<string, NoteState>> {
  const out = new Map<string, NoteState>(appointmentIds.map((id) => [id, "missing"]));
  if (appointmentIds.length === 0) return out;
  const rows = await db
    .select({ appointmentId: sessionNotes.appointmentId, status: sessionNotes.status })
    .from(sessionNotes)
    .where(and(eq(sessionNotes.practiceId, practiceId), eq(sessionNotes.kind, "progress"), inArray(sessionNotes.appointmentId, [...appointmentIds])));
  for (const r of rows) if (r.appointmentId) out.set(r.appointmentId, r.status);
  return out;
}

export interface AppointmentNotes {
  state: NoteState;
  /** The record note's id, for clinical roles only. */
  progressNoteId: string | null;
  /** The signed-in clinician's own psychotherapy notes on this session. */
  ownProcessNoteId: string | null;
}

/** The session's notes as the signed-in member may know them: the front desk gets the state only. */
export async function notesForAppointment(scope: PracticeScope, appointmentId: string): Promise<AppointmentNotes> {
  if (!isUuid(appointmentId)) return { state: "missing", progressNoteId: null, ownProcessNoteId: null };
  const rows = await db
    .select({ id: sessionNotes.id, kind: sessionNotes.kind, status: sessionNotes.status, authorUserId: sessionNotes.authorUserId })
    .from(sessionNotes)
    .where(and(eq(sessionNotes.practiceId, scope.practice.id), eq(sessionNotes.appointmentId, appointmentId)));
  const progress = rows.find((r) => r.kind === "progress");
  const own = rows.find((r) => r.kind === "psychotherapy" && r.authorUserId === scope.user.id);
  const clinical = can(scope.role, "clinical.read");
  return {
    state: progress?.status ?? "missing",
    progressNoteId: clinical ? (progress?.id ?? null) : null,
    ownProcessNoteId: own && can(scope.role, "notes.write") ? own.id : null,
  };
}

export interface NoteSummary {
  id: string;
  kind: NoteKind;
  status: SessionNote["status"];
  appointmentId: string | null;
  /** The session's start, else when the note was started. */
  at: Date;
  templateTitle: string;
  authorName: string | null;
  couple: boolean;
}

/**
 * The notes on a client's record, newest first: progress notes (their own and
 * their couple's joint ones) for clinical roles, plus the signed-in member's
 * own psychotherapy notes. Titles and dates only, no content, so no audit.
 */
export async function listClientNotes(scope: PracticeScope, clientId: string): Promise<NoteSummary[]> {
  if (!isUuid(clientId) || !can(scope.role, "clinical.read")) return [];
  const rows = await db
    .select({ note: sessionNotes, title: noteTemplates.title, startsAt: appointments.startsAt })
    .from(sessionNotes)
    .innerJoin(noteTemplateVersions, eq(noteTemplateVersions.id, sessionNotes.templateVersionId))
    .innerJoin(noteTemplates, eq(noteTemplates.id, noteTemplateVersions.templateId))
    .leftJoin(appointments, eq(appointments.id, sessionNotes.appointmentId))
    .where(
      and(
        eq(sessionNotes.practiceId, scope.practice.id),
        or(eq(sessionNotes.clientId, clientId), eq(sessionNotes.partnerClientId, clientId)),
        or(eq(sessionNotes.kind, "progress"), eq(sessionNotes.authorUserId, scope.user.id)),
      ),
    )
    .orderBy(desc(sessionNotes.createdAt), desc(sessionNotes.id));
  const names = await memberNames(
    scope.practice.id,
    rows.map((r) => r.note.authorUserId),
  );
  return rows
    .map((r) => ({
      id: r.note.id,
      kind: r.note.kind,
      status: r.note.status,
      appointmentId: r.note.appointmentId,
      at: r.startsAt ?? r.note.createdAt,
      templateTitle: r.title,
      authorName: r.note.authorUserId ? (names.get(r.note.authorUserId) ?? "A former member") : null,
      couple: r.note.partnerClientId !== null,
    }))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}
