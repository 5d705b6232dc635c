import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import type { FieldErrors } from "@/lib/form-result";
import { TEXT_LIMITS, allQuestions, isAnswerable, type AnswerableQuestion, type FormDefinition, type Question, type ShowIf } from "./form-definition";

/** What a client typed for a signature; the time and IP are recorded by the server. */
export interface SignatureAnswer {
  name: string;
  agreed: boolean;
}
export type AnswerValue = string | number | boolean | string[] | SignatureAnswer;
/** Answers keyed by question id. */
export type Answers = Record<string, AnswerValue>;

/** Whether a question is shown, given the answers so far (show-if chains: a hidden question hides its dependants). */
export function visibleQuestionIds(def: FormDefinition, answers: Record<string, unknown>): Set<string> {
  const visible = new Set<string>();
  for (const { question } of allQuestions(def)) {
    if (!question.showIf || conditionHolds(question.showIf, visible, answers)) visible.add(question.id);
  }
  return visible;
}

function conditionHolds(cond: ShowIf, visible: Set<string>, answers: Record<string, unknown>): boolean {
  if (!visible.has(cond.question)) return false;
  const answer = answers[cond.question];
  if (answer === undefined || answer === null || answer === "") return false;
  const values = Array.isArray(answer) ? answer : [answer];
  // Numbers may arrive as strings from a text input; compare as text.
  return values.some((v) => cond.in.some((wanted) => String(wanted) === String(v)));
}

/** "" and [] mean "not answered", the way an empty input leaves them. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);
}

const numeric = (v: unknown) => (typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : v);

/** The zod schema of one question's (non-blank) answer. */
export function answerSchema(q: AnswerableQuestion): z.ZodType<AnswerValue> {
  switch (q.kind) {
    case "short_text":
    case "long_text":
      return z.string("Enter text").trim().max(TEXT_LIMITS[q.kind], `Keep this under ${TEXT_LIMITS[q.kind]} characters`);
    case "single_choice":
    case "likert": {
      const values = q.options.map((o) => o.value);
      return z.string("Choose one of the options").refine((v) => values.includes(v), "Choose one of the options");
    }
    case "multiple_choice": {
      const values = q.options.map((o) => o.value);
      return z
        .array(z.string(), "Choose from the options")
        .max(values.length)
        .refine((vs) => vs.every((v) => values.includes(v)) && new Set(vs).size === vs.length, "Choose from the options");
    }
    case "yes_no":
      return z.boolean("Answer yes or no");
    case "number": {
      let n = z.number("Enter a number").finite("Enter a number");
      if (q.integer) n = n.int("Enter a whole number");
      if (q.min !== undefined) n = n.min(q.min, `Enter ${q.min} or more`);
      if (q.max !== undefined) n = n.max(q.max, `Enter ${q.max} or less`);
      return z.preprocess(numeric, n) as z.ZodType<number>;
    }
    case "date":
      return z
        .string("Enter a date")
        .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
        .refine(isIsoDate, "Enter a real date");
    case "scale":
      return z.preprocess(numeric, z.number("Choose a number from 0 to 10").int("Choose a number from 0 to 10").min(0, "Choose a number from 0 to 10").max(10, "Choose a number from 0 to 10")) as z.ZodType<number>;
    case "signature":
      return z.object(
        {
          name: z.string().trim().max(TEXT_LIMITS.signature, `Keep your name under ${TEXT_LIMITS.signature} characters`),
          agreed: z.boolean(),
        },
        "Type your full name and tick the box",
      );
  }
}

export type AnswersMode = "draft" | "submit";

export type AnswersResult = { ok: true; answers: Answers } | { ok: false; errors: FieldErrors };

/**
 * Checks answers against a version's definition. Both modes refuse unknown
 * question ids, answers of the wrong kind and oversized text. "submit" also
 * requires every visible required question (and a signed signature), and
 * drops answers to questions the client's own answers hid. `sections`
 * limits the required-check to some sections (one screen on a phone).
 * Errors are keyed by question id, so a form places them next to fields.
 */
export function validateAnswers(
  def: FormDefinition,
  input: unknown,
  mode: AnswersMode,
  options: { sections?: string[] } = {},
): AnswersResult {
  const errors: FieldErrors = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { ok: false, errors: { form: ["Answers must be an object"] } };
  const raw = input as Record<string, unknown>;
  const byId = new Map<string, { question: Question; sectionId: string }>(allQuestions(def).map(({ section, question }) => [question.id, { question, sectionId: section.id }]));

  for (const key of Object.keys(raw)) {
    const entry = byId.get(key);
    if (!entry || !isAnswerable(entry.question)) add(key, "This question is not on this form");
  }
  const out: Answers = {};
  for (const [id, { question }] of byId) {
    if (!isAnswerable(question) || isBlank(raw[id])) continue;
    const parsed = answerSchema(question).safeParse(raw[id]);
    if (!parsed.success) add(id, parsed.error.issues[0]?.message ?? "Invalid answer");
    else if (!(question.kind === "signature" && isBlankSignature(parsed.data as SignatureAnswer)) && !(typeof parsed.data === "string" && parsed.data === "")) {
      out[id] = parsed.data;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (mode === "draft") return { ok: true, answers: out };

  const visible = visibleQuestionIds(def, out);
  const inScope = options.sections ? new Set(options.sections) : null;
  for (const [id, { question, sectionId }] of byId) {
    if (!isAnswerable(question)) continue;
    if (!visible.has(id)) {
      delete out[id];
      continue;
    }
    if (inScope && !inScope.has(sectionId)) continue;
    const answer = out[id];
    if (question.kind === "signature" && answer !== undefined) {
      const sig = answer as SignatureAnswer;
      if (sig.name.length < 2) add(id, "Type your full name to sign");
      else if (!sig.agreed) add(id, "Tick the box to agree");
    } else if (question.required && answer === undefined) {
      add(id, question.kind === "signature" ? "Type your full name and tick the box to sign" : "This question needs an answer");
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, answers: out };
}

function isBlankSignature(sig: SignatureAnswer): boolean {
  return sig.name === "" && !sig.agreed;
}

/** The first signature answered on a form, if any. */
export function signatureOf(def: FormDefinition, answers: Answers): SignatureAnswer | null {
  for (const { question } of allQuestions(def)) {
    if (question.kind === "signature" && answers[question.id] !== undefined) return answers[question.id] as SignatureAnswer;
  }
  return null;
}
