import { describe, expect, test } from "vitest";
import { exerciseSchema } from "@/lib/homework/exercise-schema";
import { LIBRARY_EXERCISES, LIBRARY_PROGRAMS } from "@/lib/homework/library";
import { AFTER_ASSESSMENT } from "@/lib/homework/library/types";
import { programSchema } from "@/lib/homework/program-schema";

describe("the shared library content", () => {
  test("at least 30 exercises, unique keys and titles, every category covered, each valid for the editor", () => {
    expect(LIBRARY_EXERCISES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(LIBRARY_EXERCISES.map((e) => e.key)).size).toBe(LIBRARY_EXERCISES.length);
    expect(new Set(LIBRARY_EXERCISES.map((e) => e.title)).size).toBe(LIBRARY_EXERCISES.length);
    expect(new Set(LIBRARY_EXERCISES.map((e) => e.category)).size).toBe(9);
    for (const e of LIBRARY_EXERCISES) {
      const parsed = exerciseSchema.safeParse(e);
      expect(parsed.success, `${e.key}: ${parsed.error?.message}`).toBe(true);
      expect(e.prompts.ratings.length + e.prompts.questions.length, `${e.key} asks nothing at check-in`).toBeGreaterThan(0);
      expect(e.clinicianNotes.length, `${e.key} has no notes for clinicians`).toBeGreaterThan(0);
    }
  });

  test("pelvic-health exercises open with the note that they follow a clinician's assessment", () => {
    const pelvic = LIBRARY_EXERCISES.filter((e) => e.category === "pelvic_health");
    expect(pelvic.length).toBeGreaterThanOrEqual(5);
    for (const e of pelvic) expect(e.instructions.startsWith(AFTER_ASSESSMENT), e.key).toBe(true);
  });

  test("three programs whose items name library exercises, within their weeks, each week planned", () => {
    expect(LIBRARY_PROGRAMS.map((p) => p.key)).toEqual(["six-week-reconnection", "postpartum-pelvic-floor-relaxation", "recharge-and-reconnect"]);
    const keys = new Set(LIBRARY_EXERCISES.map((e) => e.key));
    for (const p of LIBRARY_PROGRAMS) {
      for (const item of p.items) expect(keys.has(item.exercise), `${p.key} → ${item.exercise}`).toBe(true);
      expect(new Set(p.items.map((i) => i.week))).toEqual(new Set(Array.from({ length: p.weeks }, (_, i) => i + 1)));
      // The same limits as the program editor, with a stand-in id per exercise.
      const fakeId = (key: string) => `00000000-0000-4000-8000-${String([...keys].indexOf(key)).padStart(12, "0")}`;
      const asForm = { title: p.title, summary: p.summary, audience: p.audience, weeks: p.weeks, items: p.items.map((i) => ({ exerciseId: fakeId(i.exercise), week: i.week, timesPerWeek: i.timesPerWeek })) };
      expect(programSchema.safeParse(asForm).error?.issues ?? []).toEqual([]);
    }
  });
});
