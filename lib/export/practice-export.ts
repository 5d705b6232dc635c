import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, desc, eq, inArray, isNotNull, lt, sql as dsql } from "drizzle-orm";
import { db } from "@/db/client";
import { dataExports, storedObjects, type DataExport } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { isUniqueViolation, logError, safeErrorText } from "@/lib/db/pg-error";
import { env } from "@/lib/env";
import { expired, notFound, type Expired, type NotFound } from "@/lib/errors/domain-error";
import { runningBoss } from "@/lib/jobs/queue-handle";
import { storage, storedFilesRoot } from "@/lib/storage";
import { TOKEN_PURPOSES, signToken, verifyToken } from "@/lib/tokens";
import { csvFile, exportColumns, jsonFile, rowsQuery, type Counter } from "./table-files";
import { EXPORT_TABLES } from "./tables";
import { inSnapshot } from "./snapshot";
import { streamZip, type ZipEntry } from "./zip";

export const PRACTICE_EXPORT_FORMAT = "tandem-practice-export/1";
/** How long a finished export can be downloaded; then the link fails and the next job run deletes the file. */
export const EXPORT_VALID_HOURS = 24;
/** A running export older than this is taken to have lost its worker and runs again. */
const STALE_RUN_MS = 60 * 60_000;
export const EXPORT_JOB = "practice-export";

export function exportsDir(practiceId: string): string {
  return path.resolve(env.DATA_DIR, "exports", practiceId);
}
function exportFile(row: Pick<DataExport, "id" | "practiceId">): string {
  return path.join(exportsDir(row.practiceId), `${row.id}.zip`);
}
/** The practice's folder of the disk storage driver (lib/storage/disk.ts). The export copies whatever is here. */
export function storedFilesDir(practiceId: string): string {
  return path.join(storedFilesRoot(env.DATA_DIR), practiceId);
}

/**
 * Owner/admin asks for an export of the whole practice: a progress row, and
 * a nudge to this process's job runner (the minute tick runs it otherwise).
 * One at a time per practice: asking again while one is queued or running
 * answers that one.
 */
export async function requestPracticeExport(scope: PracticeScope): Promise<{ ok: true; exportId: string; alreadyRunning: boolean }> {
  const openOne = async () => {
    const [open] = await db
      .select({ id: dataExports.id })
      .from(dataExports)
      .where(and(eq(dataExports.practiceId, scope.practice.id), inArray(dataExports.status, ["queued", "running"])))
      .limit(1);
    return open?.id ?? null;
  };
  const existing = await openOne();
  if (existing) return { ok: true, exportId: existing, alreadyRunning: true };
  let exportId: string;
  try {
    exportId = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(dataExports)
        .values({ practiceId: scope.practice.id, requestedByMemberId: scope.memberId, tablesTotal: EXPORT_TABLES.length })
        .returning({ id: dataExports.id });
      await recordAudit(byMember(scope, "practice.export_request", { type: "practice", id: scope.practice.id }, { exportId: row!.id }), tx);
      return row!.id;
    });
  } catch (error) {
    // Two requests at once: the database keeps one open export per practice (data_exports_one_open_key).
    const other = isUniqueViolation(error, "data_exports_one_open_key") ? await openOne() : null;
    if (other) return { ok: true, exportId: other, alreadyRunning: true };
    throw error;
  }
  runningBoss()
    ?.send(EXPORT_JOB, {}, { singletonKey: EXPORT_JOB, singletonSeconds: 1 })
    .catch(() => {});
  return { ok: true, exportId, alreadyRunning: false };
}

export interface ExportListItem {
  id: string;
  status: DataExport["status"];
  tablesDone: number;
  tablesTotal: number;
  rowsWritten: number;
  bytes: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
  /** A signed link token while the file can be downloaded. */
  downloadToken: string | null;
}

/** The practice's latest exports, newest first, each with a download token while it is valid. */
export async function listPracticeExports(scope: PracticeScope, now: Date, limit = 5): Promise<ExportListItem[]> {
  const rows = await db.select().from(dataExports).where(eq(dataExports.practiceId, scope.practice.id)).orderBy(desc(dataExports.createdAt)).limit(limit);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    tablesDone: r.tablesDone,
    tablesTotal: r.tablesTotal,
    rowsWritten: r.rowsWritten,
    bytes: r.bytes,
    error: r.error,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
    expiresAt: r.expiresAt,
    downloadToken: r.status === "done" && r.expiresAt && r.expiresAt > now ? signToken(TOKEN_PURPOSES.practiceExport, { x: r.id, p: r.practiceId }, r.expiresAt) : null,
  }));
}

