"use client";

import { formatCalendarDate } from "@/lib/dates/format";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { confirmImportAction, previewImportAction } from "@/app/(clinic)/clinic/[practice]/clients/import/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select } from "@/components/ui/field";
import { ENCODING_LABELS } from "@/lib/clients/import/decode";
import { DATE_FORMAT_LABELS, IMPORT_FIELDS, IMPORT_FIELD_LABELS, importMappingSchema, type ImportMapping } from "@/lib/clients/import/mapping";
import { DELIMITER_LABELS } from "@/lib/clients/import/delimiters";
import { fileTooLargeMessage } from "@/lib/clients/import/limits";
import type { ImportPreview, ImportSummary } from "@/lib/clients/import/run-import";
import type { FieldErrors } from "@/lib/form-result";

type MappingForm = z.input<typeof importMappingSchema>;

const asForm = (m: ImportMapping): MappingForm =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === null ? "" : String(v)])) as MappingForm;

const firstError = (errors: FieldErrors) => Object.values(errors)[0]?.[0] ?? "Something in the form needs attention";

// The action itself failed (the connection, or Next refusing the request): a sentence, not a silent stop.
const NOT_SENT = "The file could not be sent. Check your connection and try again.";
// On confirm the import may have been saved before the answer was lost: say where to look before trying again.
const NO_ANSWER = "No answer came back from the server. Open the client list to see whether the clients were imported before you try again.";

/**
 * Upload → map columns → preview → confirm. The chosen file stays in the
 * browser and is sent again on confirm; the server writes nothing before.
 */
