import { describe, expect, test } from "vitest";
import { IMPORT_LIMITS } from "@/lib/clients/import/limits";
import { guessDateFormat, guessMapping, importMappingSchema, toIsoDate, type ImportMapping } from "@/lib/clients/import/mapping";
import { detectDelimiter, parseCsv } from "@/lib/clients/import/parse-csv";
import { planImport, splitFullName } from "@/lib/clients/import/plan-import";
import { isFormulaCell } from "@/lib/clients/import/formula-cells";

const bytes = (s: string) => new TextEncoder().encode(s);

function parsed(s: string) {
  const r = parseCsv(bytes(s));
  if (!r.ok) throw new Error(r.message);
  return r;
}

function plan(csv: string, existing: { id: string; email: string | null; inCouple: boolean }[] = [], mapping?: Partial<ImportMapping>) {
  const p = parsed(csv);
  const m = { ...guessMapping(p.headers, p.rows.map((r) => r.cells), "US"), ...mapping };
  return planImport(p.rows, p.headers, m, existing);
}

describe("parsing a CSV", () => {
  test("quoted fields keep their delimiters, doubled quotes and line breaks", () => {
    const p = parsed('First Name,Last Name,Notes\n"Ada, Countess",Lovelace,"She said ""hi""\nand left"\nBen,Okafor,x\n');
    expect(p.rows).toEqual([
      { line: 2, cells: ["Ada, Countess", "Lovelace", 'She said "hi"\nand left'] },
      { line: 4, cells: ["Ben", "Okafor", "x"] },
    ]);
  });

  test("a byte order mark and CRLF line ends are read as a spreadsheet wrote them", () => {
    const p = parsed("\uFEFFFirst Name,Last Name\r\nAda,Lovelace\r\nBen,Okafor\r\n");
    expect(p.headers).toEqual(["First Name", "Last Name"]);
    expect(p.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [2, "Ada", "Lovelace"],
      [3, "Ben", "Okafor"],
    ]);
    expect(p.encoding).toBe("utf-8");
  });

  test("semicolons (a comma-decimal locale) and tabs are detected; a quoted ; or , does not mislead", () => {
    expect(parsed('First Name;Last Name;Email\n"Ada; x";Lovelace;a@x.test\n').rows[0]!.cells).toEqual(["Ada; x", "Lovelace", "a@x.test"]);
    expect(parsed("First Name\tLast Name\nAda\tLovelace\n").delimiter).toBe("\t");
    expect(detectDelimiter('"a,b";c;d\n1;2;3\n')).toBe(";");
    expect(parseCsv(bytes("a;b\n1;2\n"), { delimiter: "," })).toMatchObject({ ok: true, headers: ["a;b"] });
  });

  test("empty lines and rows of empty cells are ignored and counted; line numbers stay the file's", () => {
    const p = parsed("First Name,Last Name\n\nAda,Lovelace\n,\n\r\nBen,Okafor\n\n");
    expect(p.rows.map((r) => r.line)).toEqual([3, 6]);
    expect(p.emptyRows).toBe(1);
  });

  test("UTF-16 (Excel's Unicode text) and Windows-1252 are decoded, and the preview says which", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("First Name,Last Name\nZoë,Ng\n", "utf16le")]);
    expect(parseCsv(utf16)).toMatchObject({ ok: true, encoding: "utf-16le", rows: [{ cells: ["Zoë", "Ng"] }] });
    const latin = new Uint8Array([...bytes("First Name,Last Name\n"), 0x5a, 0x6f, 0xeb, 0x2c, 0x4e, 0x67, 0x0a]);
    expect(parseCsv(latin)).toMatchObject({ ok: true, encoding: "windows-1252", rows: [{ cells: ["Zoë", "Ng"] }] });
  });

  test("refuses, with a sentence, what is not a CSV to import", () => {
    expect(parseCsv(bytes(""))).toEqual({ ok: false, message: "The file is empty." });
    expect(parseCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toMatchObject({ ok: false, message: expect.stringContaining("binary") });
    expect(parseCsv(bytes('First Name,Last Name\n"Ada,Lovelace\nBen,Okafor\n'))).toMatchObject({ ok: false, message: expect.stringContaining("never closed") });
    expect(parseCsv(bytes("First Name,Last Name\n"))).toMatchObject({ ok: false, message: expect.stringContaining("no rows") });
    expect(parseCsv(bytes("\n\n,,\n"))).toMatchObject({ ok: false, message: expect.stringContaining("no header") });
    const huge = new Uint8Array(IMPORT_LIMITS.maxFileBytes + 1).fill(0x61);
    expect(parseCsv(huge)).toMatchObject({ ok: false, message: expect.stringContaining("at most 5 MB") });
  });

  test("50,000 rows are refused at once, not half-read", () => {
    const csv = "First Name,Last Name,Email\n" + Array.from({ length: 50_000 }, (_, i) => `A${i},B,a${i}@x.test`).join("\n");
    expect(csv.length).toBeLessThan(IMPORT_LIMITS.maxFileBytes);
    expect(parseCsv(bytes(csv))).toEqual({ ok: false, message: "The file has more than 20,000 rows; split it into files of at most 20,000 rows." });
    // Exactly the limit is fine.
    const atLimit = "First Name,Last Name\n" + Array.from({ length: IMPORT_LIMITS.maxRows }, (_, i) => `A${i},B`).join("\n");
    expect(parseCsv(bytes(atLimit))).toMatchObject({ ok: true });
  });
});

