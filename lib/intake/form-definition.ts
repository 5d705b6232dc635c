import { z } from "zod";

/**
 * The definition of one form version: sections of questions, stored as JSON
 * on `form_versions.definition` and validated by this schema whenever one is
 * published (by the builder or the seed). Versions never change once
 * published, so this schema is also what every old response was answered on.
 */

export const QUESTION_KINDS = [
  "short_text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "yes_no",
  "number",
  "date",
  "scale",
  "likert",
  "signature",
  "notice",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  short_text: "Short text",
  long_text: "Long text",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  yes_no: "Yes / no",
  number: "Number",
  date: "Date",
  scale: "0–10 scale",
  likert: "Likert",
  signature: "Signature",
  notice: "Message (no answer)",
};

/** Bounds on what a client may type: the same on the phone and the server. */
export const TEXT_LIMITS = { short_text: 300, long_text: 5000, signature: 200 } as const;

const idSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, "Use lower-case letters, digits and _ (start with a letter)");
const textSchema = (max: number) => z.string().trim().min(1, "Required").max(max, `At most ${max} characters`);

export const optionSchema = z.object({
  value: z.string().trim().min(1, "Required").max(60),
  label: textSchema(300),
});
export type ChoiceOption = z.infer<typeof optionSchema>;

/** Shown only when the named earlier question's answer is (or, for multiple choice, includes) one of `in`. */
export const showIfSchema = z.object({
  question: idSchema,
  in: z.array(z.union([z.string().max(60), z.boolean(), z.number()])).min(1, "Pick at least one answer").max(20),
});
export type ShowIf = z.infer<typeof showIfSchema>;

/**
 * A question that screens for risk (the intake's partner-safety question,
 * PHQ-9 item 9): submitting one of `triggers` raises a safety flag for the
 * client's clinicians (lib/safety/). Values as the answer stores them: an
 * option's value, true/false for yes/no, a number for a scale or number.
 */
export const safetyItemSchema = z.object({
  triggers: z.array(z.union([z.string().max(60), z.boolean(), z.number()])).min(1, "Pick at least one answer that raises a flag").max(30),
});
export type SafetyItem = z.infer<typeof safetyItemSchema>;

/** The kinds whose answers can be compared with a safety item's triggers. */
export const SAFETY_ITEM_KINDS = ["single_choice", "multiple_choice", "likert", "yes_no", "scale", "number"] as const satisfies readonly QuestionKind[];

const base = {
  id: idSchema,
  label: textSchema(1000),
  help: z.string().trim().max(2000).optional(),
  required: z.boolean().default(false),
  showIf: showIfSchema.optional(),
  safety: safetyItemSchema.optional(),
};

const choices = z.array(optionSchema).min(2, "Give at least two options").max(30);

export const questionSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("short_text") }),
  z.object({ ...base, kind: z.literal("long_text") }),
  z.object({ ...base, kind: z.literal("single_choice"), options: choices }),
  z.object({ ...base, kind: z.literal("multiple_choice"), options: choices }),
  z.object({ ...base, kind: z.literal("yes_no") }),
  z.object({
    ...base,
    kind: z.literal("number"),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    integer: z.boolean().optional(),
    unit: z.string().trim().max(30).optional(),
  }),
  z.object({ ...base, kind: z.literal("date") }),
  z.object({ ...base, kind: z.literal("scale"), minLabel: z.string().trim().max(80).optional(), maxLabel: z.string().trim().max(80).optional() }),
  z.object({ ...base, kind: z.literal("likert"), options: choices }),
  z.object({ ...base, kind: z.literal("signature"), agreement: textSchema(4000) }),
  z.object({ ...base, kind: z.literal("notice"), tone: z.enum(["info", "alert"]).default("info") }),
]);
export type Question = z.infer<typeof questionSchema>;
export type AnswerableQuestion = Exclude<Question, { kind: "notice" }>;

export const sectionSchema = z.object({
  id: idSchema,
  title: textSchema(200),
  help: z.string().trim().max(2000).optional(),
  questions: z.array(questionSchema).min(1, "A section needs at least one question").max(60),
});
export type Section = z.infer<typeof sectionSchema>;

export const formDefinitionSchema = z
  .object({
    title: textSchema(200),
    description: z.string().trim().max(4000).optional(),
    sections: z.array(sectionSchema).min(1, "A form needs at least one section").max(30),
  })
  .superRefine((def, ctx) => {
    const seen = new Map<string, Question>();
    const sectionIds = new Set<string>();
    def.sections.forEach((section, s) => {
      if (sectionIds.has(section.id)) ctx.addIssue({ code: "custom", path: ["sections", s, "id"], message: `Section id "${section.id}" is used twice` });
      sectionIds.add(section.id);
      section.questions.forEach((q, i) => {
        const path = ["sections", s, "questions", i];
        if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: [...path, "id"], message: `Question id "${q.id}" is used twice` });
        if ("options" in q) {
          const values = q.options.map((o) => o.value);
          if (new Set(values).size !== values.length) ctx.addIssue({ code: "custom", path: [...path, "options"], message: "Each option needs its own value" });
        }
        if (q.kind === "number" && q.min !== undefined && q.max !== undefined && q.min > q.max) {
          ctx.addIssue({ code: "custom", path: [...path, "max"], message: "The maximum must not be below the minimum" });
        }
        if (q.kind === "notice" && q.required) ctx.addIssue({ code: "custom", path: [...path, "required"], message: "A message has no answer to require" });
        if (q.safety) {
          const triggerPath = [...path, "safety", "triggers"];
          if (!(SAFETY_ITEM_KINDS as readonly string[]).includes(q.kind)) {
            ctx.addIssue({ code: "custom", path: [...path, "safety"], message: "Only a choice, yes/no, number or scale question can be a safety item" });
          } else if ("options" in q) {
            const values = new Set(q.options.map((o) => o.value));
            if (q.safety.triggers.some((t) => typeof t !== "string" || !values.has(t))) {
              ctx.addIssue({ code: "custom", path: triggerPath, message: "Each trigger must be one of the question's options" });
            }
          } else if (q.kind === "yes_no" && q.safety.triggers.some((t) => typeof t !== "boolean")) {
            ctx.addIssue({ code: "custom", path: triggerPath, message: "A yes/no question's triggers are yes or no" });
          } else if ((q.kind === "scale" || q.kind === "number") && q.safety.triggers.some((t) => typeof t !== "number")) {
            ctx.addIssue({ code: "custom", path: triggerPath, message: "A number or scale question's triggers are numbers" });
          }
        }
        if (q.showIf) {
          const target = seen.get(q.showIf.question);
          if (!target) {
            ctx.addIssue({ code: "custom", path: [...path, "showIf", "question"], message: "Show-if must name an earlier question" });
          } else if (target.kind === "notice" || target.kind === "signature") {
            ctx.addIssue({ code: "custom", path: [...path, "showIf", "question"], message: "Show-if needs a question with a choice, yes/no, number or scale answer" });
          }
        }
        seen.set(q.id, q);
      });
    });
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

/** Every question of a definition in order, with its section. */
export function allQuestions(def: FormDefinition): { section: Section; question: Question }[] {
  return def.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
}

export function isAnswerable(q: Question): q is AnswerableQuestion {
  return q.kind !== "notice";
}
