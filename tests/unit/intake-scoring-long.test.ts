import { describe, expect, test } from "vitest";
import { validateAnswers } from "@/lib/intake/answers";
import { formDefinitionSchema } from "@/lib/intake/form-definition";
import { CSI16_ITEMS, CSI32_ITEMS } from "@/lib/intake/measures/csi-items";
import { MEASURE_DEFINITIONS } from "@/lib/intake/measures/definitions";
import { CSI16_CUTOFF, CSI32_CUTOFF, scoreCsi16, scoreCsi32 } from "@/lib/intake/measures/score-csi-long";
import { scoreMeasure } from "@/lib/intake/measures/score-measure";
import { scorePfdi20 } from "@/lib/intake/measures/score-pfdi20";
import { scorePfiq7 } from "@/lib/intake/measures/score-pfiq7";
import type { MeasureScore } from "@/lib/intake/measures/types";

const range = (from: number, to: number, prefix = "q") => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const POPDI = range(1, 6);
const CRADI = range(7, 14);
const UDI = range(15, 20);
const PFDI = range(1, 20);
const UIQ = range(1, 7, "uiq");
const CRAIQ = range(1, 7, "craiq");
const POPIQ = range(1, 7, "popiq");
const PFIQ = [...UIQ, ...CRAIQ, ...POPIQ];

function fill(ids: readonly string[], value: number | string): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, String(value)]));
}

function scale(score: MeasureScore, key: string) {
  const found = score.subscales?.find((s) => s.key === key);
  if (!found) throw new Error(`no scale ${key}`);
  return found;
}

describe("PFDI-20", () => {
  test("all items 0 (no symptoms): every scale 0, summary 0 of 300", () => {
    const s = scorePfdi20(fill(PFDI, 0));
    expect(s).toMatchObject({ measure: "pfdi20", total: 0, max: 300, answered: 20, items: 20, prorated: false, band: null });
    expect(s.subscales!.map((x) => [x.key, x.score, x.max])).toEqual([
      ["udi6", 0, 100],
      ["cradi8", 0, 100],
      ["popdi6", 0, 100],
    ]);
  });

  test("all items 4 (quite a bit): every scale 100, summary 300", () => {
    const s = scorePfdi20(fill(PFDI, 4));
    expect(s.total).toBe(300);
    expect(s.subscales!.map((x) => x.score)).toEqual([100, 100, 100]);
  });

  test.each([
    ["udi6", UDI],
    ["cradi8", CRADI],
    ["popdi6", POPDI],
  ])("%s is exactly its own items: at its maximum alone it gives 100 of the summary", (key, ids) => {
    const s = scorePfdi20({ ...fill(PFDI, 0), ...fill(ids, 4) });
    expect(scale(s, key).score).toBe(100);
    expect(s.subscales!.filter((x) => x.key !== key).map((x) => x.score)).toEqual([0, 0]);
    expect(s.total).toBe(100);
  });

  test("a scale is the mean of its items × 25, kept to two decimals; the summary adds the scales", () => {
    // UDI-6 items sum to 7: 7/6 × 25 = 29.1666…; CRADI-8 all 1: 25; POPDI-6 sum 1: 1/6 × 25 = 4.1666…
    const s = scorePfdi20({ ...fill(PFDI, 0), q15: "4", q16: "3", ...fill(CRADI, 1), q1: "1" });
    expect(scale(s, "udi6").score).toBe(29.17);
    expect(scale(s, "cradi8").score).toBe(25);
    expect(scale(s, "popdi6").score).toBe(4.17);
    expect(s.total).toBe(58.34);
  });

  test("one missing item: the scale is the mean of the answered items", () => {
    const answers = { ...fill(PFDI, 2), q15: "4" };
    delete (answers as Record<string, string>).q16;
    const s = scorePfdi20(answers);
    // UDI-6 answered: 4, 2, 2, 2, 2 → mean 2.4 → 60.
    expect(scale(s, "udi6")).toMatchObject({ score: 60, answered: 5, items: 6 });
    expect(s).toMatchObject({ total: 160, prorated: true, answered: 19 });
  });

  test("half a scale missing is still scored; more than half is not, and then neither is the summary", () => {
    const half = fill([...POPDI, ...CRADI, ...UDI.slice(3)], 4);
    expect(scale(scorePfdi20(half), "udi6")).toMatchObject({ score: 100, answered: 3 });
    expect(scorePfdi20(half).total).toBe(300);
    const tooFew = fill([...POPDI, ...CRADI, ...UDI.slice(4)], 4);
    expect(scale(scorePfdi20(tooFew), "udi6").score).toBeNull();
    expect(scorePfdi20(tooFew)).toMatchObject({ total: null, prorated: false });
    // CRADI-8: four of eight answered is half; three is too few.
    expect(scale(scorePfdi20(fill([...POPDI, ...CRADI.slice(4), ...UDI], 0)), "cradi8").score).toBe(0);
    expect(scale(scorePfdi20(fill([...POPDI, ...CRADI.slice(5), ...UDI], 0)), "cradi8").score).toBeNull();
    expect(scorePfdi20({}).total).toBeNull();
  });

  test("answers outside 0–4 count for nothing in the score and are refused on submit", () => {
    for (const bad of ["5", "-1", "2.5", "x"]) {
      expect(scale(scorePfdi20({ ...fill(PFDI, 0), q15: bad }), "udi6").answered).toBe(5);
      const checked = validateAnswers(MEASURE_DEFINITIONS.pfdi20, { ...fill(PFDI, 0), q15: bad }, "submit");
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(Object.keys(checked.errors)).toEqual(["q15"]);
    }
  });
});

