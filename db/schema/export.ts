import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tz } from "./columns";
import { members, practices } from "./practice";

/** queued → running → done | failed. A running row whose worker died is taken again after a while (lib/export/practice-export-job.ts). */
export const dataExportStatus = pgEnum("data_export_status", ["queued", "running", "done", "failed"]);

/**
 * One export of a whole practice (decision 0030): the progress row the
 * settings page shows while the background job writes the ZIP to the data
 * directory, and what the download link names. The file is the job's; the
 * row never holds its content.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    requestedByMemberId: uuid("requested_by_member_id").references(() => members.id, { onDelete: "set null" }),
    status: dataExportStatus("status").notNull().default("queued"),
    tablesDone: integer("tables_done").notNull().default(0),
    tablesTotal: integer("tables_total").notNull().default(0),
    rowsWritten: bigint("rows_written", { mode: "number" }).notNull().default(0),
    bytes: bigint("bytes", { mode: "number" }),
    /** A safe sentence for the page (never a query's parameters). */
    error: text("error"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    startedAt: timestamp("started_at", tz),
    finishedAt: timestamp("finished_at", tz),
    /** When the download link stops working and the file may be removed. */
    expiresAt: timestamp("expires_at", tz),
  },
  (t) => [
    index("data_exports_practice_id_created_at_idx").on(t.practiceId, t.createdAt),
    index("data_exports_requested_by_member_id_idx").on(t.requestedByMemberId),
    index("data_exports_status_idx").on(t.status),
    // One export at a time per practice: a second request while one is open answers that one.
    uniqueIndex("data_exports_one_open_key").on(t.practiceId).where(sql`${t.status} in ('queued', 'running')`),
    check("data_exports_progress", sql`${t.tablesDone} >= 0 and ${t.tablesDone} <= ${t.tablesTotal}`),
    check(
      "data_exports_status_times",
      sql`(${t.status} = 'queued' or ${t.startedAt} is not null) and ((${t.status} in ('done', 'failed')) = (${t.finishedAt} is not null)) and ((${t.status} = 'done') = (${t.expiresAt} is not null and ${t.bytes} is not null))`,
    ),
  ],
);

export type DataExport = typeof dataExports.$inferSelect;
export type DataExportStatus = (typeof dataExportStatus.enumValues)[number];
