"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { publishNoteTemplateAction } from "@/app/(clinic)/clinic/[practice]/settings/notes/templates/actions";
import { Button } from "@/components/ui/button";
import { FormError, Input, Select, Textarea } from "@/components/ui/field";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import type { NoteField, NotePrefill, NoteSection, NoteTemplateDefinition } from "@/lib/notes/content";
import { idFromLabel, noteTemplateDefinitionSchema } from "@/lib/notes/template-schema";
import { NoteTemplatePreview } from "./note-template-preview";

const FIELD_KINDS: { value: NoteField["kind"]; label: string }[] = [
  { value: "long_text", label: "Paragraph" },
  { value: "short_text", label: "One line" },
  { value: "number", label: "Number (a score, a grade, a count)" },
  { value: "choice", label: "Choice from a list" },
];

const PREFILLS: { value: NotePrefill | ""; label: string }[] = [
  { value: "", label: "Nothing: the clinician writes it" },
  { value: "attendees", label: "Who attended" },
  { value: "service", label: "The service" },
  { value: "cpt", label: "The session's CPT codes" },
  { value: "measures", label: "The latest measure scores" },
];

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

const fieldIds = (d: NoteTemplateDefinition) => new Set(d.sections.flatMap((s) => s.fields.map((f) => f.id)));

/**
 * Edit a note template's sections and fields, then publish them as the next
 * version. Checked with the same schema the server uses. A field keeps its id
 * when its label changes, so the notes written on earlier versions still read
 * their values; those notes keep their own version whatever is published here.
 */
