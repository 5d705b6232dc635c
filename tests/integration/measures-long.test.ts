import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { couples, formTemplates } from "@/db/schema";
import { seedIntakeForms } from "@/db/seed/intake";
import { exportClientRecord } from "@/lib/export/client-export";
import { addStandardMeasure } from "@/lib/intake/add-measure";
import { assignForm } from "@/lib/intake/assign-forms";
import { openAssignment, submitResponse, type ClientRef } from "@/lib/intake/respond";
import { listClientAssignments, listMeasureScores } from "@/lib/intake/staff-forms";
import type { PracticeKind } from "@/db/schema";
import { auditEventsFor, countRows, createClient, createPracticeWithOwner, scopeFor, createMember, uniqueEmail } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";
import { jsonEntry, readAll, unzip } from "./helpers/unzip";

const FIRST = new Date("2031-03-01T12:00:00Z");
const SECOND = new Date("2031-04-12T12:00:00Z");

const ref = (c: { id: string; practiceId: string; userId: string | null }): ClientRef => ({ id: c.id, practiceId: c.practiceId, userId: c.userId });

async function practiceOf(kind: PracticeKind) {
  const { practice, scope } = await createPracticeWithOwner();
  const slugs = await seedIntakeForms(db, practice.id, kind);
  return { practice, scope, slugs };
}

/** Staff send the measure; the client opens it in the portal and submits. */
async function answer(scope: Parameters<typeof assignForm>[0], client: ClientRef, templateId: string, answers: Record<string, string>, now: Date) {
  const sent = await assignForm(scope, client.id, { templateId, notify: false }, now);
  if (!sent.ok) throw new Error(JSON.stringify(sent.errors));
  const open = await openAssignment(client, sent.assignmentId);
  const done = await submitResponse(client, sent.assignmentId, { versionId: open!.version.id, answers }, { ip: "203.0.113.9", now });
  expect(done).toMatchObject({ ok: true, status: "submitted" });
}

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `q${from + i}`);
const fill = (list: string[], v: number) => Object.fromEntries(list.map((id) => [id, String(v)]));

describe("PFDI-20 over time", () => {
  it("a client answers twice; the record lists both, oldest first, with each scale, and the export carries both", async () => {
    const { practice, scope, slugs } = await practiceOf("pelvic_pt");
    const client = await createClient(practice, { firstName: "Mei", email: uniqueEmail("mei") });
    const pfdi = slugs.get("pfdi-20")!;
    // First visit: prolapse items at "quite a bit", bowel "somewhat", bladder "moderately" → 100 + 50 + 75.
    await answer(scope, ref(client), pfdi, { ...fill(ids(1, 6), 4), ...fill(ids(7, 14), 2), ...fill(ids(15, 20), 3) }, FIRST);
    // Six weeks on: everything "bothers me not at all" → 25 each.
    await answer(scope, ref(client), pfdi, fill(ids(1, 20), 1), SECOND);

    const scores = await listMeasureScores(scope, client.id);
    expect(scores.map((s) => [s.measure, s.total, s.submittedAt])).toEqual([
      ["pfdi20", 225, FIRST],
      ["pfdi20", 75, SECOND],
    ]);
    expect(scores.map((s) => s.subscales.map((x) => [x.key, x.score]))).toEqual([
      [
        ["udi6", 75],
        ["cradi8", 50],
        ["popdi6", 100],
      ],
      [
        ["udi6", 25],
        ["cradi8", 25],
        ["popdi6", 25],
      ],
    ]);
    const rows = await listClientAssignments(scope, client.id);
    expect(rows.map((r) => r.scores?.total)).toEqual([75, 225]);

    const exported = await exportClientRecord(scope, client.id, SECOND);
    if (!exported.ok) throw new Error(exported.message);
    const entries = await unzip(await readAll(exported.stream));
    const answers = jsonEntry<{ form: string; submittedAt: string; score: { total: number; max: number; scales: { scale: string; score: number }[] } }[]>(entries, "answers.json");
    const pfdiAnswers = answers.filter((a) => a.form === "Pelvic Floor Distress Inventory (PFDI-20)").sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
    expect(pfdiAnswers.map((a) => [a.score.total, a.score.max])).toEqual([
      [225, 300],
      [75, 300],
    ]);
    expect(pfdiAnswers[0]!.score.scales).toEqual([
      { scale: "UDI-6 (urinary)", score: 75, max: 100 },
      { scale: "CRADI-8 (colorectal-anal)", score: 50, max: 100 },
      { scale: "POPDI-6 (prolapse)", score: 100, max: 100 },
    ]);
    const pdf = pdfText(new Uint8Array(entries.get("record.pdf")!));
    expect(pdf).toContain("225 of 300");
    expect(pdf).toContain("75 of 300");
    expect(pdf).toContain("UDI-6 (urinary) 75 of 100; CRADI-8 (colorectal-anal) 50 of 100; POPDI-6 (prolapse) 100 of 100");
  });

  it("PFIQ-7 is scored on submit with its three scales; front desk sees no score", async () => {
    const { practice, scope, slugs } = await practiceOf("pelvic_pt");
    const client = await createClient(practice, { firstName: "Aisha", email: uniqueEmail("aisha") });
    const area = (prefix: string, v: number) => Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`${prefix}${i + 1}`, String(v)]));
    await answer(scope, ref(client), slugs.get("pfiq-7")!, { ...area("uiq", 3), ...area("craiq", 0), ...area("popiq", 1) }, FIRST);
    const [row] = await listClientAssignments(scope, client.id);
    expect(row!.scores).toMatchObject({ measure: "pfiq7", total: 133.33, max: 300 });
    expect(row!.scores!.subscales!.map((s) => s.score)).toEqual([100, 0, 33.33]);
    const frontDesk = scopeFor(await createMember(practice, { role: "front_desk" }));
    expect((await listClientAssignments(frontDesk, client.id))[0]!.scores).toBeNull();
    expect(await listMeasureScores(frontDesk, client.id)).toEqual([]);
  });
});

