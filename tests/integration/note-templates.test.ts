import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { noteTemplateVersions, sessionNotes } from "@/db/schema";
import { getNote, saveDraft, startNote } from "@/lib/notes/notes";
import { NOTE_TEMPLATES } from "@/lib/notes/starter-templates";
import { createNoteTemplate, getTemplateForEditing, listTemplatesForEditing, publishNoteTemplate, setNoteTemplateArchived } from "@/lib/notes/template-editor";
import { noteTemplateDefinitionSchema } from "@/lib/notes/template-schema";
import { listNoteTemplates } from "@/lib/notes/templates";
import type { NoteTemplateDefinition } from "@/lib/notes/content";
import { auditEventsFor, countRows, createClient, createMember, createPractice, scopeFor } from "./helpers/factories";

const NOW = new Date("2031-05-04T12:00:00Z");

async function clinic() {
  const practice = await createPractice({ kind: "pelvic_pt" });
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician" });
  const desk = await createMember(practice, { role: "front_desk" });
  const templates = await listNoteTemplates(practice.id);
  const soap = templates.find((t) => t.slug === "soap")!;
  return { practice, owner, clinician, desk, templates, soap };
}

describe("note template editor", () => {
  it("accepts every starter template as the editor would publish it", () => {
    for (const t of NOTE_TEMPLATES) expect(noteTemplateDefinitionSchema.safeParse(t.definition).success, t.slug).toBe(true);
  });

  it("publishes a new version that new notes use, while a note written earlier keeps its own version and values", async () => {
    const c = await clinic();
    const client = await createClient(c.practice);
    const tess = scopeFor(c.clinician);
    const before = await startNote(tess, { clientId: client.id, templateId: c.soap.id }, NOW);
    if (!before.ok) throw new Error(JSON.stringify(before));
    expect(await saveDraft(tess, before.noteId, { content: { subjective: "Slept better this week", plan: "Review in two weeks" }, codes: "" }, NOW)).toMatchObject({ ok: true });

    // Rename a field (its id stays), drop one, add a pain score.
    const v1 = c.soap.version.definition;
    const edited: NoteTemplateDefinition = {
      ...v1,
      title: "SOAP note (clinic)",
      sections: v1.sections.map((s) =>
        s.id === "soap"
          ? {
              ...s,
              fields: [
                ...s.fields.filter((f) => f.id !== "objective").map((f) => (f.id === "subjective" ? { ...f, label: "What the client told us" } : f)),
                { id: "pain_today", label: "Pain today", kind: "number" as const, min: 0, max: 10 },
              ],
            }
          : s,
      ),
    };
    const published = await publishNoteTemplate(scopeFor(c.owner), c.soap.id, edited, NOW);
    expect(published).toMatchObject({ ok: true, version: 2 });

    // The earlier note still renders on version 1, with its values.
    const old = await getNote(tess, before.noteId);
    if (!("note" in old)) throw new Error(JSON.stringify(old));
    expect(old.definition.sections.flatMap((s) => s.fields.map((f) => f.label))).toContain("Objective");
    expect(old.note.content).toMatchObject({ subjective: "Slept better this week", plan: "Review in two weeks" });

    // A new note is written on version 2 and its number field is checked against it.
    const after = await startNote(tess, { clientId: client.id, templateId: c.soap.id }, NOW);
    if (!after.ok) throw new Error(JSON.stringify(after));
    const fresh = await getNote(tess, after.noteId);
    if (!("note" in fresh)) throw new Error(JSON.stringify(fresh));
    expect(fresh.templateTitle).toBe("SOAP note (clinic)");
    expect(fresh.definition.sections.flatMap((s) => s.fields.map((f) => f.id))).toEqual(expect.arrayContaining(["subjective", "pain_today"]));
    expect(fresh.definition.sections.flatMap((s) => s.fields.map((f) => f.id))).not.toContain("objective");
    expect(await saveDraft(tess, after.noteId, { content: { pain_today: "14" }, codes: "" }, NOW)).toMatchObject({ ok: false, code: "invalid", errors: { "content.pain_today": ["Pain today: between 0 and 10"] } });

    const [oldRow] = await db.select({ v: noteTemplateVersions.version }).from(sessionNotes).innerJoin(noteTemplateVersions, eq(noteTemplateVersions.id, sessionNotes.templateVersionId)).where(eq(sessionNotes.id, before.noteId));
    expect(oldRow!.v).toBe(1);
    const audit = await auditEventsFor(c.practice.id, "note_template.publish");
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain("Pain today");
  });

  it("refuses a broken definition by naming the field, and writes nothing", async () => {
    const c = await clinic();
    const v1 = c.soap.version.definition;
    const versionsBefore = await countRows(noteTemplateVersions);
    const broken: NoteTemplateDefinition = {
      ...v1,
      title: " ",
      sections: [
        { id: "a", title: "First", fields: [{ id: "x", label: "Score", kind: "number", min: 10, max: 1 }, { id: "y", label: "Pick", kind: "choice", options: [{ value: "one", label: "One" }] }] },
        { id: "b", title: "Second", fields: [{ id: "x", label: "Again", kind: "long_text" }] },
      ],
    };
    const result = await publishNoteTemplate(scopeFor(c.owner), c.soap.id, broken, NOW);
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      errors: {
        title: ["Name the template"],
        "sections.0.fields.0.max": ["The highest value must be at least the lowest"],
        "sections.0.fields.1.options": ["A choice needs at least two options"],
        "sections.1.fields.0.label": ["Two fields share an id"],
      },
    });
    expect(await countRows(noteTemplateVersions)).toBe(versionsBefore);
    // Publishing the same definition again is no new version.
    expect(await publishNoteTemplate(scopeFor(c.owner), c.soap.id, v1, NOW)).toMatchObject({ ok: false, code: "conflict", reason: "unchanged" });
  });

  it("keeps each practice's templates its own", async () => {
    const a = await clinic();
    const b = await clinic();
    expect(await getTemplateForEditing(b.practice.id, a.soap.id)).toBeNull();
    expect(await publishNoteTemplate(scopeFor(b.owner), a.soap.id, a.soap.version.definition, NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await createNoteTemplate(scopeFor(b.owner), { title: "Copy", copyFrom: a.soap.id }, NOW)).toMatchObject({ ok: false, code: "invalid", errors: { copyFrom: [expect.stringContaining("Start from")] } });
    expect(await setNoteTemplateArchived(scopeFor(b.owner), a.soap.id, true, NOW)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("creates a copy or a blank template, archives it off the start list, and never archives the last one", async () => {
    const c = await clinic();
    const owner = scopeFor(c.owner);
    const copy = await createNoteTemplate(owner, { title: "Pelvic PT recheck", copyFrom: c.soap.id }, NOW);
    if (!copy.ok) throw new Error(JSON.stringify(copy));
    const twin = await createNoteTemplate(owner, { title: "Pelvic PT recheck", copyFrom: "" }, NOW);
    if (!twin.ok) throw new Error(JSON.stringify(twin));
    const found = await getTemplateForEditing(c.practice.id, copy.templateId);
    expect(found!.versions[0]!.definition).toMatchObject({ title: "Pelvic PT recheck", sections: c.soap.version.definition.sections });
    expect((await getTemplateForEditing(c.practice.id, twin.templateId))!.template.slug).toBe("pelvic-pt-recheck-2");

    expect(await setNoteTemplateArchived(owner, copy.templateId, true, NOW)).toEqual({ ok: true });
    expect((await listNoteTemplates(c.practice.id)).map((t) => t.id)).not.toContain(copy.templateId);
    const client = await createClient(c.practice);
    expect(await startNote(scopeFor(c.clinician), { clientId: client.id, templateId: copy.templateId }, NOW)).toMatchObject({ ok: false, code: "invalid", errors: { templateId: [expect.any(String)] } });
    const listed = await listTemplatesForEditing(c.practice.id);
    expect(listed.at(-1)).toMatchObject({ id: copy.templateId, archived: true });

    // Archive all but one, then the last is refused.
    for (const t of await listNoteTemplates(c.practice.id)) await setNoteTemplateArchived(owner, t.id, true, NOW);
    const left = await listNoteTemplates(c.practice.id);
    expect(left).toHaveLength(1);
    expect(await setNoteTemplateArchived(owner, left[0]!.id, true, NOW)).toMatchObject({ ok: false, code: "conflict", reason: "last_template" });
    expect(await setNoteTemplateArchived(owner, copy.templateId, false, NOW)).toEqual({ ok: true });
    expect((await listNoteTemplates(c.practice.id)).map((t) => t.id)).toContain(copy.templateId);
  });
});
