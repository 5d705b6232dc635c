import { createHash, randomUUID } from "node:crypto";
import { eq, or, sql as dsql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { auditEvents, clients, couples } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { isUniqueViolation, pgError } from "@/lib/db/pg-error";
import { conflict, invalid, type Conflict, type Invalid } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { IMPORT_LIMITS } from "./limits";
import { guessMapping, importMappingSchema, type ImportMapping } from "./mapping";
import { parseCsv, type Delimiter, type ParsedCsv } from "./parse-csv";
import { planImport, type BadRow, type CoupleSide, type DuplicateRow, type ExistingClient, type GoodRow, type ImportPlan, type PartnerNote } from "./plan-import";
import type { Encoding } from "./decode";

/** What the page shows before anything is written. */
export interface ImportPreview {
  /** SHA-256 of the file's bytes: the confirm step must send the same file. */
  fingerprint: string;
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  mapping: ImportMapping;
  totals: { rows: number; good: number; bad: number; duplicates: number; couples: number; emptyRows: number };
  /** The first rows that will be imported, as they will be stored (notes shortened). */
  sample: (Omit<GoodRow, "notes"> & { notes: string | null })[];
  bad: BadRow[];
  duplicates: DuplicateRow[];
  couples: { line: number; partnerLine: number | null; partnerEmail: string | null }[];
  partnerNotes: PartnerNote[];
}

export interface ImportSummary {
  importId: string;
  created: number;
  couples: number;
  bad: number;
  duplicates: DuplicateRow[];
}

export type PreviewResult = { ok: true; preview: ImportPreview } | Invalid;
export type ConfirmResult = { ok: true; summary: ImportSummary } | Invalid | Conflict<"file_changed" | "plan_changed" | "taken_meanwhile" | "nothing_to_import", { preview?: ImportPreview }>;

export interface ImportRequest {
  bytes: Uint8Array;
  delimiter?: Delimiter;
  /** Null on the first upload: the mapping is guessed from the headers. */
  mapping: unknown;
}

/**
 * Step one and two of the import page: parse the file, apply (or guess) the
 * mapping and plan against the practice's clients. Reads only.
 */
export async function previewImport(scope: PracticeScope, request: ImportRequest): Promise<PreviewResult> {
  const prepared = prepare(scope, request);
  if (!prepared.ok) return prepared;
  const existing = await existingClients(db, scope.practice.id);
  return { ok: true, preview: toPreview(prepared, planImport(prepared.parsed.rows, prepared.parsed.headers, prepared.mapping, existing)) };
}

/**
 * The confirm step. Nothing was stored between the steps: the page sends
 * the file again (decision 0029), it is parsed and planned again inside one
 * transaction, and it must be the file (fingerprint) and the outcome (rows to
 * create, couples) the person confirmed. Then every good row, their couples
 * and the audit trail are written in that one transaction, in batched
 * inserts; any failure writes nothing.
 */
export async function confirmImport(
  scope: PracticeScope,
  request: ImportRequest & { fingerprint: string; expected: { good: number; couples: number } },
  now: Date,
): Promise<ConfirmResult> {
  const prepared = prepare(scope, request);
  if (!prepared.ok) return prepared;
  if (prepared.fingerprint !== request.fingerprint) return conflict("file_changed", "This is not the file that was previewed. Upload it again and review the preview.");
  const practiceId = scope.practice.id;
  try {
    return await db.transaction(async (tx): Promise<ConfirmResult> => {
      // One import per practice at a time, so two tabs cannot both add the same rows.
      await tx.execute(dsql`select pg_advisory_xact_lock(hashtext(${`client-import:${practiceId}`}))`);
      const plan = planImport(prepared.parsed.rows, prepared.parsed.headers, prepared.mapping, await existingClients(tx, practiceId));
      const preview = toPreview(prepared, plan);
      if (plan.good.length === 0) return conflict("nothing_to_import", "No row of this file can be imported.", { preview });
      if (plan.good.length !== request.expected.good || plan.couples.length !== request.expected.couples) {
        return conflict("plan_changed", "The practice's clients changed since the preview, so this import would now do something else. Review the new preview.", { preview });
      }
      const importId = randomUUID();
      const ids = plan.good.map(() => randomUUID());
      const { batchSize } = IMPORT_LIMITS;
      // Each batch is one statement with one JSON parameter: 1,000 rows × 12 columns as bound
      // parameters cost the driver and the server several times more (bench:import).
      const rows = plan.good.map((r, k) => ({
        id: ids[k]!,
        first_name: r.firstName,
        last_name: r.lastName,
        preferred_name: r.preferredName,
        pronouns: r.pronouns,
        email: r.email,
        phone: r.phone,
        date_of_birth: r.dateOfBirth,
        notes: r.notes,
      }));
      for (let i = 0; i < rows.length; i += batchSize) {
        await tx.execute(dsql`
          insert into ${clients} (id, practice_id, first_name, last_name, preferred_name, pronouns, email, phone, date_of_birth, notes, created_at, updated_at)
          select r.id, ${practiceId}::uuid, r.first_name, r.last_name, r.preferred_name, r.pronouns, r.email, r.phone, r.date_of_birth, r.notes, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
          from json_to_recordset(${JSON.stringify(rows.slice(i, i + batchSize))}::json)
            as r(id uuid, first_name text, last_name text, preferred_name text, pronouns text, email text, phone text, date_of_birth text, notes text)`);
      }
      const idOf = (side: CoupleSide) => ("row" in side ? ids[side.row]! : side.clientId);
      const pairs = plan.couples.map(([a, b]) => [idOf(a), idOf(b)].sort() as [string, string]);
      for (let i = 0; i < pairs.length; i += batchSize) {
        await tx.insert(couples).values(pairs.slice(i, i + batchSize).map(([a, b]) => ({ practiceId, clientAId: a, clientBId: b })));
      }
      // The trail a single save leaves (client.create per client), tied to one client.import event.
      const actor = { practiceId, actorKind: "member" as const, actorUserId: scope.user.id, at: now };
      const trail = [
        ...ids.map((id) => ({ action: "client.create", subject_id: id, detail: { importId } })),
        ...pairs.map(([a, b]) => ({ action: "couple.create", subject_id: a, detail: { importId, clientIds: [a, b] } })),
      ];
      for (let i = 0; i < trail.length; i += batchSize) {
        await tx.execute(dsql`
          insert into ${auditEvents} (practice_id, actor_kind, actor_user_id, action, subject_type, subject_id, detail, at)
          select ${practiceId}::uuid, 'member', ${scope.user.id}::uuid, t.action, 'client', t.subject_id, t.detail, ${now.toISOString()}::timestamptz
          from json_to_recordset(${JSON.stringify(trail.slice(i, i + batchSize))}::json) as t(action text, subject_id text, detail jsonb)`);
      }
      await tx.insert(auditEvents).values({
        ...actor,
        action: "client.import",
        subjectType: "client_import",
        subjectId: importId,
        detail: {
          fingerprint: prepared.fingerprint,
          rows: prepared.parsed.rows.length,
          created: ids.length,
          couples: pairs.length,
          bad: plan.bad.length,
          duplicates: plan.duplicates.length,
          fields: Object.entries(prepared.mapping).filter(([k, v]) => k !== "dateFormat" && v !== null).map(([k]) => k),
        },
      });
      return { ok: true, summary: { importId, created: ids.length, couples: pairs.length, bad: plan.bad.length, duplicates: plan.duplicates } };
    });
  } catch (error) {
    // A client saved (or a couple linked) by someone else between our read and our insert.
    if (isUniqueViolation(error) || pgError(error)?.constraint === "couples_one_per_client") {
      return conflict("taken_meanwhile", "Someone added or linked one of these clients while the import ran; nothing was imported. Review the preview and confirm again.");
    }
    throw error;
  }
}

type Prepared = { ok: true; parsed: ParsedCsv; mapping: ImportMapping; fingerprint: string };

function prepare(scope: PracticeScope, request: ImportRequest): Prepared | Invalid {
  const parsed = parseCsv(request.bytes, { delimiter: request.delimiter });
  if (!parsed.ok) return invalid({ file: [parsed.message] });
  let mapping: ImportMapping;
  if (request.mapping === null || request.mapping === undefined) {
    mapping = guessMapping(parsed.headers, parsed.rows.slice(0, 200).map((r) => r.cells), scope.practice.country);
  } else {
    const m = importMappingSchema.safeParse(request.mapping);
    if (!m.success) return invalid(zodFieldErrors(m.error));
    const outside = Object.entries(m.data).find(([k, v]) => k !== "dateFormat" && typeof v === "number" && v >= parsed.headers.length);
    if (outside) return invalid({ [outside[0]]: ["This file has no such column"] });
    mapping = m.data;
  }
  const fingerprint = createHash("sha256").update(request.bytes).digest("hex");
  return { ok: true, parsed, mapping, fingerprint };
}

/** The practice's clients with an email, and whether each is in a couple: one query. */
async function existingClients(tx: DbOrTx, practiceId: string): Promise<ExistingClient[]> {
  const rows = await tx
    .select({ id: clients.id, email: clients.email, coupleId: couples.id })
    .from(clients)
    .leftJoin(couples, or(eq(couples.clientAId, clients.id), eq(couples.clientBId, clients.id)))
    .where(eq(clients.practiceId, practiceId));
  return rows.map((r) => ({ id: r.id, email: r.email, inCouple: r.coupleId !== null }));
}

function toPreview(prepared: Prepared, plan: ImportPlan): ImportPreview {
  const { parsed } = prepared;
  const lineOf = (side: CoupleSide) => ("row" in side ? plan.good[side.row]!.line : null);
  return {
    fingerprint: prepared.fingerprint,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    headers: parsed.headers.map((h) => h.slice(0, 100)),
    mapping: prepared.mapping,
    totals: {
      rows: parsed.rows.length,
      good: plan.good.length,
      bad: plan.bad.length,
      duplicates: plan.duplicates.length,
      couples: plan.couples.length,
      emptyRows: parsed.emptyRows,
    },
    sample: plan.good.slice(0, IMPORT_LIMITS.previewRows).map((r) => ({ ...r, notes: r.notes && r.notes.length > 80 ? `${r.notes.slice(0, 79)}…` : r.notes })),
    bad: plan.bad,
    duplicates: plan.duplicates,
    couples: plan.couples.map(([a, b]) => ({
      line: lineOf(a)!,
      partnerLine: lineOf(b),
      partnerEmail: "row" in b ? null : (plan.good[(a as { row: number }).row]!.partner ?? null),
    })),
    partnerNotes: plan.partnerNotes,
  };
}