describe("mapping columns", () => {
  test("guesses SimplePractice's and Jane's header names", () => {
    const sp = ["First Name", "Last Name", "Preferred Name", "Email", "Mobile Phone", "Date of Birth", "Partner Email", "Notes"];
    expect(guessMapping(sp, [], "US")).toEqual({
      firstName: 0, lastName: 1, fullName: null, preferredName: 2, email: 3, phone: 4, dateOfBirth: 5, partner: 6, notes: 7, pronouns: null, dateFormat: "mdy",
    });
    const jane = ["Patient Name", "E-mail", "Cell Phone", "Birth Date", "Pronouns"];
    expect(guessMapping(jane, [["Ng, Zoë", "z@x.test", "", "31/03/1985", "she/her"]], "CA")).toMatchObject({
      firstName: null, lastName: null, fullName: 0, email: 1, phone: 2, dateOfBirth: 3, pronouns: 4, dateFormat: "dmy",
    });
  });

  test("dates: the cells decide the order when they can, else the country's habit", () => {
    expect(guessDateFormat(["03/31/1985"], "GB")).toBe("mdy");
    expect(guessDateFormat(["31/03/1985"], "US")).toBe("dmy");
    expect(guessDateFormat(["01/02/1985"], "US")).toBe("mdy");
    expect(guessDateFormat(["01/02/1985"], "GB")).toBe("dmy");
    expect(guessDateFormat(["1985-03-31"], "US")).toBe("ymd");
    expect(toIsoDate("3/31/1985", "mdy")).toBe("1985-03-31");
    expect(toIsoDate("31.03.1985", "dmy")).toBe("1985-03-31");
    expect(toIsoDate("02/30/1985", "mdy")).toBeNull();
    expect(toIsoDate("1985-3-1", "dmy")).toBe("1985-03-01");
  });

  test("the mapping needs names and uses each column once", () => {
    const base = { firstName: "0", lastName: "1", fullName: "", preferredName: "", pronouns: "", email: "2", phone: "", dateOfBirth: "", partner: "", notes: "", dateFormat: "mdy" };
    expect(importMappingSchema.safeParse(base).success).toBe(true);
    expect(importMappingSchema.safeParse({ ...base, firstName: "" }).error?.issues[0]).toMatchObject({ path: ["firstName"] });
    expect(importMappingSchema.safeParse({ ...base, phone: "2" }).error?.issues[0]).toMatchObject({ path: ["phone"], message: "This column is already used for email" });
  });

  test("full names split as people write them", () => {
    expect(splitFullName("Ng, Zoë", "", "")).toEqual(["Zoë", "Ng"]);
    expect(splitFullName("Mary Ann  Smith", "", "")).toEqual(["Mary Ann", "Smith"]);
    expect(splitFullName("Cher", "", "")).toEqual(["Cher", ""]);
  });
});

