"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { saveDraftAction, submitFormAction } from "@/app/(portal)/portal/[clientId]/forms/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { validateAnswers, visibleQuestionIds, type Answers } from "@/lib/intake/answers";
import { isAnswerable, type FormDefinition } from "@/lib/intake/form-definition";
import type { FieldErrors } from "@/lib/form-result";
import { NoticeBlock, QuestionInput, type AnswerForm } from "./question-input";

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: Date } | { kind: "error"; message: string };

const AUTOSAVE_MS = 800;

/** Blank inputs are "not answered": what validateAnswers and the server expect. */
function cleanAnswers(values: AnswerForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    if (typeof v === "object" && !Array.isArray(v) && "name" in v && !v.name && !v.agreed) continue;
    out[k] = v;
  }
  return out;
}

/** Draft answers as the inputs hold them (numbers typed as text go back as text). */
function toFormValues(def: FormDefinition, answers: Answers): AnswerForm {
  const out: AnswerForm = {};
  for (const s of def.sections)
    for (const q of s.questions) {
      if (!isAnswerable(q)) continue;
      const v = answers[q.id];
      out[q.id] = q.kind === "number" ? (v === undefined ? "" : String(v)) : (v ?? (q.kind === "multiple_choice" ? [] : q.kind === "short_text" || q.kind === "long_text" || q.kind === "date" ? "" : undefined));
    }
  return out;
}

/**
 * Fills in one form, one section per screen, with progress. Every change is
 * saved as a draft after a short pause (and on each step), so the client can
 * close the phone and finish on a laptop. Each step and the submit run the
 * same validateAnswers the server runs on submit.
 */
export function FormFiller({
  clientId,
  assignmentId,
  versionId,
  definition,
  initialAnswers,
  today,
}: {
  clientId: string;
  assignmentId: string;
  versionId: string;
  definition: FormDefinition;
  initialAnswers: Answers;
  today: string;
}) {
  const router = useRouter();
  const form = useForm<AnswerForm>({ defaultValues: toFormValues(definition, initialAnswers) });
  const values = useWatch({ control: form.control }) as AnswerForm;
  const serialized = JSON.stringify(cleanAnswers(values));
  const visible = useMemo(() => visibleQuestionIds(definition, JSON.parse(serialized) as Record<string, unknown>), [definition, serialized]);
  const steps = definition.sections.filter((s) => s.questions.some((q) => visible.has(q.id)));
  const [stepIndex, setStepIndex] = useState(0);
  const step = steps[Math.min(stepIndex, steps.length - 1)]!;
  const isLast = stepIndex >= steps.length - 1;
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [formError, setFormError] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);

  const placeErrors = useCallback(
    (errors: FieldErrors) => {
      for (const [field, messages] of Object.entries(errors)) {
        if (field === "form" || !(field in form.getValues())) setFormError(messages[0]);
        else form.setError(field, { type: "server", message: messages[0] });
      }
    },
    [form],
  );

  const saveNow = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return chain.current;
    dirty.current = false;
    // One save at a time, in order: the last one carries the newest answers.
    chain.current = chain.current.then(async () => {
      setSave({ kind: "saving" });
      try {
        const result = await saveDraftAction(clientId, assignmentId, { versionId, answers: cleanAnswers(form.getValues()) });
        // Answers changed while this save was on its way: they are not saved yet, so say nothing until they are.
        if (result.ok) setSave(dirty.current ? { kind: "idle" } : { kind: "saved", at: new Date(result.savedAt) });
        else {
          setSave({ kind: "error", message: result.message });
          placeErrors(result.errors);
        }
      } catch {
        setSave({ kind: "error", message: "Could not save; check your connection. Your answers are still on this screen." });
        dirty.current = true;
      }
    });
    return chain.current;
  }, [assignmentId, clientId, form, placeErrors, versionId]);

  // Autosave after a pause whenever the answers themselves change (not on every render).
  const lastSaved = useRef(serialized);
  useEffect(() => {
    if (serialized === lastSaved.current) return;
    lastSaved.current = serialized;
    dirty.current = true;
    // "Draft saved" is about the answers on screen: a change after the save takes it back until the next one.
    setSave((s) => (s.kind === "saved" ? { kind: "idle" } : s));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  }, [serialized, saveNow]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const goTo = (index: number) => {
    setStepIndex(index);
    setFormError(undefined);
    requestAnimationFrame(() => {
      window.scrollTo({ top: 0 });
      headingRef.current?.focus();
    });
  };

  const checkSections = (sectionIds?: string[]) => {
    form.clearErrors();
    const result = validateAnswers(definition, cleanAnswers(form.getValues()), "submit", sectionIds ? { sections: sectionIds } : {});
    if (result.ok) return true;
    placeErrors(result.errors);
    const first = Object.keys(result.errors)[0];
    const at = steps.findIndex((s) => s.questions.some((q) => q.id === first));
    if (at >= 0 && at !== stepIndex) goTo(at);
    if (first) requestAnimationFrame(() => form.setFocus(first));
    return false;
  };

  const next = async () => {
    if (!checkSections([step.id])) return;
    void saveNow();
    goTo(stepIndex + 1);
  };

  const submit = async () => {
    if (!checkSections()) return;
    setSubmitting(true);
    await saveNow();
    const result = await submitFormAction(clientId, assignmentId, { versionId, answers: cleanAnswers(form.getValues()) });
    setSubmitting(false);
    if (!result.ok) {
      placeErrors(result.errors);
      setFormError(result.message);
      return;
    }
    router.refresh();
  };

  const errors = form.formState.errors;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void (isLast ? submit() : next());
      }}
      className="space-y-5"
    >
      <div className="space-y-1">
        <p className="text-sm text-muted" id="progress-label">
          Step {stepIndex + 1} of {steps.length}
        </p>
        <progress aria-labelledby="progress-label" className="h-2 w-full overflow-hidden rounded-full accent-brand" value={stepIndex + 1} max={steps.length} />
      </div>
      <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold outline-none">
        {step.title}
      </h2>
      {step.help ? <p className="text-muted">{step.help}</p> : null}
      <FormError message={formError} />
      <div className="space-y-6">
        {step.questions
          .filter((q) => visible.has(q.id))
          .map((q) =>
            isAnswerable(q) ? (
              <QuestionInput key={q.id} q={q} control={form.control} register={form.register} error={errors[q.id]?.message as string | undefined} today={today} />
            ) : (
              <NoticeBlock key={q.id} q={q} />
            ),
          )}
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-muted">
        {save.kind === "saving" ? "Saving…" : save.kind === "saved" ? "Draft saved" : save.kind === "error" ? save.message : ""}
      </p>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-between">
        <Button variant="secondary" disabled={stepIndex === 0} onClick={() => goTo(stepIndex - 1)}>
          Back
        </Button>
        <Button type="submit" disabled={submitting}>
          {isLast ? (submitting ? "Submitting…" : "Submit") : "Next"}
        </Button>
      </div>
    </form>
  );
}
