import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { dataExports, storedObjects } from "@/db/schema";
import { CLIENT_EXPORT_TABLES, exportClientRecord } from "@/lib/export/client-export";
import { EXPORT_VALID_HOURS, exportsDir, listPracticeExports, openPracticeExportDownload, requestPracticeExport, runPendingExports, storedFilesDir } from "@/lib/export/practice-export";
import { csvCell } from "@/lib/export/table-files";
import { EXPORT_TABLES } from "@/lib/export/tables";
import { storage } from "@/lib/storage";
import { createExportFixture, MARKS } from "./helpers/export-fixture";
import { auditEventsFor, createClient } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";
import { jsonEntry, readAll, unzip } from "./helpers/unzip";

const NOW = new Date("2026-11-20T15:00:00Z");

async function clientZip(fixture: Awaited<ReturnType<typeof createExportFixture>>, clientId: string) {
  const result = await exportClientRecord(fixture.scope, clientId, NOW);
  if (!result.ok) throw new Error(result.message);
  return { fileName: result.fileName, entries: await unzip(await readAll(result.stream)) };
}

describe("one client's record", () => {
  test("a ZIP of a readable PDF, the superbill, each answer with its form version, and JSON for every table with the client's data", async () => {
    const f = await createExportFixture(NOW);
    const { fileName, entries } = await clientZip(f, f.ana.id);
    expect(fileName).toBe("client-record-lopez-ana-2026-11-20.zip");
    for (const t of CLIENT_EXPORT_TABLES) expect(entries.has(`tables/${t.name}.json`), t.name).toBe(true);
    expect([...entries.keys()].filter((k) => !k.startsWith("tables/")).sort()).toEqual(["README.txt", "answers.json", "manifest.json", "record.pdf", "superbill.pdf"]);

    const clients = jsonEntry(entries, "tables/clients.json");
    expect(clients).toEqual([expect.objectContaining({ id: f.ana.id, first_name: "Ana", date_of_birth: "1990-04-02" })]);
    const responses = jsonEntry(entries, "tables/form_responses.json");
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ client_id: f.ana.id, version_id: f.versionId, answers: { hopes: MARKS.ownAnswer, together: true } });
    // The version answered is there, with its definition; not the version nobody answered.
    const versions = jsonEntry(entries, "tables/form_versions.json");
    expect(versions).toEqual([expect.objectContaining({ id: f.versionId, version: 2, definition: expect.objectContaining({ title: "Couples intake" }) })]);
    const answers = jsonEntry<{ form: string; version: number; answers: { question: string; answer: unknown; shown: string }[] }[]>(entries, "answers.json");
    expect(answers).toEqual([
      expect.objectContaining({
        form: "Couples intake",
        version: 2,
        answers: [
          { section: "About you", questionId: "hopes", question: "What do you hope changes?", answer: MARKS.ownAnswer, shown: MARKS.ownAnswer },
          { section: "About you", questionId: "together", question: "Do you live together?", answer: true, shown: "Yes" },
        ],
      }),
    ]);
    expect(jsonEntry(entries, "tables/appointments.json")).toHaveLength(1);
    expect(jsonEntry(entries, "tables/payments.json")).toEqual([expect.objectContaining({ client_id: f.ana.id, amount_cents: 9000 })]);
    expect(jsonEntry(entries, "tables/homework_assignments.json")).toEqual([expect.objectContaining({ couple_id: f.coupleId, personal_note: MARKS.personalNote })]);
    // The exercise, without the clinicians' notes about it.
    expect(jsonEntry(entries, "tables/exercises.json")[0]).not.toHaveProperty("clinician_notes");
    expect(jsonEntry(entries, "tables/members.json")).toEqual([{ id: f.clinician.member.id, practice_id: f.practice.id, role: "clinician", display_name: "Dr Rivera", credentials: null, created_at: expect.any(String) }]);
    const manifest = jsonEntry<{ format: string; clientId: string; tables: Record<string, number> }>(entries, "manifest.json");
    expect(manifest).toMatchObject({ format: "tandem-client-export/1", clientId: f.ana.id });
    expect(manifest.tables).toMatchObject({ clients: 1, form_responses: 1, homework_check_ins: 1, payments: 1, couples: 1 });

    const pdf = pdfText(entries.get("record.pdf")!);
    for (const line of ["Client record: Ana Lopez", "Date of birth: 2 April 1990", "Couples intake (version 2)", MARKS.ownAnswer, "Couples session (couple) with Dr Rivera", MARKS.ownReflection, "Couples session (Ana's half)", "In a couple with: Bo Lopez"]) {
      expect(pdf).toContain(line);
    }
    expect(pdfText(entries.get("superbill.pdf")!)).toContain("SUPERBILL");
    expect(await auditEventsFor(f.practice.id, "client.export")).toEqual([expect.objectContaining({ subjectId: f.ana.id, actorUserId: f.owner.user.id })]);
  });

  test("for a client in a couple: the partner's answers, reflections (private or shared) and payments are in no file", async () => {
    const f = await createExportFixture(NOW);
    const { entries } = await clientZip(f, f.ana.id);
    const everything = [...entries.entries()].map(([name, buf]) => (name.endsWith(".pdf") ? pdfText(buf) : buf.toString("utf8"))).join("\n");
    expect(everything).toContain(MARKS.ownAnswer);
    expect(everything).toContain(MARKS.ownReflection);
    for (const secret of [MARKS.partnerAnswer, MARKS.partnerPrivate, MARKS.partnerShared, "Bo's half", f.bo.email!]) expect(everything).not.toContain(secret);
    expect(jsonEntry(entries, "tables/homework_check_ins.json").map((c) => c.client_id)).toEqual([f.ana.id]);
    expect(jsonEntry(entries, "tables/appointment_attendees.json").map((c) => c.client_id)).toEqual([f.ana.id]);
    // Bo's own export has Bo's, and none of Ana's.
    const bo = await clientZip(f, f.bo.id);
    const boText = [...bo.entries.values()].map((b) => b.toString("utf8")).join("\n");
    expect(boText).toContain(MARKS.partnerPrivate);
    expect(boText).not.toContain(MARKS.ownAnswer);
    expect(boText).not.toContain(MARKS.ownReflection);
  });

  test("another practice's client, or an id that is no uuid, is not found and nothing is audited", async () => {
    const f = await createExportFixture(NOW);
    expect(await exportClientRecord(f.scope, f.stranger.id, NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await exportClientRecord(f.scope, "not-a-uuid", NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await auditEventsFor(f.practice.id, "client.export")).toEqual([]);
  });
});