describe("planning the rows", () => {
  test("bad rows carry their line and every reason; good rows are stored as the client form would", () => {
    const p = plan(
      [
        "First Name,Last Name,Email,Phone,Date of Birth",
        "Ada,Lovelace,ADA@X.test,+1 (555) 010-2000,12/10/1985",
        ",Okafor,not-an-email,12,13/45/1985",
        "Cy,Ng,,,",
      ].join("\n"),
    );
    expect(p.good.map((g) => [g.line, g.email, g.phone, g.dateOfBirth])).toEqual([
      [2, "ada@x.test", "+1 (555) 010-2000", "1985-12-10"],
      [4, null, null, null],
    ]);
    expect(p.bad).toEqual([
      {
        line: 3,
        reasons: ['Date of birth "13/45/1985" is not a date in the chosen format', "First name is required", "Email: Enter a valid email address", "Phone: Enter a phone number with at least 7 digits"],
      },
    ]);
  });

  test("formula cells are refused with the field named; a phone's leading + is not a formula", () => {
    const p = plan(
      [
        "First Name,Last Name,Email,Phone,Notes",
        '"=HYPERLINK(""http://evil.example"",""x"")",Lovelace,a@x.test,,',
        "Ben,@SUM(A1),b@x.test,,",
        "Cy,Ng,c@x.test,+15550102000,-2+3",
        "Di,Ok,d@x.test,+1 555 010 2000,fine",
      ].join("\n"),
    );
    expect(p.bad).toEqual([
      { line: 2, reasons: ['First name starts with "=", which spreadsheets run as a formula; remove that character'] },
      { line: 3, reasons: ['Last name starts with "@", which spreadsheets run as a formula; remove that character'] },
      { line: 4, reasons: ['Notes starts with "-", which spreadsheets run as a formula; remove that character'] },
    ]);
    expect(p.good.map((g) => g.phone)).toEqual(["+1 555 010 2000"]);
    expect(isFormulaCell("  =1+1", "notes")).toBe(true);
    expect(isFormulaCell("+1 555 0102", "phone")).toBe(false);
    expect(isFormulaCell("+cmd|' /C calc'!A0", "phone")).toBe(true);
  });

  test("a 2 MB cell makes its row bad, not the file, and is not echoed", () => {
    const big = "x".repeat(2 * 1024 * 1024);
    const p = plan(`First Name,Last Name,Notes\nAda,Lovelace,${big}\nBen,Okafor,short\n`);
    expect(p.bad).toEqual([{ line: 2, reasons: ["Notes is 2,097,152 characters long; at most 5,000"] }]);
    expect(p.good.map((g) => g.firstName)).toEqual(["Ben"]);
  });

  test("a row with more cells than the header is bad (an unquoted delimiter)", () => {
    const p = plan("First Name,Last Name\nAda,Lovelace,extra\nBen,Okafor,\n");
    expect(p.bad).toEqual([{ line: 2, reasons: ["The row has 3 cells but the header names 2 columns (a delimiter inside an unquoted cell?)"] }]);
    expect(p.good).toHaveLength(1);
  });

  test("duplicates by email, within the file and against existing clients, are skipped and listed", () => {
    const p = plan("First Name,Last Name,Email\nAda,Lovelace,a@x.test\nAda,Again,A@X.TEST\nBen,Okafor,b@x.test\nNo,Email,\nNo,Email,\n", [
      { id: "00000000-0000-4000-8000-000000000001", email: "b@x.test", inCouple: false },
    ]);
    expect(p.duplicates).toEqual([
      { line: 3, email: "a@x.test", sameAsLine: 2 },
      { line: 4, email: "b@x.test", sameAsLine: null },
    ]);
    expect(p.good.map((g) => g.line)).toEqual([2, 5, 6]);
  });

  test("couples link from a partner column by email or by name; a mutual pair is one couple", () => {
    const existing = [
      { id: "00000000-0000-4000-8000-00000000000a", email: "old@x.test", inCouple: false },
      { id: "00000000-0000-4000-8000-00000000000b", email: "taken@x.test", inCouple: true },
    ];
    const p = plan(
      [
        "First Name,Last Name,Email,Partner",
        "Ada,Lovelace,a@x.test,b@x.test", // 2 ↔ 3 by email, both ways
        "Ben,Okafor,b@x.test,A@x.test",
        "Cy,Ng,c@x.test,Di Ok", // 4 → 5 by name
        "Di,Ok,d@x.test,",
        "Ed,Po,e@x.test,old@x.test", // 6 → an existing client
        "Fi,Qu,f@x.test,taken@x.test", // existing, already in a couple
        "Gu,Ro,g@x.test,Ada Lovelace", // Ada is taken by Ben
        "Hu,Su,h@x.test,Nobody Here",
        "Io,Tu,i@x.test,i@x.test",
      ].join("\n"),
      existing,
    );
    expect(p.couples).toEqual([
      [{ row: 0 }, { row: 1 }],
      [{ row: 2 }, { row: 3 }],
      [{ row: 4 }, { clientId: existing[0]!.id }],
    ]);
    expect(p.partnerNotes).toEqual([
      { line: 7, reason: "The partner is already in a couple; not linked" },
      { line: 8, reason: "The partner (line 2) is already linked to someone else; not linked" },
      { line: 9, reason: "No row has the partner's name; not linked" },
      { line: 10, reason: "The partner column names this same client; not linked" },
    ]);
    expect(p.bad).toEqual([]);
  });
});
