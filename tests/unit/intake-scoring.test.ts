import { describe, expect, test } from "vitest";
import { formDefinitionSchema } from "@/lib/intake/form-definition";
import { MEASURE_DEFINITIONS } from "@/lib/intake/measures/definitions";
import { scoreCsi4 } from "@/lib/intake/measures/score-csi4";
import { scoreGad7 } from "@/lib/intake/measures/score-gad7";
import { scorePain } from "@/lib/intake/measures/score-pain";
import { scorePhq9 } from "@/lib/intake/measures/score-phq9";

/** Answers whose item scores add up to `total` (each item 0..max, filled left to right). */
function answersFor(ids: readonly string[], total: number, max: number): Record<string, string> {
  const out: Record<string, string> = {};
  let left = total;
  for (const id of ids) {
    const v = Math.min(max, left);
    out[id] = String(v);
    left -= v;
  }
  if (left !== 0) throw new Error(`cannot reach ${total}`);
  return out;
}

const PHQ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"];
const GAD = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"];

describe("PHQ-9", () => {
  test.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "moderately_severe"],
    [19, "moderately_severe"],
    [20, "severe"],
    [27, "severe"],
  ])("a total of %i is %s", (total, band) => {
    const score = scorePhq9(answersFor(PHQ, total, 3));
    expect(score).toMatchObject({ measure: "phq9", total, band, max: 27, answered: 9, prorated: false });
  });

  test("item 9 above zero is flagged whatever the total", () => {
    const answers = { ...answersFor(PHQ, 0, 3), q9: "1" };
    expect(scorePhq9(answers)).toMatchObject({ total: 1, band: "minimal", item9: "positive" });
    expect(scorePhq9(answersFor(PHQ, 24, 3)).item9).toBe("negative"); // items 1-8 carry all 24
    expect(scorePhq9({ ...answersFor(PHQ, 3, 3), q9: undefined }).item9).toBe("missing");
  });

  test("one or two missing items are prorated (mean × 9, rounded); three are not scored", () => {
    const two = answersFor(PHQ, 14, 3); // q1..q4 = 3, q5 = 2, rest 0
    delete (two as Record<string, string | undefined>).q8;
    delete (two as Record<string, string | undefined>).q9;
    // 14 over 7 answered items → 2 × 9 = 18.
    expect(scorePhq9(two)).toMatchObject({ total: 18, band: "moderately_severe", answered: 7, prorated: true, item9: "missing" });
    const one = { ...answersFor(PHQ, 8, 3), q7: "" };
    // 8 over 8 answered → 1 × 9 = 9.
    expect(scorePhq9(one)).toMatchObject({ total: 9, band: "mild", answered: 8, prorated: true });
    const three = { q1: "3", q2: "3", q3: "3", q4: "3", q5: "3", q6: "3" };
    expect(scorePhq9(three)).toMatchObject({ total: null, band: null, answered: 6 });
  });

  test("out-of-range and non-numeric answers count as missing", () => {
    const answers = { ...answersFor(PHQ, 9, 3), q1: "4", q2: "x" };
    expect(scorePhq9(answers).answered).toBe(7);
  });
});

describe("GAD-7", () => {
  test.each([
    [0, "minimal"],
    [4, "minimal"],
    [5, "mild"],
    [9, "mild"],
    [10, "moderate"],
    [14, "moderate"],
    [15, "severe"],
    [21, "severe"],
  ])("a total of %i is %s", (total, band) => {
    expect(scoreGad7(answersFor(GAD, total, 3))).toMatchObject({ measure: "gad7", total, band, max: 21, prorated: false });
  });

  test("one missing item is prorated (mean × 7, rounded); two are not scored", () => {
    const one = { q1: "2", q2: "2", q3: "2", q4: "2", q5: "1", q6: "1" }; // 10 over 6 → 11.67 → 12
    expect(scoreGad7(one)).toMatchObject({ total: 12, band: "moderate", prorated: true, answered: 6 });
    const two = { q1: "3", q2: "3", q3: "3", q4: "3", q5: "3" };
    expect(scoreGad7(two)).toMatchObject({ total: null, band: null });
  });
});

describe("CSI-4", () => {
  test.each([
    [0, "dissatisfied", true],
    [13, "dissatisfied", true],
    [14, "satisfied", false],
    [21, "satisfied", false],
  ])("a total of %i is %s", (total, band, dissatisfied) => {
    const answers = { q1: String(Math.min(6, total)), ...answersFor(["q2", "q3", "q4"], total - Math.min(6, total), 5) };
    expect(scoreCsi4(answers)).toMatchObject({ measure: "csi4", total, band, dissatisfied, max: 21 });
  });

  test("item 1 runs 0–6 and items 2–4 run 0–5", () => {
    expect(scoreCsi4({ q1: "6", q2: "5", q3: "5", q4: "5" }).total).toBe(21);
    expect(scoreCsi4({ q1: "6", q2: "6", q3: "5", q4: "5" }).total).toBeNull();
  });

  test("any missing item leaves it unscored (no published proration)", () => {
    expect(scoreCsi4({ q1: "5", q2: "5", q3: "5" })).toMatchObject({ total: null, answered: 3 });
  });
});

describe("pain rating", () => {
  test.each([
    [0, "none"],
    [1, "mild"],
    [3, "mild"],
    [4, "moderate"],
    [6, "moderate"],
    [7, "severe"],
    [10, "severe"],
  ])("%i is %s", (pain, band) => {
    expect(scorePain({ pain })).toMatchObject({ total: pain, band });
  });

  test("missing or out of range is unscored", () => {
    expect(scorePain({}).total).toBeNull();
    expect(scorePain({ pain: 11 }).total).toBeNull();
  });
});

describe("measure definitions", () => {
  test("are valid form definitions with items scored by their option values", () => {
    for (const def of Object.values(MEASURE_DEFINITIONS)) expect(formDefinitionSchema.safeParse(def).success).toBe(true);
    const phq = MEASURE_DEFINITIONS.phq9.sections[0]!.questions;
    expect(phq).toHaveLength(9);
    expect(phq[8]!.label).toBe("Thoughts that you would be better off dead or of hurting yourself in some way");
    expect(MEASURE_DEFINITIONS.gad7.sections[0]!.questions).toHaveLength(7);
    const csi = MEASURE_DEFINITIONS.csi4.sections[0]!.questions;
    expect(csi.map((q) => ("options" in q ? q.options.length : 0))).toEqual([7, 6, 6, 6]);
  });
});