/** `locale`: the practice's, for the preview's dates of birth (read as words, so a 03/04 reads as the day it was taken for). */
export function ImportWizard({ practiceSlug, locale = null }: { practiceSlug: string; locale?: string | null }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [delimiter, setDelimiter] = useState("");
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<MappingForm, unknown, ImportMapping>({ resolver: zodResolver(importMappingSchema) });

  function body(extra: Record<string, string>): FormData {
    const data = new FormData();
    data.set("file", file!);
    data.set("delimiter", delimiter);
    for (const [k, v] of Object.entries(extra)) data.set(k, v);
    return data;
  }

  function show(next: ImportPreview) {
    setPreview(next);
    form.reset(asForm(next.mapping));
  }

  async function read(mapping: ImportMapping | null) {
    if (!file) return setError("Choose a CSV file to upload");
    // Checked here too: a file over the server action's body limit never reaches the server's own check.
    const tooLarge = fileTooLargeMessage(file.size);
    if (tooLarge) {
      setPreview(null);
      return setError(tooLarge);
    }
    setBusy(true);
    setError(null);
    try {
      const result = await previewImportAction(practiceSlug, body(mapping ? { mapping: JSON.stringify(mapping) } : {}));
      if (result.ok) show(result.preview);
      else {
        if (!mapping) setPreview(null);
        setError(firstError(result.errors));
      }
    } catch {
      setError(NOT_SENT);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      const result = await confirmImportAction(
        practiceSlug,
        body({
          mapping: JSON.stringify(preview.mapping),
          fingerprint: preview.fingerprint,
          expectedGood: String(preview.totals.good),
          expectedCouples: String(preview.totals.couples),
        }),
      );
      if (result.ok) {
        setSummary(result.summary);
        setPreview(null);
      } else if ("errors" in result) setError(firstError(result.errors));
      else {
        setError(result.message);
        if ("preview" in result && result.preview) show(result.preview);
      }
    } catch {
      setError(NO_ANSWER);
    } finally {
      setBusy(false);
    }
  }

  if (summary) {
    return (
      <section aria-labelledby="import-done" className="max-w-2xl space-y-3 rounded-lg border border-line bg-surface p-4">
        <h2 id="import-done" className="text-lg font-semibold" tabIndex={-1}>
          Imported {summary.created} {summary.created === 1 ? "client" : "clients"}
        </h2>
        <p>
          {summary.couples} {summary.couples === 1 ? "couple" : "couples"} linked. {summary.duplicates.length} duplicate {summary.duplicates.length === 1 ? "row" : "rows"} and {summary.bad} bad{" "}
          {summary.bad === 1 ? "row were" : "rows were"} skipped.
        </p>
        {summary.duplicates.length ? <DuplicateList rows={summary.duplicates} /> : null}
        <Link href={`/clinic/${practiceSlug}/clients`} className="font-medium text-brand underline">
          Go to the client list
        </Link>
      </section>
    );
  }

  const { errors } = form.formState;
  return (
    <div className="space-y-6">
      <FormError message={error ?? undefined} />
      <form
        className="max-w-2xl space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void read(null);
        }}
      >
        <h2 className="text-lg font-semibold">1. Choose the file</h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="CSV file" required hint="Export your client list as CSV (comma, semicolon or tab separated).">
            {(ids) => (
              <input
                {...ids}
                ref={fileInput}
                type="file"
                name="file"
                accept=".csv,.txt,text/csv,text/plain"
                className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-line file:bg-surface file:px-3"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setPreview(null);
                }}
              />
            )}
          </Field>
          <Field label="Delimiter">
            {(ids) => (
              <Select {...ids} value={delimiter} onChange={(e) => setDelimiter(e.target.value)}>
                <option value="">Detect automatically</option>
                {Object.entries(DELIMITER_LABELS).map(([v, l]) => (
                  <option key={v} value={v}>
                    {l}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <Button type="submit" disabled={busy}>
          {busy && !preview ? "Reading…" : "Read file"}
        </Button>
      </form>

      {preview ? (
        <>
          <form className="max-w-3xl space-y-4" noValidate onSubmit={form.handleSubmit((m) => read(m))}>
            <h2 className="text-lg font-semibold">2. Match the columns</h2>
            <p className="text-sm text-muted">
              Read as {ENCODING_LABELS[preview.encoding]}, {DELIMITER_LABELS[preview.delimiter].toLowerCase()} separated. {preview.headers.length} columns.
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              {IMPORT_FIELDS.map((f) => (
                <Field key={f} label={IMPORT_FIELD_LABELS[f]} error={errors[f]?.message}>
                  {(ids) => (
                    <Select {...ids} {...form.register(f)}>
                      <option value="">Not in this file</option>
                      {preview.headers.map((h, i) => (
                        <option key={i} value={String(i)}>
                          {h}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
              ))}
              <Field label="Dates of birth are written" error={errors.dateFormat?.message}>
                {(ids) => (
                  <Select {...ids} {...form.register("dateFormat")}>
                    {Object.entries(DATE_FORMAT_LABELS).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
            <Button type="submit" variant="secondary" disabled={busy}>
              Update preview
            </Button>
          </form>
          <PreviewView preview={preview} locale={locale} />
          <section aria-labelledby="import-confirm" className="max-w-2xl space-y-3">
            <h2 id="import-confirm" className="text-lg font-semibold">
              4. Import
            </h2>
            {form.formState.isDirty ? <p className="text-sm font-medium text-danger">The columns changed: update the preview before importing.</p> : null}
            <Button onClick={() => void confirm()} disabled={busy || form.formState.isDirty || preview.totals.good === 0}>
              {busy ? "Working…" : `Import ${preview.totals.good} ${preview.totals.good === 1 ? "client" : "clients"}`}
            </Button>
          </section>
        </>
      ) : null}
    </div>
  );
}

function PreviewView({ preview, locale }: { preview: ImportPreview; locale: string | null }) {
  const t = preview.totals;
  return (
    <section aria-labelledby="import-preview" className="space-y-4">
      <h2 id="import-preview" className="text-lg font-semibold">
        3. Preview
      </h2>
      <p aria-live="polite">
        {t.rows} rows: <strong>{t.good} to import</strong>, {t.couples} {t.couples === 1 ? "couple" : "couples"} to link, {t.bad} bad, {t.duplicates} duplicate
        {t.emptyRows ? `, ${t.emptyRows} empty ignored` : ""}.
      </p>
      {preview.sample.length ? (
        <div className="overflow-x-auto rounded-lg border border-line" role="region" aria-label="First rows to import" tabIndex={0}>
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">The first {preview.sample.length} rows that will be imported</caption>
            <thead className="bg-canvas">
              <tr>
                {["Line", "First name", "Last name", "Email", "Phone", "Date of birth", "Partner"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {preview.sample.map((r) => (
                <tr key={r.line}>
                  <td className="px-3 py-2">{r.line}</td>
                  <td className="px-3 py-2">{r.firstName}</td>
                  <td className="px-3 py-2">{r.lastName}</td>
                  <td className="px-3 py-2">{r.email ?? ""}</td>
                  <td className="px-3 py-2">{r.phone ?? ""}</td>
                  <td className="px-3 py-2">{r.dateOfBirth ? formatCalendarDate(r.dateOfBirth, locale) : ""}</td>
                  <td className="px-3 py-2">{r.partner ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.bad.length ? (
        <div>
          <h3 className="font-semibold">Rows that will not be imported ({preview.bad.length})</h3>
          <ul className="mt-2 space-y-1 text-sm" aria-label="Bad rows">
            {preview.bad.map((b) => (
              <li key={b.line}>
                <span className="font-medium">Line {b.line}:</span> {b.reasons.join("; ")}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.duplicates.length ? <DuplicateList rows={preview.duplicates} /> : null}
      {preview.couples.length ? (
        <div>
          <h3 className="font-semibold">Couples to link ({preview.couples.length})</h3>
          <ul className="mt-2 space-y-1 text-sm" aria-label="Couples">
            {preview.couples.map((c) => (
              <li key={c.line}>
                Line {c.line} with {c.partnerLine !== null ? `line ${c.partnerLine}` : `the existing client ${c.partnerEmail}`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.partnerNotes.length ? (
        <div>
          <h3 className="font-semibold">Partners not linked ({preview.partnerNotes.length})</h3>
          <ul className="mt-2 space-y-1 text-sm">
            {preview.partnerNotes.map((n) => (
              <li key={n.line}>
                <span className="font-medium">Line {n.line}:</span> {n.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function DuplicateList({ rows }: { rows: { line: number; email: string; sameAsLine: number | null }[] }) {
  return (
    <div>
      <h3 className="font-semibold">Duplicates skipped ({rows.length})</h3>
      <ul className="mt-2 space-y-1 text-sm" aria-label="Duplicates">
        {rows.map((d) => (
          <li key={d.line}>
            <span className="font-medium">Line {d.line}:</span> {d.email} {d.sameAsLine !== null ? `is also on line ${d.sameAsLine}` : "is already a client"}
          </li>
        ))}
      </ul>
    </div>
  );
}