describe("the whole practice", () => {
  test("a background job writes CSV and JSON for every table and the stored files; the page's row shows progress; the link expires", async () => {
    const f = await createExportFixture(NOW);
    await createClient(f.practice, { firstName: "=HYPERLINK(\"http://x\")", lastName: "-Formula" });
    mkdirSync(path.join(storedFilesDir(f.practice.id), "letters"), { recursive: true });
    writeFileSync(path.join(storedFilesDir(f.practice.id), "letters", "welcome.txt"), "Welcome letter");
    // Through the storage module (disk driver here), and a row of the former PostgreSQL backend.
    await storage.put(f.practice.id, "messages/att-1.pdf", Buffer.from("%PDF-1.7 attachment"), "application/pdf");
    await db.insert(storedObjects).values({ practiceId: f.practice.id, key: "brand/logo-1", contentType: "image/png", byteSize: 8, bytes: Buffer.from("png logo") });

    const asked = await requestPracticeExport(f.scope);
    expect(asked).toMatchObject({ ok: true, alreadyRunning: false });
    expect(await requestPracticeExport(f.scope)).toEqual({ ok: true, exportId: asked.exportId, alreadyRunning: true });
    expect((await listPracticeExports(f.scope, NOW))[0]).toMatchObject({ status: "queued", tablesDone: 0, tablesTotal: EXPORT_TABLES.length, downloadToken: null });

    const run = await runPendingExports(NOW);
    expect(run.done).toBeGreaterThanOrEqual(1);
    expect(run.failed).toBe(0);
    const [row] = await db.select().from(dataExports).where(eq(dataExports.id, asked.exportId));
    expect(row).toMatchObject({ status: "done", tablesDone: EXPORT_TABLES.length, tablesTotal: EXPORT_TABLES.length });
    expect(row!.bytes).toBeGreaterThan(1000);
    expect(row!.expiresAt!.getTime() - row!.finishedAt!.getTime()).toBe(EXPORT_VALID_HOURS * 3_600_000);

    const [listed] = await listPracticeExports(f.scope, NOW);
    expect(listed!.downloadToken).toBeTruthy();
    const download = await openPracticeExportDownload(f.scope, listed!.downloadToken!, NOW);
    if (!download.ok) throw new Error(download.message);
    expect(download.size).toBe(row!.bytes);
    const entries = await unzip(await readAll(download.stream));
    for (const t of EXPORT_TABLES) {
      expect(entries.has(`tables/${t.name}.csv`), t.name).toBe(true);
      expect(entries.has(`tables/${t.name}.json`), t.name).toBe(true);
    }
    expect(entries.get("files/letters/welcome.txt")?.toString()).toBe("Welcome letter");
    expect(entries.get("files/messages/att-1.pdf")?.toString()).toBe("%PDF-1.7 attachment");
    expect(entries.get("files/brand/logo-1")?.toString()).toBe("png logo");

    const clientsJson = jsonEntry(entries, "tables/clients.json");
    expect(clientsJson.map((c) => c.first_name).sort()).toEqual(["=HYPERLINK(\"http://x\")", "Ana", "Bo"]);
    const csv = entries.get("tables/clients.csv")!.toString("utf8");
    expect(csv.split("\n")[0]).toBe("id,practice_id,user_id,first_name,last_name,preferred_name,pronouns,email,phone,date_of_birth,status,created_at,updated_at,unverified_since,notes,address_line1,address_line2,city,region,postal_code,country,self_pay");
    // A formula is neutralised in the CSV (the JSON keeps it exactly).
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",'-Formula`);
    expect(csv).not.toContain("Stranger");
    const everything = [...entries.values()].map((b) => b.toString("utf8")).join("\n");
    expect(everything).not.toContain(f.stranger.id);
    // Both partners' data is the practice's.
    expect(everything).toContain(MARKS.partnerPrivate);
    const responses = jsonEntry(entries, "tables/form_responses.json");
    expect(responses).toHaveLength(2);
    // Email bodies (sign-in links) are left out.
    expect(entries.get("tables/email_messages.csv")!.toString().split("\n")[0]).not.toMatch(/html|text/);
    const manifest = jsonEntry<{ tables: Record<string, number>; files: string[] }>(entries, "manifest.json");
    expect(manifest.tables).toMatchObject({ clients: 3, couples: 1, homework_check_ins: 3, payments: 2, practices: 1 });
    expect(manifest.files).toEqual(["brand/logo-1", "letters/welcome.txt", "messages/att-1.pdf"]);
    expect(await auditEventsFor(f.practice.id, "practice.export_request")).toHaveLength(1);
    expect(await auditEventsFor(f.practice.id, "practice.export_download")).toEqual([expect.objectContaining({ actorUserId: f.owner.user.id })]);

    // After the link's time: refused; the next run deletes the file, and the page offers no link.
    const later = new Date(row!.expiresAt!.getTime() + 1000);
    expect(await openPracticeExportDownload(f.scope, listed!.downloadToken!, later)).toMatchObject({ ok: false, code: "expired" });
    expect((await runPendingExports(later)).removed).toBeGreaterThanOrEqual(1);
    expect(existsSync(path.join(exportsDir(f.practice.id), `${asked.exportId}.zip`))).toBe(false);
    expect((await listPracticeExports(f.scope, later))[0]!.downloadToken).toBeNull();
  });

  test("two requests at once make one export", async () => {
    const f = await createExportFixture(NOW);
    const [a, b] = await Promise.all([requestPracticeExport(f.scope), requestPracticeExport(f.scope)]);
    expect(a.exportId).toBe(b.exportId);
    expect([a.alreadyRunning, b.alreadyRunning].sort()).toEqual([false, true]);
    expect(await auditEventsFor(f.practice.id, "practice.export_request")).toHaveLength(1);
  });

  test("a link is for its own practice only, and a tampered one is not found", async () => {
    const f = await createExportFixture(NOW);
    const asked = await requestPracticeExport(f.scope);
    await runPendingExports(NOW);
    const [listed] = await listPracticeExports(f.scope, NOW);
    expect(listed!.id).toBe(asked.exportId);
    expect(await openPracticeExportDownload(f.other.scope, listed!.downloadToken!, NOW)).toMatchObject({ ok: false, code: "not_found" });
    expect(await openPracticeExportDownload(f.scope, listed!.downloadToken!.slice(0, -2) + "xx", NOW)).toMatchObject({ ok: false, code: "not_found" });
  });
});

test("CSV cells: formulas neutralised, numbers and JSON as they are", () => {
  expect(csvCell("=1+1")).toBe("'=1+1");
  expect(csvCell("+44 20")).toBe("'+44 20");
  expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
  expect(csvCell("-12.5")).toBe("-12.5");
  expect(csvCell("-x")).toBe("'-x");
  expect(csvCell(-3)).toBe("-3");
  expect(csvCell(null)).toBe("");
  expect(csvCell({ a: 1 })).toBe('{"a":1}');
  expect(csvCell(["x"])).toBe('["x"]');
  expect(csvCell(true)).toBe("true");
});
