import { describe, expect, test } from "vitest";
import { assignmentSchema } from "@/lib/homework/assignment-schema";
import { checkInSchema } from "@/lib/homework/check-in-schema";
import { exerciseSchema } from "@/lib/homework/exercise-schema";
import { computeFlags, flagText, type FlagAssignment, type FlagCheckIn } from "@/lib/homework/flags";
import { programSchema } from "@/lib/homework/program-schema";
import { checkInPromptsSchema, rating, validateRatings } from "@/lib/homework/prompts";
import { zodFieldErrors } from "@/lib/form-result";

const A = "client-a";
const B = "client-b";
const prompts = [rating.closeness(), rating.pain()];

function assignment(overrides: Partial<FlagAssignment> = {}): FlagAssignment {
  return { id: "asg", startDate: "2026-03-01", lastDay: "2026-04-01", clientIds: [A, B], together: false, ...overrides };
}

function checkIn(clientId: string, date: string, ratings: Record<string, number>, assignmentId = "asg"): FlagCheckIn {
  return { assignmentId, clientId, date, createdAt: new Date(`${date}T12:00:00Z`), ratings, ratingPrompts: prompts };
}

describe("computeFlags", () => {
  test("no check-in for 7 days on running homework, counted from the start or the last check-in", () => {
    const flags = computeFlags([A, B], [assignment()], [checkIn(A, "2026-03-06", {})], "2026-03-10");
    expect(flags).toEqual([{ kind: "inactive", clientId: B, days: 9 }]);
    expect(flagText(flags[0]!)).toBe("No check-in for 9 days");
    // Not before 7 days, and not once the homework is over.
    expect(computeFlags([A], [assignment()], [], "2026-03-07")).toEqual([]);
    expect(computeFlags([A], [assignment({ lastDay: "2026-03-05" })], [], "2026-03-20")).toEqual([]);
  });

  test("together: a partner's check-in is activity for both", () => {
    const flags = computeFlags([A, B], [assignment({ together: true })], [checkIn(A, "2026-03-09", {})], "2026-03-10");
    expect(flags.filter((f) => f.kind === "inactive")).toEqual([]);
  });

  test("a pain rating of 7 or more in the last 14 days, the highest one", () => {
    const flags = computeFlags([A], [], [checkIn(A, "2026-03-02", { pain: 6 }), checkIn(A, "2026-03-03", { pain: 8 }), checkIn(A, "2026-03-05", { pain: 7 })], "2026-03-10");
    expect(flags).toEqual([{ kind: "pain", clientId: A, value: 8, max: 10, date: "2026-03-03" }]);
    expect(computeFlags([A], [], [checkIn(A, "2026-02-01", { pain: 9 })], "2026-03-10")).toEqual([]);
    expect(computeFlags([A], [], [checkIn(A, "2026-03-09", { pain: 6 })], "2026-03-10")).toEqual([]);
  });

  test("a sharp drop in closeness against the recent average", () => {
    const series = [checkIn(A, "2026-03-02", { closeness: 4 }), checkIn(A, "2026-03-04", { closeness: 5 }), checkIn(A, "2026-03-06", { closeness: 4 })];
    const drop = computeFlags([A], [], [...series, checkIn(A, "2026-03-08", { closeness: 2 })], "2026-03-10");
    expect(drop).toEqual([{ kind: "closeness_drop", clientId: A, from: 4.3, to: 2, date: "2026-03-08" }]);
    // One point lower is ordinary variation.
    expect(computeFlags([A], [], [...series, checkIn(A, "2026-03-08", { closeness: 3 })], "2026-03-10")).toEqual([]);
    // One earlier rating is not enough to compare against.
    expect(computeFlags([A], [], [series[0]!, checkIn(A, "2026-03-08", { closeness: 1 })], "2026-03-10")).toEqual([]);
  });
});

