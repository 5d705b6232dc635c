import { describe, expect, test } from "vitest";
import { COUPLES_INTAKE, INFORMED_CONSENT, MEASURES_BY_KIND, POSTPARTUM_INTAKE, TEMPLATES_BY_KIND } from "@/lib/intake/starter-templates";
import { validateAnswers, visibleQuestionIds } from "@/lib/intake/answers";
import { formDefinitionSchema, type FormDefinition } from "@/lib/intake/form-definition";

const completeCouples = {
  together_years: 7,
  status: "married",
  has_children: true,
  children_ages: "3 and 1",
  reason: "We keep missing each other.",
  hopes: "More warmth.",
  closeness: 4,
  prior_therapy: false,
  feels_safe: "no",
};

describe("form definitions", () => {
  test("every seeded template is valid", () => {
    for (const list of Object.values(TEMPLATES_BY_KIND)) for (const t of list) expect(formDefinitionSchema.safeParse(t.definition).error).toBeUndefined();
    expect(Object.values(MEASURES_BY_KIND).flat().length).toBeGreaterThan(0);
  });

  test("show-if must point at an earlier question; ids must be unique", () => {
    const bad: FormDefinition = {
      title: "T",
      sections: [
        {
          id: "s",
          title: "S",
          questions: [
            { id: "a", kind: "short_text", label: "A", required: false, showIf: { question: "b", in: [true] } },
            { id: "b", kind: "yes_no", label: "B", required: false },
            { id: "b", kind: "yes_no", label: "B again", required: false },
          ],
        },
      ],
    };
    const result = formDefinitionSchema.safeParse(bad);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toContain("Show-if must name an earlier question");
    expect(messages).toContain('Question id "b" is used twice');
  });

  test("a choice question needs two distinct options", () => {
    const result = formDefinitionSchema.safeParse({
      title: "T",
      sections: [{ id: "s", title: "S", questions: [{ id: "a", kind: "single_choice", label: "A", options: [{ value: "x", label: "X" }] }] }],
    });
    expect(result.error?.issues[0]?.message).toBe("Give at least two options");
  });
});

describe("answers", () => {
  test("a complete couples intake is valid and drops nothing visible", () => {
    const result = validateAnswers(COUPLES_INTAKE, completeCouples, "submit");
    expect(result).toEqual({ ok: true, answers: completeCouples });
  });

  test("missing required answers are errors on their own question ids", () => {
    const result = validateAnswers(COUPLES_INTAKE, { ...completeCouples, reason: "", hopes: undefined, children_ages: "" }, "submit");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ children_ages: ["This question needs an answer"], reason: ["This question needs an answer"], hopes: ["This question needs an answer"] });
  });

  test("a question hidden by show-if is not required and its answer is dropped on submit", () => {
    const answers = { ...completeCouples, has_children: false, children_ages: "stale" };
    const result = validateAnswers(COUPLES_INTAKE, answers, "submit");
    expect(result.ok && result.answers.children_ages).toBe(undefined);
    expect(result.ok).toBe(true);
  });

  test("the safety-resources message shows only when the answer raises a concern", () => {
    expect(visibleQuestionIds(COUPLES_INTAKE, { feels_safe: "no" }).has("safety_resources")).toBe(false);
    for (const v of ["sometimes", "yes", "prefer_private"]) expect(visibleQuestionIds(COUPLES_INTAKE, { feels_safe: v }).has("safety_resources")).toBe(true);
  });

  test("drafts skip required checks but still refuse wrong kinds, unknown ids and oversized text", () => {
    expect(validateAnswers(COUPLES_INTAKE, { reason: "started" }, "draft")).toEqual({ ok: true, answers: { reason: "started" } });
    const bad = validateAnswers(COUPLES_INTAKE, { has_children: "yes", status: "engaged", closeness: 11, reason: "x".repeat(5001), nope: 1 }, "draft");
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.has_children).toEqual(["Answer yes or no"]);
      expect(bad.errors.status).toEqual(["Choose one of the options"]);
      expect(bad.errors.closeness).toEqual(["Choose a number from 0 to 10"]);
      expect(bad.errors.reason).toEqual(["Keep this under 5000 characters"]);
      expect(bad.errors.nope).toEqual(["This question is not on this form"]);
    }
  });

  test("numbers from a text input are read as numbers and checked against their bounds", () => {
    const ok = validateAnswers(POSTPARTUM_INTAKE, { weeks_postpartum: "8" }, "draft");
    expect(ok).toEqual({ ok: true, answers: { weeks_postpartum: 8 } });
    const frac = validateAnswers(POSTPARTUM_INTAKE, { weeks_postpartum: "8.5" }, "draft");
    expect(!frac.ok && frac.errors.weeks_postpartum).toEqual(["Enter a whole number"]);
  });

  test("a signature needs a typed name and the box ticked", () => {
    const none = validateAnswers(INFORMED_CONSENT, {}, "submit");
    expect(!none.ok && none.errors.signature).toEqual(["Type your full name and tick the box to sign"]);
    const unticked = validateAnswers(INFORMED_CONSENT, { signature: { name: "Ana Reyes", agreed: false } }, "submit");
    expect(!unticked.ok && unticked.errors.signature).toEqual(["Tick the box to agree"]);
    const signed = validateAnswers(INFORMED_CONSENT, { signature: { name: " Ana Reyes ", agreed: true } }, "submit");
    expect(signed).toEqual({ ok: true, answers: { signature: { name: "Ana Reyes", agreed: true } } });
  });

  test("the required check can be limited to one screen's sections", () => {
    const result = validateAnswers(COUPLES_INTAKE, { together_years: 2, status: "married", has_children: false }, "submit", { sections: ["relationship"] });
    expect(result.ok).toBe(true);
  });

  test("dates must be real", () => {
    const def: FormDefinition = { title: "T", sections: [{ id: "s", title: "S", questions: [{ id: "d", kind: "date", label: "D", required: true }] }] };
    expect(validateAnswers(def, { d: "2026-02-30" }, "submit").ok).toBe(false);
    expect(validateAnswers(def, { d: "2026-02-28" }, "submit").ok).toBe(true);
  });
});
