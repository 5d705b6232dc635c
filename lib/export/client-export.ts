import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clients } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { buildSuperbill, superbillPdf } from "@/lib/billing/superbill";
import { localDate, todayIn } from "@/lib/dates";
import { notFound, type NotFound } from "@/lib/errors/domain-error";
import { isUuid } from "@/lib/ids";
import { logError } from "@/lib/db/pg-error";
import { clientRecordPdf, loadClientRecord, readableAnswers } from "./client-record-pdf";
import { exportColumns, jsonFile, rowsQuery, type Counter } from "./table-files";
import { EXPORT_TABLES } from "./tables";
import { inSnapshot } from "./snapshot";
import { streamZip, type ZipEntry } from "./zip";
import { signedCopiesOf } from "@/lib/documents/export-copies";

export const CLIENT_EXPORT_FORMAT = "tandem-client-export/1";

/** The tables a client's export holds (every table with a clientWhere), in the list's order. */
export const CLIENT_EXPORT_TABLES = EXPORT_TABLES.filter((t) => t.clientWhere !== null);

/**
 * One client's complete record as a ZIP (decision 0030, docs/export.md):
 * `record.pdf` to read, `superbill.pdf`, `answers.json` (each answer with
 * its question and form version), `tables/<table>.json` for every table
 * that holds the client's data, and `manifest.json` last (with row counts).
 *
 * Checks the client is the practice's and records the audit event before a
 * byte is sent; then everything is read in one snapshot and streamed, table
 * by table, into the returned stream. For a client in a couple it is that
 * client's record: their partner's answers, check-ins (shared or not) and
 * payments are in the partner's record, not here; what the couple shares
 * (the couple row, the couple's homework and sessions) is in both.
 */
export async function exportClientRecord(scope: PracticeScope, clientId: string, now: Date): Promise<{ ok: true; fileName: string; stream: Readable } | NotFound> {
  if (!isUuid(clientId)) return notFound("Client not found");
  const [client] = await db
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, scope.practice.id)));
  if (!client) return notFound("Client not found");
  await recordAudit(byMember(scope, "client.export", { type: "client", id: client.id }, { tables: CLIENT_EXPORT_TABLES.length }));

  const practiceId = scope.practice.id;
  const zone = scope.practice.timeZone;
  const out = new PassThrough();
  void inSnapshot(async (tx) => {
    const record = await loadClientRecord(tx, practiceId, clientId);
    if (!record) throw new Error("client export: the client went away");
    const counts: Record<string, number> = {};
    const today = todayIn(zone, now);
    const first = record.appointments[0] ? localDate(record.appointments[0].startsAt, zone) : today;
    const range = { from: first < today ? first : today, to: today };
    const entries: ZipEntry[] = [
      { path: "README.txt", open: () => Readable.from([readme(record.practice.name, now)]) },
      {
        path: "record.pdf",
        open: async () => Readable.from([Buffer.from(await clientRecordPdf(record, now, `The superbill for ${range.from} to ${range.to} is superbill.pdf in this archive.`))]),
      },
      {
        path: "superbill.pdf",
        open: async () => {
          const bill = await buildSuperbill(practiceId, clientId, range, now);
          return Readable.from([bill ? Buffer.from(await superbillPdf(bill)) : Buffer.alloc(0)]);
        },
      },
      { path: "answers.json", open: () => Readable.from([JSON.stringify(readableAnswers(record), null, 2) + "\n"]) },
    ];
    // The documents the client signed: each the original with its signature page, as kept with the record.
    for (const copy of await signedCopiesOf(tx, practiceId, clientId)) {
      entries.push({ path: `signed-documents/${copy.fileName}`, open: async () => Readable.from([await copy.bytes()]) });
    }
    for (const table of CLIENT_EXPORT_TABLES) {
      const counter: Counter = { rows: 0 };
      entries.push({
        path: `tables/${table.name}.json`,
        open: async () => jsonFile(tx, rowsQuery(table, await exportColumns(tx, table, { practiceId, clientId }), { practiceId, clientId })!, counter),
        done: () => {
          counts[table.name] = counter.rows;
        },
      });
    }
    entries.push({
      path: "manifest.json",
      open: () =>
        Readable.from([
          JSON.stringify({ format: CLIENT_EXPORT_FORMAT, practiceId, clientId, generatedAt: now.toISOString(), timeZone: zone, superbill: range, tables: counts }, null, 2) + "\n",
        ]),
    });
    await pipeline(streamZip(entries, now), out);
  }).catch((error: unknown) => {
    logError("export", "client export failed", error);
    out.destroy(error instanceof Error ? error : new Error("client export failed"));
  });
  const slug = `${client.lastName}-${client.firstName}`
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return { ok: true, fileName: `client-record-${slug || "client"}-${todayIn(zone, now)}.zip`, stream: out };
}

function readme(practice: string, now: Date): string {
  return [
    `Client record exported from Tandem for ${practice} on ${now.toISOString()}.`,
    "",
    "record.pdf     the record to read: details, forms, measures, appointments, homework and check-ins, payments",
    "superbill.pdf  the superbill for every attended session",
    "signed-documents/  each document the client signed: the PDF with its signature page",
    "answers.json   each answer with its question and the version of the form it was given on",
    "tables/*.json  every row of every table that holds this client's data, as stored",
    "manifest.json  the format, the time of export and the row count of each table",
    "",
    "The format is described in docs/export.md of the Tandem source.",
    "",
  ].join("\n");
}