describe("validateRatings", () => {
  const p = { ratings: prompts, questions: [] };
  test("accepts whole numbers in range and skips blanks", () => {
    expect(validateRatings(p, { closeness: "4", pain: 0, other: "" })).toEqual({ ok: true, ratings: { closeness: 4, pain: 0 } });
  });
  test("refuses values outside the range, fractions and prompts the exercise does not ask", () => {
    const result = validateRatings(p, { closeness: 6, pain: 2.5, desire: 3 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.promptId)).toEqual(["closeness", "pain", "desire"]);
      expect(result.errors[0]!.message).toContain("from 1 to 5");
    }
  });
});

describe("form schemas", () => {
  const validExercise = {
    title: "Six-second kiss",
    summary: "A daily greeting",
    instructions: "1. Kiss",
    category: "connection",
    tags: "ritual, Daily , ritual",
    participants: "couple_together",
    frequencyPerWeek: "7",
    minutes: "1",
    prompts: { ratings: [rating.closeness()], questions: [{ id: "noticed", text: "What did you notice?" }] },
    clinicianNotes: "",
  };

  test("exercise: tags are normalised and numbers coerced", () => {
    const parsed = exerciseSchema.parse(validExercise);
    expect(parsed.tags).toEqual(["ritual", "daily"]);
    expect(parsed.frequencyPerWeek).toBe(7);
    expect(parsed.clinicianNotes).toBeNull();
  });

  test("exercise: errors name the field", () => {
    const result = exerciseSchema.safeParse({ ...validExercise, title: "", minutes: "0", prompts: { ratings: [{ ...rating.pain(), min: 5, max: 3 }], questions: [] } });
    expect(result.success).toBe(false);
    const errors = zodFieldErrors(result.error!);
    expect(Object.keys(errors).sort()).toEqual(["minutes", "prompts.ratings.0.max", "title"]);
  });

  test("prompts: ids must be unique", () => {
    const result = checkInPromptsSchema.safeParse({ ratings: [rating.pain()], questions: [{ id: "pain", text: "?" }] });
    expect(result.success).toBe(false);
  });

  test("program: weeks within the program and no repeat of an exercise in a week", () => {
    const id = "0b9f4e4e-6c55-4d6f-9f0a-3c1d2b3a4f5e";
    const result = programSchema.safeParse({ title: "P", summary: "S", audience: "couple_together", weeks: "2", items: [
      { exerciseId: id, week: "3", timesPerWeek: "2" },
      { exerciseId: id, week: "1", timesPerWeek: "2" },
      { exerciseId: id, week: "1", timesPerWeek: "2" },
    ] });
    expect(result.success).toBe(false);
    expect(Object.keys(zodFieldErrors(result.error!)).sort()).toEqual(["items.0.week", "items.2.exerciseId"]);
  });

  test("assignment: a couple needs together or each partner; an exercise needs weeks or a due date", () => {
    const base = { subject: "exercise:0b9f4e4e-6c55-4d6f-9f0a-3c1d2b3a4f5e", assignee: "couple:0b9f4e4e-6c55-4d6f-9f0a-3c1d2b3a4f5e", startDate: "2026-03-02", timesPerWeek: "3" };
    expect(assignmentSchema.safeParse({ ...base, mode: "together", weeks: "4" }).success).toBe(true);
    const bad = assignmentSchema.safeParse({ ...base, mode: "individual", weeks: "", dueDate: "" });
    expect(Object.keys(zodFieldErrors(bad.error!)).sort()).toEqual(["mode", "weeks"]);
    const both = assignmentSchema.safeParse({ ...base, mode: "together", weeks: "2", dueDate: "2026-03-01" });
    expect(zodFieldErrors(both.error!).dueDate).toHaveLength(2);
  });

  test("check-in: an oversized reflection is refused with the limit", () => {
    const result = checkInSchema.safeParse({ assignmentId: "0b9f4e4e-6c55-4d6f-9f0a-3c1d2b3a4f5e", exerciseId: "0b9f4e4e-6c55-4d6f-9f0a-3c1d2b3a4f5e", done: true, reflection: "x".repeat(4001) });
    expect(zodFieldErrors(result.error!).reflection).toEqual(["Your reflection must be at most 4000 characters"]);
  });
});
