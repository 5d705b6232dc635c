import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { auditEvents, clients, couples } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { confirmImport, previewImport } from "@/lib/clients/import/run-import";
import { readImportUpload } from "@/lib/clients/import/read-upload";
import { auditEventsFor, countRows, createClient, createPracticeWithOwner, uniqueId } from "./helpers/factories";

const NOW = new Date("2026-12-02T10:00:00Z");
const bytes = (s: string) => new TextEncoder().encode(s);

/** Preview, then confirm what the preview showed, as the page does. */
async function importCsv(scope: PracticeScope, csv: string) {
  const upload = { bytes: bytes(csv), mapping: null };
  const previewed = await previewImport(scope, upload);
  if (!previewed.ok) throw new Error(JSON.stringify(previewed.errors));
  const { preview } = previewed;
  const confirmed = await confirmImport(scope, { ...upload, mapping: preview.mapping, fingerprint: preview.fingerprint, expected: { good: preview.totals.good, couples: preview.totals.couples } }, NOW);
  return { preview, confirmed };
}

const clientsOf = (practiceId: string) => db.select().from(clients).where(eq(clients.practiceId, practiceId)).orderBy(clients.lastName, clients.firstName);

describe("the client import", () => {
  test("previewing writes nothing; confirming writes every good row, the couples and the audit trail", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const tag = uniqueId();
    const csv = [
      "First Name,Last Name,Email,Phone,Date of Birth,Partner,Notes",
      `Ada,Lovelace,ada.${tag}@x.test,555-010-2000,12/10/1985,Ben Okafor,Prefers evenings`,
      `Ben,Okafor,ben.${tag}@x.test,,,,`,
      `"=HYPERLINK(""http://evil.example"")",X,bad.${tag}@x.test,,,,`,
      `Cy,Ng,,,,,`,
    ].join("\r\n");
    const previewed = await previewImport(scope, { bytes: bytes(csv), mapping: null });
    expect(previewed.ok && previewed.preview.totals).toEqual({ rows: 4, good: 3, bad: 1, duplicates: 0, couples: 1, emptyRows: 0 });
    expect(await countRows(clients, eq(clients.practiceId, practice.id))).toBe(0);
    expect(await auditEventsFor(practice.id)).toEqual([]);

    const { confirmed } = await importCsv(scope, csv);
    expect(confirmed).toMatchObject({ ok: true, summary: { created: 3, couples: 1, bad: 1, duplicates: [] } });
    const rows = await clientsOf(practice.id);
    expect(rows.map((r) => [r.firstName, r.lastName, r.email, r.phone, r.dateOfBirth, r.notes, r.unverifiedSince, r.userId])).toEqual([
      ["Ada", "Lovelace", `ada.${tag}@x.test`, "555-010-2000", "1985-12-10", "Prefers evenings", null, null],
      ["Cy", "Ng", null, null, null, null, null, null],
      ["Ben", "Okafor", `ben.${tag}@x.test`, null, null, null, null, null],
    ]);
    const [couple] = await db.select().from(couples).where(eq(couples.practiceId, practice.id));
    expect([couple!.clientAId, couple!.clientBId].sort()).toEqual([rows[0]!.id, rows[2]!.id].sort());
    const trail = await auditEventsFor(practice.id);
    expect(trail.filter((e) => e.action === "client.create").map((e) => e.subjectId).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(trail.filter((e) => e.action === "couple.create")).toHaveLength(1);
    const [summary] = trail.filter((e) => e.action === "client.import");
    expect(summary).toMatchObject({ actorUserId: scope.user.id, detail: { rows: 4, created: 3, couples: 1, bad: 1, duplicates: 0 } });
    // Ids and counts only: no names, addresses or notes in the trail.
    expect(JSON.stringify(trail.map((e) => e.detail))).not.toMatch(/Lovelace|x\.test|evenings/);
  });

  test("duplicates by email are skipped and listed: within the file and against existing clients; a partner may be an existing client", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const tag = uniqueId();
    const existing = await createClient(practice, { email: `old.${tag}@x.test`, firstName: "Old" });
    const csv = [
      "Name,Email,Partner Email",
      `"Lovelace, Ada",ada.${tag}@x.test,OLD.${tag}@x.test`,
      `Ada Again,ADA.${tag}@x.test,`,
      `Old Twin,old.${tag}@x.test,`,
    ].join("\n");
    const { preview, confirmed } = await importCsv(scope, csv);
    expect(preview.duplicates).toEqual([
      { line: 3, email: `ada.${tag}@x.test`, sameAsLine: 2 },
      { line: 4, email: `old.${tag}@x.test`, sameAsLine: null },
    ]);
    expect(confirmed).toMatchObject({ ok: true, summary: { created: 1, couples: 1 } });
    const rows = await clientsOf(practice.id);
    expect(rows.map((r) => `${r.firstName} ${r.lastName}`).sort()).toEqual(["Ada Lovelace", `Old ${existing.lastName}`]);
    const [couple] = await db.select().from(couples).where(eq(couples.practiceId, practice.id));
    expect([couple!.clientAId, couple!.clientBId]).toContain(existing.id);

    // The same file again: everything is now a duplicate, nothing to import.
    const again = await importCsv(scope, csv);
    expect(again.preview.totals).toMatchObject({ good: 0, duplicates: 3 });
    expect(again.confirmed).toMatchObject({ ok: false, code: "conflict", reason: "nothing_to_import" });
  });

  test("a failure mid-way (the second batch) writes nothing at all", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const tag = uniqueId();
    const lines = ["First Name,Last Name,Email,Partner Email"];
    for (let i = 0; i < 1500; i++) lines.push(`P${i},Batch,p${i}.${tag}@x.test,${i % 2 === 0 ? `p${i + 1}.${tag}@x.test` : ""}`);
    // Row 1,400 is refused by the database itself, inside the second INSERT of 1,000 rows.
    const boom = `p1400.${tag}@x.test`;
    await db.execute(sql.raw(`create function import_test_boom() returns trigger language plpgsql as $$ begin if new.email = '${boom}' then raise exception 'refused for the test'; end if; return new; end $$`));
    await db.execute(sql.raw(`create trigger import_test_boom before insert on clients for each row execute function import_test_boom()`));
    try {
      await expect(importCsv(scope, lines.join("\n"))).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`drop trigger import_test_boom on clients; drop function import_test_boom()`));
    }
    expect(await countRows(clients, eq(clients.practiceId, practice.id))).toBe(0);
    expect(await countRows(couples, eq(couples.practiceId, practice.id))).toBe(0);
    expect(await countRows(auditEvents, eq(auditEvents.practiceId, practice.id))).toBe(0);
  });

  test("the confirm step refuses another file, or an outcome that changed since the preview", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const tag = uniqueId();
    const csv = `First Name,Last Name,Email\nAda,Lovelace,ada.${tag}@x.test\nBen,Okafor,ben.${tag}@x.test\n`;
    const previewed = await previewImport(scope, { bytes: bytes(csv), mapping: null });
    if (!previewed.ok) throw new Error("preview failed");
    const { preview } = previewed;
    const confirm = (file: string) =>
      confirmImport(scope, { bytes: bytes(file), mapping: preview.mapping, fingerprint: preview.fingerprint, expected: { good: preview.totals.good, couples: 0 } }, NOW);

    expect(await confirm(csv + "Cy,Ng,\n")).toMatchObject({ ok: false, code: "conflict", reason: "file_changed" });
    // Someone adds Ben by hand meanwhile: the import would now create one client, not two.
    await createClient(practice, { email: `ben.${tag}@x.test` });
    const changed = await confirm(csv);
    expect(changed).toMatchObject({ ok: false, code: "conflict", reason: "plan_changed", preview: { totals: { good: 1, duplicates: 1 } } });
    expect(await countRows(clients, eq(clients.practiceId, practice.id))).toBe(1);
  });

  test("bad files and mappings answer errors naming the field, never a throw", async () => {
    const { scope } = await createPracticeWithOwner();
    expect(await previewImport(scope, { bytes: bytes('a,b\n"x,1\n'), mapping: null })).toMatchObject({ ok: false, code: "invalid", errors: { file: [expect.stringContaining("never closed")] } });
    const csv = "First Name,Last Name\nAda,Lovelace\n";
    expect(await previewImport(scope, { bytes: bytes(csv), mapping: { firstName: 0, lastName: 7, dateFormat: "mdy" } })).toMatchObject({ ok: false, errors: { lastName: ["This file has no such column"] } });
    expect(await previewImport(scope, { bytes: bytes(csv), mapping: { firstName: null, lastName: null, dateFormat: "mdy" } })).toMatchObject({ ok: false, errors: { firstName: [expect.any(String)] } });

    const form = new FormData();
    expect(await readImportUpload(form)).toEqual({ ok: false, code: "invalid", errors: { file: ["Choose a CSV file to upload"] } });
    form.set("file", new File([new Uint8Array(6 * 1024 * 1024)], "big.csv"));
    expect(await readImportUpload(form)).toMatchObject({ ok: false, errors: { file: [expect.stringContaining("at most 5 MB")] } });
    form.set("file", new File([csv], "ok.csv"));
    form.set("mapping", "{not json");
    expect(await readImportUpload(form)).toMatchObject({ ok: false, errors: { form: [expect.any(String)] } });
  });
});
