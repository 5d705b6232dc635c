import type { AnswerValue, Answers, SignatureAnswer } from "./answers";
import { visibleQuestionIds } from "./answers";
import type { FormDefinition, Question, Section } from "./form-definition";

/**
 * FHIR R4 Questionnaire and QuestionnaireResponse for one form version and
 * one response, so another clinical system can take them in. Pure: the
 * caller passes ids, dates and the base URL.
 *
 * Mapping: sections are `group` items; short/long text `string`/`text`;
 * choices and Likert `choice` with `answerOption.valueCoding` (multiple
 * choice `repeats`); yes/no `boolean`; number `integer` or `decimal`; date
 * `date`; the 0–10 scale `integer` with minValue/maxValue extensions;
 * messages `display`; a signature (no R4 item type) a group of the typed
 * name and the "I agree" boolean. Show-if becomes `enableWhen` (any).
 */

type Json = Record<string, unknown>;

const MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

export interface QuestionnaireMeta {
  baseUrl: string;
  templateId: string;
  slug: string;
  version: number;
  publishedAt: Date;
  publisher?: string;
}

export function questionnaireUrl(meta: Pick<QuestionnaireMeta, "baseUrl" | "templateId">): string {
  return `${meta.baseUrl.replace(/\/$/, "")}/fhir/Questionnaire/${meta.templateId}`;
}

export function toQuestionnaire(def: FormDefinition, meta: QuestionnaireMeta): Json {
  const kinds = new Map<string, Question>(def.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  return {
    resourceType: "Questionnaire",
    id: `${meta.slug}-v${meta.version}`,
    url: questionnaireUrl(meta),
    version: String(meta.version),
    name: meta.slug.replace(/[^A-Za-z0-9]/g, "_").replace(/^[^A-Za-z]/, "Q"),
    title: def.title,
    status: "active",
    date: meta.publishedAt.toISOString(),
    ...(meta.publisher ? { publisher: meta.publisher } : {}),
    ...(def.description ? { description: def.description } : {}),
    item: def.sections.map((s) => sectionItem(s, kinds)),
  };
}

function sectionItem(s: Section, kinds: Map<string, Question>): Json {
  return { linkId: s.id, type: "group", text: s.title, item: s.questions.map((q) => questionItem(q, kinds)) };
}

function questionItem(q: Question, kinds: Map<string, Question>): Json {
  const base: Json = { linkId: q.id, text: q.label };
  if (q.kind !== "notice" && q.required) base.required = true;
  if (q.showIf) {
    const target = kinds.get(q.showIf.question);
    base.enableWhen = q.showIf.in.map((v) => ({ question: q.showIf!.question, operator: "=", ...enableAnswer(target, v) }));
    if (q.showIf.in.length > 1) base.enableBehavior = "any";
  }
  switch (q.kind) {
    case "short_text":
      return { ...base, type: "string" };
    case "long_text":
      return { ...base, type: "text" };
    case "single_choice":
    case "likert":
    case "multiple_choice":
      return {
        ...base,
        type: "choice",
        ...(q.kind === "multiple_choice" ? { repeats: true } : {}),
        answerOption: q.options.map((o) => ({ valueCoding: { code: o.value, display: o.label } })),
      };
    case "yes_no":
      return { ...base, type: "boolean" };
    case "number":
      return {
        ...base,
        type: q.integer ? "integer" : "decimal",
        ...(q.min !== undefined || q.max !== undefined
          ? {
              extension: [
                ...(q.min !== undefined ? [{ url: MIN_VALUE, [q.integer ? "valueInteger" : "valueDecimal"]: q.min }] : []),
                ...(q.max !== undefined ? [{ url: MAX_VALUE, [q.integer ? "valueInteger" : "valueDecimal"]: q.max }] : []),
              ],
            }
          : {}),
      };
    case "date":
      return { ...base, type: "date" };
    case "scale":
      return {
        ...base,
        type: "integer",
        extension: [
          { url: MIN_VALUE, valueInteger: 0 },
          { url: MAX_VALUE, valueInteger: 10 },
        ],
      };
    case "signature":
      return {
        ...base,
        type: "group",
        item: [
          { linkId: `${q.id}.agreed`, type: "boolean", text: q.agreement, required: q.required || undefined },
          { linkId: `${q.id}.name`, type: "string", text: "Typed full name", required: q.required || undefined },
        ],
      };
    case "notice":
      return { ...base, type: "display" };
  }
}

function enableAnswer(target: Question | undefined, v: string | number | boolean): Json {
  if (target?.kind === "yes_no") return { answerBoolean: v === true || v === "true" };
  if (target?.kind === "scale" || (target?.kind === "number" && target.integer)) return { answerInteger: Number(v) };
  if (target?.kind === "number") return { answerDecimal: Number(v) };
  return { answerCoding: { code: String(v) } };
}

export interface ResponseMeta extends QuestionnaireMeta {
  responseId: string;
  submittedAt: Date;
  subject: { id: string; display: string };
}

export function toQuestionnaireResponse(def: FormDefinition, answers: Answers, meta: ResponseMeta): Json {
  const visible = visibleQuestionIds(def, answers);
  const items = def.sections
    .map((s) => ({
      linkId: s.id,
      text: s.title,
      item: s.questions.filter((q) => visible.has(q.id) && answers[q.id] !== undefined).flatMap((q) => answerItem(q, answers[q.id]!)),
    }))
    .filter((g) => g.item.length > 0);
  return {
    resourceType: "QuestionnaireResponse",
    id: meta.responseId,
    questionnaire: `${questionnaireUrl(meta)}|${meta.version}`,
    status: "completed",
    authored: meta.submittedAt.toISOString(),
    subject: { reference: `Patient/${meta.subject.id}`, display: meta.subject.display },
    author: { reference: `Patient/${meta.subject.id}` },
    item: items,
  };
}

function answerItem(q: Question, value: AnswerValue): Json[] {
  const base = { linkId: q.id, text: q.label };
  switch (q.kind) {
    case "short_text":
    case "long_text":
      return [{ ...base, answer: [{ valueString: String(value) }] }];
    case "single_choice":
    case "likert":
    case "multiple_choice": {
      const values = Array.isArray(value) ? value : [String(value)];
      return [{ ...base, answer: values.map((v) => ({ valueCoding: { code: v, display: q.options.find((o) => o.value === v)?.label ?? v } })) }];
    }
    case "yes_no":
      return [{ ...base, answer: [{ valueBoolean: Boolean(value) }] }];
    case "number":
      return [{ ...base, answer: [q.integer ? { valueInteger: Number(value) } : { valueDecimal: Number(value) }] }];
    case "scale":
      return [{ ...base, answer: [{ valueInteger: Number(value) }] }];
    case "date":
      return [{ ...base, answer: [{ valueDate: String(value) }] }];
    case "signature": {
      const sig = value as SignatureAnswer;
      return [
        {
          ...base,
          item: [
            { linkId: `${q.id}.agreed`, answer: [{ valueBoolean: sig.agreed }] },
            { linkId: `${q.id}.name`, answer: [{ valueString: sig.name }] },
          ],
        },
      ];
    }
    case "notice":
      return [];
  }
}