describe("PFIQ-7", () => {
  test("all items 0: summary 0; all items 3: every scale 100, summary 300", () => {
    expect(scorePfiq7(fill(PFIQ, 0))).toMatchObject({ measure: "pfiq7", total: 0, max: 300, items: 21, prorated: false });
    const top = scorePfiq7(fill(PFIQ, 3));
    expect(top.total).toBe(300);
    expect(top.subscales!.map((x) => [x.key, x.score])).toEqual([
      ["uiq7", 100],
      ["craiq7", 100],
      ["popiq7", 100],
    ]);
  });

  test.each([
    ["uiq7", UIQ],
    ["craiq7", CRAIQ],
    ["popiq7", POPIQ],
  ])("%s is exactly its own seven items", (key, ids) => {
    const s = scorePfiq7({ ...fill(PFIQ, 0), ...fill(ids, 3) });
    expect(scale(s, key).score).toBe(100);
    expect(s.total).toBe(100);
  });

  test("a scale is the mean × 100/3: all 1 gives 33.33, all 2 gives 66.67", () => {
    const s = scorePfiq7({ ...fill(UIQ, 1), ...fill(CRAIQ, 2), ...fill(POPIQ, 0) });
    expect(scale(s, "uiq7").score).toBe(33.33);
    expect(scale(s, "craiq7").score).toBe(66.67);
    expect(s.total).toBe(100);
  });

  test("one missing item is the mean of the six answered; three missing still scored, four not", () => {
    const one = fill([...UIQ.slice(1), ...CRAIQ, ...POPIQ], 3);
    expect(scale(scorePfiq7(one), "uiq7")).toMatchObject({ score: 100, answered: 6 });
    expect(scorePfiq7(one)).toMatchObject({ total: 300, prorated: true });
    const three = { ...fill(UIQ.slice(3), 1), ...fill(CRAIQ, 0), ...fill(POPIQ, 0) };
    expect(scale(scorePfiq7(three), "uiq7").score).toBe(33.33);
    const four = { ...fill(UIQ.slice(4), 1), ...fill(CRAIQ, 0), ...fill(POPIQ, 0) };
    expect(scale(scorePfiq7(four), "uiq7").score).toBeNull();
    expect(scorePfiq7(four).total).toBeNull();
  });

  test("answers outside 0–3 count for nothing and are refused on submit", () => {
    expect(scale(scorePfiq7({ ...fill(PFIQ, 0), popiq1: "4" }), "popiq7").answered).toBe(6);
    const checked = validateAnswers(MEASURE_DEFINITIONS.pfiq7, { ...fill(PFIQ, 0), popiq1: "4" }, "submit");
    expect(checked.ok).toBe(false);
  });
});

type CsiMeasure = "csi16" | "csi32";
const CSI = { csi16: { items: CSI16_ITEMS, max: 81, cutoff: CSI16_CUTOFF }, csi32: { items: CSI32_ITEMS, max: 161, cutoff: CSI32_CUTOFF } } as const;

/** Answers picking, for every item, the option printed at `position(i)` in the form the client sees. */
function csiByPosition(measure: CsiMeasure, position: (i: number) => number): Record<string, string> {
  const questions = MEASURE_DEFINITIONS[measure].sections.flatMap((s) => s.questions);
  return Object.fromEntries(questions.map((q, i) => [q.id, "options" in q ? q.options[position(i)]!.value : ""]));
}

/** Answers whose item scores add up to `total`, each item filled to its maximum in turn. */
function csiTotal(measure: CsiMeasure, total: number): Record<string, string> {
  const out: Record<string, string> = {};
  let left = total;
  CSI[measure].items.forEach((item, i) => {
    const v = Math.min(item.options.length - 1, left);
    out[`q${i + 1}`] = String(v);
    left -= v;
  });
  if (left !== 0) throw new Error(`cannot reach ${total}`);
  return out;
}