/**
 * The file behind a download link: the token must be valid and name an
 * export of the signed-in member's practice that is done. Audited.
 */
export async function openPracticeExportDownload(
  scope: PracticeScope,
  token: string,
  now: Date,
): Promise<{ ok: true; stream: Readable; size: number; fileName: string } | NotFound | Expired> {
  const verified = verifyToken<{ x: string; p: string }>(TOKEN_PURPOSES.practiceExport, token, now);
  if (!verified.ok) return verified.reason === "expired" ? expired("This download link has expired. Start a new export.") : notFound("Export not found");
  if (verified.data.p !== scope.practice.id) return notFound("Export not found");
  const [row] = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.id, verified.data.x), eq(dataExports.practiceId, scope.practice.id), eq(dataExports.status, "done")));
  if (!row || !row.expiresAt) return notFound("Export not found");
  if (row.expiresAt <= now) return expired("This download link has expired. Start a new export.");
  const file = exportFile(row);
  const info = await stat(file).catch(() => null);
  if (!info) return expired("This export's file is gone. Start a new export.");
  await recordAudit(byMember(scope, "practice.export_download", { type: "practice", id: scope.practice.id }, { exportId: row.id, bytes: info.size }));
  const day = row.createdAt.toISOString().slice(0, 10);
  return { ok: true, stream: createReadStream(file), size: info.size, fileName: `${scope.practice.slug}-export-${day}.zip` };
}

/**
 * The job: runs every queued export (and any whose worker died), one after
 * another, and deletes the files of exports whose link has expired.
 * Claims with SKIP LOCKED, so two workers never run the same export.
 */
export async function runPendingExports(now: Date): Promise<{ done: number; failed: number; removed: number }> {
  const removed = await removeExpiredFiles(now);
  let done = 0;
  let failed = 0;
  for (;;) {
    const claimed = await claimNext(now);
    if (!claimed) break;
    if (await runExport(claimed, now)) done++;
    else failed++;
  }
  return { done, failed, removed };
}

