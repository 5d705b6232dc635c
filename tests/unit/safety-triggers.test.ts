import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COUPLES_INTAKE, SAFETY_RESOURCES_MESSAGE, TEMPLATES_BY_KIND } from "@/lib/intake/starter-templates";
import { formDefinitionSchema, type FormDefinition } from "@/lib/intake/form-definition";
import { MEASURE_DEFINITIONS } from "@/lib/intake/measures/definitions";
import { safetyItemIds, triggeredSafetyItems } from "@/lib/safety/triggers";

const one = (question: Record<string, unknown>): unknown => ({ title: "T", sections: [{ id: "s", title: "S", questions: [question] }] });

describe("safety items: which answers raise a flag", () => {
  it("the couples intake's partner-safety question: every answer but No", () => {
    expect(safetyItemIds(COUPLES_INTAKE)).toEqual(["feels_safe"]);
    for (const v of ["sometimes", "yes", "prefer_private"]) expect(triggeredSafetyItems(COUPLES_INTAKE, { feels_safe: v })).toEqual(["feels_safe"]);
    expect(triggeredSafetyItems(COUPLES_INTAKE, { feels_safe: "no" })).toEqual([]);
    expect(triggeredSafetyItems(COUPLES_INTAKE, {})).toEqual([]);
  });

  it("PHQ-9 item 9: any answer above 0, compared as text", () => {
    const phq = MEASURE_DEFINITIONS.phq9;
    expect(safetyItemIds(phq)).toEqual(["q9"]);
    expect(triggeredSafetyItems(phq, { q9: "0" })).toEqual([]);
    for (const v of ["1", "2", "3"]) expect(triggeredSafetyItems(phq, { q9: v })).toEqual(["q9"]);
    expect(triggeredSafetyItems(phq, { q1: "3", q8: "3" })).toEqual([]);
  });

  it("a hidden question never triggers; multiple choice triggers on any chosen trigger", () => {
    const def = formDefinitionSchema.parse({
      title: "T",
      sections: [
        {
          id: "s",
          title: "S",
          questions: [
            { id: "ask", kind: "yes_no", label: "Ask?", required: true },
            { id: "hidden", kind: "scale", label: "How bad?", showIf: { question: "ask", in: [true] }, safety: { triggers: [9, 10] } },
            { id: "many", kind: "multiple_choice", label: "Which?", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }], safety: { triggers: ["b"] } },
          ],
        },
      ],
    }) as FormDefinition;
    expect(triggeredSafetyItems(def, { ask: false, hidden: 10 })).toEqual([]);
    expect(triggeredSafetyItems(def, { ask: true, hidden: 10 })).toEqual(["hidden"]);
    expect(triggeredSafetyItems(def, { ask: true, hidden: 8, many: ["a", "b"] })).toEqual(["many"]);
    expect(triggeredSafetyItems(def, { ask: true, many: ["a"] })).toEqual([]);
  });

  it("a definition's safety marks are checked: options must exist, kinds must be comparable", () => {
    const choice = { id: "q", kind: "single_choice", label: "Q", options: [{ value: "a", label: "A" }, { value: "b", label: "B" }] };
    expect(formDefinitionSchema.safeParse(one({ ...choice, safety: { triggers: ["b"] } })).success).toBe(true);
    expect(formDefinitionSchema.safeParse(one({ ...choice, safety: { triggers: ["c"] } })).success).toBe(false);
    expect(formDefinitionSchema.safeParse(one({ ...choice, safety: { triggers: [] } })).success).toBe(false);
    expect(formDefinitionSchema.safeParse(one({ id: "t", kind: "long_text", label: "T", safety: { triggers: ["x"] } })).success).toBe(false);
    expect(formDefinitionSchema.safeParse(one({ id: "y", kind: "yes_no", label: "Y", safety: { triggers: [true] } })).success).toBe(true);
    expect(formDefinitionSchema.safeParse(one({ id: "y", kind: "yes_no", label: "Y", safety: { triggers: ["yes"] } })).success).toBe(false);
    expect(formDefinitionSchema.safeParse(one({ id: "n", kind: "scale", label: "N", safety: { triggers: ["9"] } })).success).toBe(false);
  });

  it("every seeded template and measure still parses with its marks", () => {
    for (const list of Object.values(TEMPLATES_BY_KIND)) for (const t of list) expect(formDefinitionSchema.safeParse(t.definition).success).toBe(true);
    for (const def of Object.values(MEASURE_DEFINITIONS)) expect(formDefinitionSchema.safeParse(def).success).toBe(true);
  });

  it("the portal's message promises what happens: the clinician is told on submission", () => {
    expect(SAFETY_RESOURCES_MESSAGE).toContain("Your clinician is told as soon as you submit this form");
    expect(SAFETY_RESOURCES_MESSAGE).not.toContain("before your first session");
  });

  it("nothing the client portal renders reads safety flags (a partner never sees the other's)", () => {
    const root = path.join(process.cwd(), "app", "(portal)");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(f, "utf8"), f).not.toMatch(/lib\/safety|safetyFlags|safety_flags/);
  });
});