describe("CSI-16 and CSI-32 in a couple", () => {
  it("both partners' CSI-16 share the record's chart; the partner's individual measures stay on their own record", async () => {
    const { practice, scope, slugs } = await practiceOf("couples_therapy");
    const a = await createClient(practice, { firstName: "Ana", email: uniqueEmail("ana") });
    const b = await createClient(practice, { firstName: "Ben", email: uniqueEmail("ben") });
    const [x, y] = [a.id, b.id].sort() as [string, string];
    await db.insert(couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });
    const all = (n: number, v: number) => fill(ids(1, n), v);
    // Item 1 scores up to 6, every other item up to 5 (option values are the keyed scores).
    await answer(scope, ref(a), slugs.get("csi-16")!, { ...all(16, 3), q1: "3" }, FIRST);
    await answer(scope, ref(b), slugs.get("csi-16")!, { ...all(16, 5), q1: "6" }, FIRST);
    await answer(scope, ref(b), slugs.get("csi-32")!, { ...all(32, 0) }, SECOND);
    await answer(scope, ref(b), slugs.get("phq-9")!, all(9, 1), SECOND);

    const forA = await listMeasureScores(scope, a.id);
    expect(forA.map((s) => [s.clientName, s.measure, s.total])).toEqual(
      expect.arrayContaining([
        ["Ana", "csi16", 48],
        ["Ben", "csi16", 81],
        ["Ben", "csi32", 0],
      ]),
    );
    expect(forA.filter((s) => s.clientId === b.id).map((s) => s.measure)).toEqual(["csi16", "csi32"]);
    const [mine] = await listClientAssignments(scope, a.id);
    expect(mine!.scores).toMatchObject({ total: 48, dissatisfied: true, bandLabel: "Notable dissatisfaction" });
    const forB = await listClientAssignments(scope, b.id);
    expect(forB.find((r) => r.measure === "csi32")!.scores).toMatchObject({ total: 0, max: 161, dissatisfied: true });
  });
});

describe("adding a standard measure to a practice that did not start with it", () => {
  it("a coaching practice adds the CSI-16 with its published wording, then a client answers it; twice or unknown is refused", async () => {
    const { practice, scope, slugs } = await practiceOf("coaching");
    expect(slugs.has("csi-16")).toBe(false);
    const added = await addStandardMeasure(scope, { measure: "csi16" });
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    expect(await auditEventsFor(practice.id, "form_template.create")).toHaveLength(1);
    const client = await createClient(practice, { firstName: "Tom", email: uniqueEmail("tom") });
    await answer(scope, ref(client), added.templateId, { ...fill(ids(1, 16), 5), q1: "6" }, FIRST);
    expect((await listClientAssignments(scope, client.id))[0]!.scores).toMatchObject({ measure: "csi16", total: 81, dissatisfied: false });

    const before = await countRows(formTemplates);
    expect(await addStandardMeasure(scope, { measure: "csi16" })).toEqual({ ok: false, errors: { measure: ["Your practice already has this measure"] } });
    expect(await addStandardMeasure(scope, { measure: "csi4" })).toEqual({ ok: false, errors: { measure: ["Your practice already has this measure"] } });
    expect(await addStandardMeasure(scope, { measure: "pfdi21" })).toMatchObject({ ok: false, errors: { measure: ["Choose a measure"] } });
    expect(await addStandardMeasure(scope, {})).toMatchObject({ ok: false, errors: { measure: ["Choose a measure"] } });
    expect(await countRows(formTemplates)).toBe(before);
  });
});

describe("the database's list of measures", () => {
  it("takes the new measures and refuses a kind it does not know", async () => {
    const { practice } = await createPracticeWithOwner();
    const row = (measure: string) => ({ practiceId: practice.id, slug: `m-${measure}-${Math.random().toString(36).slice(2, 8)}`, kind: "measure" as const, measure, title: measure });
    await expect(db.insert(formTemplates).values(["pfdi20", "pfiq7", "csi16", "csi32"].map(row))).resolves.toBeDefined();
    await expect(db.insert(formTemplates).values(row("pfdi21"))).rejects.toThrow();
  });
});