describe.each(["csi16", "csi32"] as const)("%s", (measure) => {
  const { max, cutoff, items } = CSI[measure];
  const score = (a: Record<string, unknown>) => scoreMeasure(measure, a);

  test(`all-minimum answers total 0, all-maximum ${max}`, () => {
    expect(score(csiTotal(measure, 0))).toMatchObject({ measure, total: 0, max, dissatisfied: true, items: items.length });
    expect(score(csiTotal(measure, max))).toMatchObject({ total: max, dissatisfied: false, band: "satisfied" });
  });

  test(`the cut-off is ${cutoff}: ${Math.floor(cutoff)} is notable dissatisfaction, ${Math.ceil(cutoff)} is not`, () => {
    expect(score(csiTotal(measure, Math.floor(cutoff)))).toMatchObject({ total: Math.floor(cutoff), dissatisfied: true, bandLabel: "Notable dissatisfaction" });
    expect(score(csiTotal(measure, Math.ceil(cutoff)))).toMatchObject({ total: Math.ceil(cutoff), dissatisfied: false, bandLabel: "Above the distress cut-off" });
  });

  test("one missing item leaves it unscored (no published proration)", () => {
    const answers = csiTotal(measure, max);
    delete answers.q2;
    expect(score(answers)).toMatchObject({ total: null, band: null, answered: items.length - 1 });
  });

  test("an answer beyond an item's range leaves it unscored and is refused on submit", () => {
    expect(score({ ...csiTotal(measure, max), q1: "7" }).total).toBeNull();
    expect(score({ ...csiTotal(measure, max), q2: "6" }).total).toBeNull();
    const checked = validateAnswers(MEASURE_DEFINITIONS[measure], { ...csiTotal(measure, max), q2: "6" }, "submit");
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(Object.keys(checked.errors)).toEqual(["q2"]);
  });

  test("the definition is a valid form: item 1 has seven options, every other item six", () => {
    const def = MEASURE_DEFINITIONS[measure];
    expect(formDefinitionSchema.safeParse(def).success).toBe(true);
    const questions = def.sections.flatMap((s) => s.questions);
    expect(questions.map((q) => q.id)).toEqual(range(1, items.length));
    expect(questions.map((q) => ("options" in q ? q.options.length : 0))).toEqual([7, ...Array(items.length - 1).fill(6)]);
    expect(validateAnswers(def, csiTotal(measure, 40), "submit").ok).toBe(true);
  });
});

describe("CSI reverse keying", () => {
  const csi32 = MEASURE_DEFINITIONS.csi32.sections.flatMap((s) => s.questions);
  const value = (id: string, label: string) => {
    const q = csi32.find((x) => x.id === id);
    return q && "options" in q ? q.options.find((o) => o.label === label)?.value : undefined;
  };

  test("the same printed answer scores the other way on a reverse-keyed item", () => {
    // "Our relationship is strong" vs "I sometimes wonder if there is someone else out there for me".
    expect([value("q9", "Not at all TRUE"), value("q10", "Not at all TRUE")]).toEqual(["0", "5"]);
    expect([value("q9", "Completely TRUE"), value("q10", "Completely TRUE")]).toEqual(["5", "0"]);
    // "Things are going well" vs "wish you hadn't gotten into this relationship".
    expect([value("q5", "All the time"), value("q6", "All the time")]).toEqual(["5", "0"]);
    expect(value("q2", "Always Agree")).toBe("5");
    expect(value("q2", "Always Disagree")).toBe("0");
    // Semantic differentials alternate which word is printed first.
    expect([value("q26", "1 (interesting)"), value("q27", "1 (bad)"), value("q32", "6 (miserable)")]).toEqual(["5", "0", "0"]);
  });

  test("answering every item with its first printed option scores only the reverse-keyed items at their maximum", () => {
    // CSI-32: three agreement items, "going well", two "second thoughts" statements and four differentials, × 5.
    expect(scoreCsi32(csiByPosition("csi32", () => 0)).total).toBe(50);
    // CSI-16: "going well" and four differentials (interesting, full, sturdy, enjoyable), × 5.
    expect(scoreCsi16(csiByPosition("csi16", () => 0)).total).toBe(25);
    // The last printed option everywhere is the mirror image.
    expect(scoreCsi32(csiByPosition("csi32", (i) => (i === 0 ? 6 : 5))).total).toBe(161 - 50);
    expect(scoreCsi16(csiByPosition("csi16", (i) => (i === 0 ? 6 : 5))).total).toBe(81 - 25);
  });

  test("the CSI-16 is the CSI-32's sixteen published items, in order", () => {
    expect(CSI16_ITEMS.map((i) => CSI32_ITEMS.indexOf(i) + 1)).toEqual([1, 5, 9, 11, 12, 17, 19, 20, 21, 22, 26, 27, 28, 30, 31, 32]);
  });
});

describe("PFDI-20 and PFIQ-7 definitions", () => {
  test("are valid forms in the published item order with option values as item scores", () => {
    for (const m of ["pfdi20", "pfiq7"] as const) expect(formDefinitionSchema.safeParse(MEASURE_DEFINITIONS[m]).success).toBe(true);
    const pfdi = MEASURE_DEFINITIONS.pfdi20;
    expect(pfdi.sections.map((s) => s.id)).toEqual(["popdi6", "cradi8", "udi6"]);
    expect(pfdi.sections.flatMap((s) => s.questions.map((q) => q.id))).toEqual(PFDI);
    const q1 = pfdi.sections[0]!.questions[0]!;
    expect("options" in q1 ? q1.options.map((o) => o.value) : []).toEqual(["0", "1", "2", "3", "4"]);
    expect(MEASURE_DEFINITIONS.pfiq7.sections.flatMap((s) => s.questions.map((q) => q.id))).toEqual(PFIQ);
  });
});
