"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { publishVersionAction } from "@/app/(clinic)/clinic/[practice]/forms/actions";
import { Button } from "@/components/ui/button";
import { FormError, Input, Select, Textarea } from "@/components/ui/field";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { QUESTION_KINDS, QUESTION_KIND_LABELS, formDefinitionSchema, type FormDefinition, type Question, type QuestionKind, type Section } from "@/lib/intake/form-definition";
import { FormPreview } from "./form-preview";


function freshId(prefix: string, taken: Set<string>): string {
  let n = taken.size + 1;
  while (taken.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

function allIds(def: FormDefinition): Set<string> {
  return new Set(def.sections.flatMap((s) => s.questions.map((q) => q.id)));
}

/** A question of `kind` carrying over what still applies from `from`. */
function reshape(from: Question, kind: QuestionKind): Question {
  const base = { id: from.id, label: from.label, help: from.help, required: kind === "notice" ? false : from.required, showIf: from.showIf };
  const options = "options" in from ? from.options : [
    { value: "option_1", label: "Option 1" },
    { value: "option_2", label: "Option 2" },
  ];
  switch (kind) {
    case "single_choice":
    case "multiple_choice":
    case "likert":
      return { ...base, kind, options };
    case "signature":
      return { ...base, kind, agreement: "I have read and agree to the above." };
    case "notice":
      return { ...base, kind, tone: "info" };
    case "number":
      return { ...base, kind };
    default:
      return { ...base, kind } as Question;
  }
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

/**
 * Add, reorder, edit and preview a form's questions, then publish them as a
 * new version. Checked with the same formDefinitionSchema the server uses;
 * earlier versions (and every answer given on them) are never touched.
 */
export function FormBuilder({ practiceSlug, templateId, initial, currentVersion }: { practiceSlug: string; templateId: string; initial: FormDefinition; currentVersion: number }) {
  const router = useRouter();
  const [def, setDef] = useState<FormDefinition>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [tab, setTab] = useState<"edit" | "preview">("edit");
  const [status, setStatus] = useState<string>("");
  const [publishing, setPublishing] = useState(false);

  const err = (path: string) => errors[path]?.[0];
  const setSection = (si: number, patch: Partial<Section>) => setDef((d) => ({ ...d, sections: d.sections.map((s, i) => (i === si ? { ...s, ...patch } : s)) }));
  const setQuestion = (si: number, qi: number, q: Question) =>
    setDef((d) => ({ ...d, sections: d.sections.map((s, i) => (i === si ? { ...s, questions: s.questions.map((x, j) => (j === qi ? q : x)) } : s)) }));

  const publish = async () => {
    setStatus("");
    const parsed = formDefinitionSchema.safeParse(def);
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      setStatus("");
      return;
    }
    setPublishing(true);
    const result = await publishVersionAction(practiceSlug, templateId, parsed.data);
    setPublishing(false);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setStatus(`Published version ${result.version}. New and unstarted assignments use it; answers already given keep their version.`);
    router.refresh();
  };

  const errorCount = Object.keys(errors).length;
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Builder" className="flex gap-2">
        {(["edit", "preview"] as const).map((t) => (
          <button
            key={t}
            role="tab"
            type="button"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
            className={`min-h-11 rounded-md px-4 text-sm font-medium ${tab === t ? "bg-brand text-white" : "border border-line bg-surface"}`}
          >
            {t === "edit" ? "Edit" : "Preview"}
          </button>
        ))}
      </div>
      {errorCount > 0 ? <FormError message={errors.form?.[0] ?? `The form has ${errorCount} problem${errorCount === 1 ? "" : "s"}; see the highlighted fields.`} /> : null}
      <p aria-live="polite" className="text-sm font-medium text-ok">
        {status}
      </p>
      {tab === "preview" ? (
        <FormPreview definition={def} />
      ) : (
        <div className="space-y-4">
          <LabeledInput label="Form title" value={def.title} error={err("title")} onChange={(title) => setDef({ ...def, title })} />
          <LabeledText label="Introduction (optional)" value={def.description ?? ""} error={err("description")} onChange={(v) => setDef({ ...def, description: v || undefined })} />
          {def.sections.map((s, si) => (
            <fieldset key={s.id} className="space-y-3 rounded-lg border border-line p-3">
              <legend className="px-1 text-sm font-semibold">Screen {si + 1}</legend>
              <LabeledInput label={`Screen ${si + 1} title`} value={s.title} error={err(`sections.${si}.title`)} onChange={(title) => setSection(si, { title })} />
              <div className="flex flex-wrap gap-2">
                <Button size="sm" variant="secondary" disabled={si === 0} onClick={() => setDef({ ...def, sections: move(def.sections, si, si - 1) })}>
                  Move screen up
                </Button>
                <Button size="sm" variant="secondary" disabled={si === def.sections.length - 1} onClick={() => setDef({ ...def, sections: move(def.sections, si, si + 1) })}>
                  Move screen down
                </Button>
                <Button size="sm" variant="secondary" disabled={def.sections.length === 1} onClick={() => setDef({ ...def, sections: def.sections.filter((_, i) => i !== si) })}>
                  Remove screen
                </Button>
              </div>
              {err(`sections.${si}.questions`) ? <p className="text-sm text-danger">{err(`sections.${si}.questions`)}</p> : null}
              {s.questions.map((q, qi) => (
                <QuestionEditor
                  key={q.id}
                  q={q}
                  number={qi + 1}
                  path={`sections.${si}.questions.${qi}`}
                  earlier={def.sections.slice(0, si + 1).flatMap((x, i) => (i < si ? x.questions : x.questions.slice(0, qi)))}
                  err={err}
                  onChange={(nq) => setQuestion(si, qi, nq)}
                  onMove={(delta) => setSection(si, { questions: move(s.questions, qi, qi + delta) })}
                  onRemove={() => setSection(si, { questions: s.questions.filter((_, j) => j !== qi) })}
                  first={qi === 0}
                  last={qi === s.questions.length - 1}
                />
              ))}
              <Button
                size="sm"
                onClick={() => setSection(si, { questions: [...s.questions, { id: freshId("question", allIds(def)), kind: "short_text", label: "New question", required: false }] })}
              >
                Add a question to screen {si + 1}
              </Button>
            </fieldset>
          ))}
          <Button
            variant="secondary"
            onClick={() => {
              const sectionIds = new Set(def.sections.map((x) => x.id));
              setDef({
                ...def,
                sections: [...def.sections, { id: freshId("section", sectionIds), title: "New screen", questions: [{ id: freshId("question", allIds(def)), kind: "short_text", label: "New question", required: false }] }],
              });
            }}
          >
            Add a screen
          </Button>
        </div>
      )}
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-line bg-canvas py-3">
        <Button onClick={publish} disabled={publishing}>
          {publishing ? "Publishing…" : `Publish as version ${currentVersion + 1}`}
        </Button>
        <Button variant="secondary" onClick={() => (setDef(initial), setErrors({}))}>
          Discard changes
        </Button>
      </div>
    </div>
  );
}

function LabeledInput({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <label className="block space-y-1 text-sm">
      <span className="font-medium">{label}</span>
      <Input value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      {error ? <span className="block font-medium text-danger">{error}</span> : null}
    </label>
  );
}

function LabeledText({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <label className="block space-y-1 text-sm">
      <span className="font-medium">{label}</span>
      <Textarea rows={2} value={value} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
      {error ? <span className="block font-medium text-danger">{error}</span> : null}
    </label>
  );
}

function QuestionEditor({
  q,
  number,
  path,
  earlier,
  err,
  onChange,
  onMove,
  onRemove,
  first,
  last,
}: {
  q: Question;
  number: number;
  path: string;
  earlier: Question[];
  err: (path: string) => string | undefined;
  onChange: (q: Question) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}) {
  const targets = earlier.filter((x) => x.kind !== "notice" && x.kind !== "signature");
  const target = q.showIf ? targets.find((x) => x.id === q.showIf!.question) : undefined;
  const name = `Question ${number}`;
  return (
    <div className="space-y-3 rounded-md border border-line bg-surface p-3" data-testid={`question-${q.id}`}>
      <div className="flex flex-wrap items-end gap-2">
        <label className="block space-y-1 text-sm">
          <span className="font-medium">{name} type</span>
          <Select value={q.kind} onChange={(e) => onChange(reshape(q, e.target.value as QuestionKind))}>
            {QUESTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {QUESTION_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </label>
        {q.kind !== "notice" ? (
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" className="size-5 accent-brand" checked={q.required} onChange={(e) => onChange({ ...q, required: e.target.checked })} />
            {name} required
          </label>
        ) : null}
        <span className="text-xs text-muted">key: {q.id}</span>
      </div>
      {q.kind === "notice" ? (
        <LabeledText label={`${name} message`} value={q.label} error={err(`${path}.label`)} onChange={(label) => onChange({ ...q, label })} />
      ) : (
        <LabeledInput label={`${name} text`} value={q.label} error={err(`${path}.label`)} onChange={(label) => onChange({ ...q, label })} />
      )}
      <LabeledInput label={`${name} help (optional)`} value={q.help ?? ""} error={err(`${path}.help`)} onChange={(help) => onChange({ ...q, help: help || undefined })} />
      {"options" in q ? (
        <div className="space-y-2">
          {q.options.map((o, oi) => (
            <div key={o.value} className="flex items-end gap-2">
              <div className="flex-1">
                <LabeledInput
                  label={`${name} option ${oi + 1}`}
                  value={o.label}
                  error={err(`${path}.options.${oi}.label`)}
                  onChange={(label) => onChange({ ...q, options: q.options.map((x, i) => (i === oi ? { ...x, label } : x)) })}
                />
              </div>
              <Button size="sm" variant="secondary" aria-label={`Remove ${name} option ${oi + 1}`} onClick={() => onChange({ ...q, options: q.options.filter((_, i) => i !== oi) })}>
                Remove
              </Button>
            </div>
          ))}
          {err(`${path}.options`) ? <p className="text-sm text-danger">{err(`${path}.options`)}</p> : null}
          <Button
            size="sm"
            variant="secondary"
            onClick={() => onChange({ ...q, options: [...q.options, { value: freshId("option", new Set(q.options.map((o) => o.value))), label: `Option ${q.options.length + 1}` }] })}
          >
            Add an option to {name.toLowerCase()}
          </Button>
        </div>
      ) : null}
      {q.kind === "number" ? (
        <div className="flex flex-wrap gap-2">
          {(["min", "max"] as const).map((k) => (
            <label key={k} className="block space-y-1 text-sm">
              <span className="font-medium">
                {name} {k === "min" ? "minimum" : "maximum"}
              </span>
              <Input
                inputMode="decimal"
                className="max-w-32"
                value={q[k] ?? ""}
                onChange={(e) => onChange({ ...q, [k]: e.target.value === "" || Number.isNaN(Number(e.target.value)) ? undefined : Number(e.target.value) })}
              />
              {err(`${path}.${k}`) ? <span className="block text-danger">{err(`${path}.${k}`)}</span> : null}
            </label>
          ))}
        </div>
      ) : null}
      {q.kind === "signature" ? <LabeledText label={`${name} agreement`} value={q.agreement} error={err(`${path}.agreement`)} onChange={(agreement) => onChange({ ...q, agreement })} /> : null}
      {targets.length > 0 ? (
        <div className="space-y-2 rounded-md bg-canvas p-2">
          <label className="block space-y-1 text-sm">
            <span className="font-medium">Show {name.toLowerCase()} only if</span>
            <Select
              value={q.showIf?.question ?? ""}
              onChange={(e) => onChange({ ...q, showIf: e.target.value ? { question: e.target.value, in: [] } : undefined })}
            >
              <option value="">Always show</option>
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label.slice(0, 60)}
                </option>
              ))}
            </Select>
          </label>
          {q.showIf && target ? (
            <fieldset className="flex flex-wrap gap-3 text-sm">
              <legend className="mb-1 font-medium">…is answered with</legend>
              {(target.kind === "yes_no"
                ? [
                    { value: true as string | boolean, label: "Yes" },
                    { value: false as string | boolean, label: "No" },
                  ]
                : "options" in target
                  ? target.options.map((o) => ({ value: o.value as string | boolean, label: o.label }))
                  : Array.from({ length: 11 }, (_, n) => ({ value: String(n) as string | boolean, label: String(n) }))
              ).map((o) => {
                const on = q.showIf!.in.some((v) => String(v) === String(o.value));
                return (
                  <label key={String(o.value)} className="flex min-h-9 items-center gap-2">
                    <input
                      type="checkbox"
                      className="size-5 accent-brand"
                      checked={on}
                      onChange={() =>
                        onChange({ ...q, showIf: { question: q.showIf!.question, in: on ? q.showIf!.in.filter((v) => String(v) !== String(o.value)) : [...q.showIf!.in, o.value] } })
                      }
                    />
                    {o.label}
                  </label>
                );
              })}
              {err(`${path}.showIf.in`) ? <p className="w-full text-danger">{err(`${path}.showIf.in`)}</p> : null}
            </fieldset>
          ) : null}
          {err(`${path}.showIf.question`) ? <p className="text-sm text-danger">{err(`${path}.showIf.question`)}</p> : null}
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