export function NoteTemplateEditor({ slug, templateId, initial, currentVersion }: { slug: string; templateId: string; initial: NoteTemplateDefinition; currentVersion: number }) {
  const router = useRouter();
  const [def, setDef] = useState<NoteTemplateDefinition>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState("");
  const [publishing, setPublishing] = useState(false);
  const err = (path: string) => errors[path]?.[0];
  const setSection = (si: number, patch: Partial<NoteSection>) => setDef((d) => ({ ...d, sections: d.sections.map((s, i) => (i === si ? { ...s, ...patch } : s)) }));
  const setField = (si: number, fi: number, f: NoteField) => setSection(si, { fields: def.sections[si]!.fields.map((x, j) => (j === fi ? f : x)) });

  const publish = async () => {
    setStatus("");
    const parsed = noteTemplateDefinitionSchema.safeParse(def);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setPublishing(true);
    const result = await publishNoteTemplateAction(slug, templateId, parsed.data);
    setPublishing(false);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setStatus(`Published version ${result.version}. New notes use it; notes already written keep the version they were written on.`);
    router.refresh();
  };

  const problems = Object.keys(errors).length;
  return (
    <div className="space-y-4">
      {problems > 0 ? <FormError message={errors.form?.[0] ?? `The template has ${problems} problem${problems === 1 ? "" : "s"}; see the highlighted fields.`} /> : null}
      <p aria-live="polite" className="text-sm font-medium text-ok">
        {status}
      </p>
      <Labeled label="Template name" value={def.title} error={err("title")} onChange={(title) => setDef({ ...def, title })} />
      <Labeled label="What it is for (optional)" multiline value={def.description} error={err("description")} onChange={(description) => setDef({ ...def, description })} />
      <label className="block space-y-1 text-sm">
        <span className="font-medium">Kind of note</span>
        <Select value={def.kind} onChange={(e) => setDef({ ...def, kind: e.target.value as NoteTemplateDefinition["kind"] })}>
          <option value="progress">Progress note (part of the record)</option>
          <option value="psychotherapy">Psychotherapy note (the author&apos;s own, kept apart from the record)</option>
        </Select>
      </label>
      {def.sections.map((s, si) => (
        <fieldset key={s.id} className="space-y-3 rounded-lg border border-line p-3">
          <legend className="px-1 text-sm font-semibold">Section {si + 1}</legend>
          <Labeled label={`Section ${si + 1} title`} value={s.title} error={err(`sections.${si}.title`)} onChange={(title) => setSection(si, { title })} />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" variant="secondary" disabled={si === 0} onClick={() => setDef({ ...def, sections: move(def.sections, si, si - 1) })}>
              Move section {si + 1} up
            </Button>
            <Button size="sm" variant="secondary" disabled={si === def.sections.length - 1} onClick={() => setDef({ ...def, sections: move(def.sections, si, si + 1) })}>
              Move section {si + 1} down
            </Button>
            <Button size="sm" variant="secondary" disabled={def.sections.length === 1} onClick={() => setDef({ ...def, sections: def.sections.filter((_, i) => i !== si) })}>
              Remove section {si + 1}
            </Button>
          </div>
          {err(`sections.${si}.fields`) ? <p className="text-sm font-medium text-danger">{err(`sections.${si}.fields`)}</p> : null}
          {s.fields.map((f, fi) => (
            <FieldEditor
              key={f.id}
              field={f}
              name={`Field ${si + 1}.${fi + 1}`}
              path={`sections.${si}.fields.${fi}`}
              err={err}
              first={fi === 0}
              last={fi === s.fields.length - 1}
              onChange={(nf) => setField(si, fi, nf)}
              onMove={(delta) => setSection(si, { fields: move(s.fields, fi, fi + delta) })}
              onRemove={() => setSection(si, { fields: s.fields.filter((_, j) => j !== fi) })}
            />
          ))}
          <Button size="sm" onClick={() => setSection(si, { fields: [...s.fields, { id: idFromLabel("field", fieldIds(def)), label: "New field", kind: "long_text" }] })}>
            Add a field to section {si + 1}
          </Button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() =>
          setDef({
            ...def,
            sections: [
              ...def.sections,
              { id: idFromLabel("section", new Set(def.sections.map((x) => x.id))), title: "New section", fields: [{ id: idFromLabel("field", fieldIds(def)), label: "New field", kind: "long_text" }] },
            ],
          })
        }
      >
        Add a section
      </Button>
      <NoteTemplatePreview definition={def} />
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-line bg-canvas py-3">
        <Button onClick={publish} disabled={publishing}>
          {publishing ? "Publishing…" : `Publish as version ${currentVersion + 1}`}
        </Button>
        <Button variant="secondary" onClick={() => (setDef(initial), setErrors({}), setStatus(""))}>
          Discard changes
        </Button>
      </div>
    </div>
  );
}

function Labeled({ label, value, onChange, error, multiline, className }: { label: string; value: string; onChange: (v: string) => void; error?: string; multiline?: boolean; className?: string }) {
  return (
    <label className={`block space-y-1 text-sm ${className ?? ""}`}>
      <span className="font-medium">{label}</span>
      {multiline ? (
        <Textarea rows={2} value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Input value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {error ? <span className="block font-medium text-danger">{error}</span> : null}
    </label>
  );
}

function numberOrUndefined(raw: string): number | undefined {
  return raw.trim() === "" || Number.isNaN(Number(raw)) ? undefined : Number(raw);
}

function FieldEditor({
  field: f,
  name,
  path,
  err,
  first,
  last,
  onChange,
  onMove,
  onRemove,
}: {
  field: NoteField;
  name: string;
  path: string;
  err: (path: string) => string | undefined;
  first: boolean;
  last: boolean;
  onChange: (f: NoteField) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
}) {
  const isText = f.kind === "short_text" || f.kind === "long_text";
  return (
    <div className="space-y-3 rounded-md border border-line bg-surface p-3">
      <Labeled label={`${name} label`} value={f.label} error={err(`${path}.label`)} onChange={(label) => onChange({ ...f, label })} />
      <label className="block space-y-1 text-sm">
        <span className="font-medium">{name} kind</span>
        <Select
          value={f.kind}
          onChange={(e) => {
            const kind = e.target.value as NoteField["kind"];
            onChange({
              ...f,
              kind,
              options: kind === "choice" ? (f.options ?? [{ value: "option_1", label: "Option 1" }, { value: "option_2", label: "Option 2" }]) : f.options,
              prefill: kind === "short_text" || kind === "long_text" ? f.prefill : undefined,
            });
          }}
        >
          {FIELD_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </Select>
      </label>
      <Labeled label={`${name} help for the clinician (optional)`} value={f.help ?? ""} error={err(`${path}.help`)} onChange={(help) => onChange({ ...f, help: help || undefined })} />
      {isText ? (
        <label className="block space-y-1 text-sm">
          <span className="font-medium">{name} filled from the session</span>
          <Select value={f.prefill ?? ""} onChange={(e) => onChange({ ...f, prefill: (e.target.value || undefined) as NotePrefill | undefined })}>
            {PREFILLS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
          {err(`${path}.prefill`) ? <span className="block font-medium text-danger">{err(`${path}.prefill`)}</span> : null}
        </label>
      ) : null}
      {f.kind === "number" ? (
        <div className="flex flex-wrap gap-2">
          <Labeled className="w-32" label={`${name} lowest`} value={f.min === undefined ? "" : String(f.min)} error={err(`${path}.min`)} onChange={(v) => onChange({ ...f, min: numberOrUndefined(v) })} />
          <Labeled className="w-32" label={`${name} highest`} value={f.max === undefined ? "" : String(f.max)} error={err(`${path}.max`)} onChange={(v) => onChange({ ...f, max: numberOrUndefined(v) })} />
          <Labeled className="w-32" label={`${name} unit (optional)`} value={f.unit ?? ""} error={err(`${path}.unit`)} onChange={(unit) => onChange({ ...f, unit: unit || undefined })} />
        </div>
      ) : null}
      {f.kind === "choice" ? (
        <div className="space-y-2">
          {(f.options ?? []).map((o, oi) => (
            <div key={o.value} className="flex items-end gap-2">
              <Labeled
                className="flex-1"
                label={`${name} option ${oi + 1}`}
                value={o.label}
                error={err(`${path}.options.${oi}.label`)}
                onChange={(label) => onChange({ ...f, options: f.options!.map((x, i) => (i === oi ? { ...x, label } : x)) })}
              />
              <Button size="sm" variant="secondary" aria-label={`Remove ${name} option ${oi + 1}`} onClick={() => onChange({ ...f, options: f.options!.filter((_, i) => i !== oi) })}>
                Remove
              </Button>
            </div>
          ))}
          {err(`${path}.options`) ? <p className="text-sm font-medium text-danger">{err(`${path}.options`)}</p> : null}
          <Button
            size="sm"
            variant="secondary"
            onClick={() => onChange({ ...f, options: [...(f.options ?? []), { value: idFromLabel("option", new Set((f.options ?? []).map((o) => o.value))), label: `Option ${(f.options?.length ?? 0) + 1}` }] })}
          >
            Add an option to {name.toLowerCase()}
          </Button>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" disabled={first} onClick={() => onMove(-1)}>
          Move {name.toLowerCase()} up
        </Button>
        <Button size="sm" variant="secondary" disabled={last} onClick={() => onMove(1)}>
          Move {name.toLowerCase()} down
        </Button>
        <Button size="sm" variant="danger" onClick={onRemove}>
          Remove {name.toLowerCase()}
        </Button>
      </div>
    </div>
  );
}