async function claimNext(now: Date): Promise<DataExport | null> {
  const staleBefore = new Date(now.getTime() - STALE_RUN_MS);
  const [row] = await db
    .update(dataExports)
    .set({ status: "running", startedAt: now, tablesDone: 0, rowsWritten: 0, tablesTotal: EXPORT_TABLES.length })
    .where(
      eq(
        dataExports.id,
        dsql`(select id from data_exports where status = 'queued' or (status = 'running' and started_at < ${staleBefore.toISOString()}::timestamptz) order by created_at limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return row ?? null;
}

async function runExport(row: DataExport, now: Date): Promise<boolean> {
  const file = exportFile(row);
  const part = `${file}.part`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const result = await writePracticeZip(row.practiceId, now, createWriteStream(part, { mode: 0o600 }), async (tablesDone, rowsWritten) => {
      await db.update(dataExports).set({ tablesDone, rowsWritten }).where(and(eq(dataExports.id, row.id), eq(dataExports.status, "running")));
    });
    await rename(part, file);
    const { size } = await stat(file);
    await db
      .update(dataExports)
      .set({
        status: "done",
        tablesDone: result.tables,
        rowsWritten: result.rows,
        bytes: size,
        finishedAt: dsql`clock_timestamp()`,
        expiresAt: dsql`clock_timestamp() + ${`${EXPORT_VALID_HOURS} hours`}::interval`,
      })
      .where(eq(dataExports.id, row.id));
    return true;
  } catch (error) {
    logError("export", `practice export ${row.id} failed`, error);
    await rm(part, { force: true }).catch(() => {});
    await db
      .update(dataExports)
      .set({ status: "failed", error: `The export stopped: ${safeErrorText(error).slice(0, 200)}`, finishedAt: dsql`clock_timestamp()` })
      .where(eq(dataExports.id, row.id));
    return false;
  }
}

async function removeExpiredFiles(now: Date): Promise<number> {
  const gone = await db
    .select({ id: dataExports.id, practiceId: dataExports.practiceId })
    .from(dataExports)
    .where(and(eq(dataExports.status, "done"), isNotNull(dataExports.expiresAt), lt(dataExports.expiresAt, now)));
  let removed = 0;
  for (const row of gone) {
    const file = exportFile(row);
    if (await stat(file).catch(() => null)) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * The whole practice as a ZIP written to `destination`: `tables/<table>.csv`
 * and `.json` for every table in EXPORT_TABLES, `files/` for stored files,
 * README.txt, and manifest.json last with the row count of each table.
 * One snapshot; one table at a time through a cursor. `onTable` reports
 * progress after each table (both its files written).
 */
export async function writePracticeZip(
  practiceId: string,
  now: Date,
  destination: Writable,
  onTable?: (tablesDone: number, rowsWritten: number) => Promise<void>,
): Promise<{ tables: number; rows: number; counts: Record<string, number> }> {
  const files = await storedFiles(practiceId);
  return inSnapshot(async (tx) => {
    const counts: Record<string, number> = {};
    let tables = 0;
    let rows = 0;
    const scope = { practiceId };
    const entries: ZipEntry[] = [{ path: "README.txt", open: () => Readable.from([readme(now)]) }];
    for (const table of EXPORT_TABLES) {
      let columns: string[] | null = null;
      const columnsOf = async () => (columns ??= await exportColumns(tx, table, scope));
      const counter: Counter = { rows: 0 };
      entries.push({ path: `tables/${table.name}.csv`, open: async () => csvFile(tx, rowsQuery(table, await columnsOf(), scope)!, await columnsOf()) });
      entries.push({
        path: `tables/${table.name}.json`,
        open: async () => jsonFile(tx, rowsQuery(table, await columnsOf(), scope)!, counter),
        done: async () => {
          counts[table.name] = counter.rows;
          tables++;
          rows += counter.rows;
          await onTable?.(tables, rows);
        },
      });
    }
    for (const f of files) entries.push({ path: `files/${f.relative}`, open: () => f.open() });
    entries.push({
      path: "manifest.json",
      open: () =>
        Readable.from([
          JSON.stringify({ format: PRACTICE_EXPORT_FORMAT, practiceId, generatedAt: now.toISOString(), tables: counts, files: files.map((f) => f.relative) }, null, 2) + "\n",
        ]),
    });
    await pipeline(streamZip(entries, now), destination);
    return { tables, rows, counts };
  });
}

/**
 * Every file of the practice: what is in its disk folder, and every indexed
 * object that is not there (in a bucket, or a row of the former PostgreSQL
 * backend), read through lib/storage when its entry is written.
 */
async function storedFiles(practiceId: string): Promise<{ relative: string; open: () => Readable | Promise<Readable> }[]> {
  const root = storedFilesDir(practiceId);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const onDisk = entries
    .filter((e) => e.isFile())
    .map((e) => {
      const absolute = path.join(e.parentPath, e.name);
      return { relative: path.relative(root, absolute).split(path.sep).join("/"), open: () => createReadStream(absolute) };
    });
  const seen = new Set(onDisk.map((f) => f.relative));
  const indexed = await db.select({ key: storedObjects.key }).from(storedObjects).where(eq(storedObjects.practiceId, practiceId));
  const elsewhere = indexed
    .filter((row) => !seen.has(row.key))
    .map((row) => ({
      relative: row.key,
      // A missing or damaged object (logged by lib/storage) is exported empty rather than failing the whole export.
      open: async () => Readable.from([(await storage.get(practiceId, row.key))?.bytes ?? Buffer.alloc(0)]),
    }));
  return [...onDisk, ...elsewhere].sort((a, b) => a.relative.localeCompare(b.relative));
}

function readme(now: Date): string {
  return [
    `A whole-practice export from Tandem, made ${now.toISOString()}.`,
    "",
    "tables/<table>.csv   one file per table: a header of column names, then one row per line",
    "tables/<table>.json  the same rows as a JSON array, values exactly as stored",
    "files/               files the practice stored (none if empty)",
    "manifest.json        the format, the time of export and the row count of each table",
    "",
    "CSV cells that a spreadsheet would run as a formula start with a ' ; the JSON files keep every value as it is.",
    "The format is described in docs/export.md of the Tandem source.",
    "",
  ].join("\n");
}
