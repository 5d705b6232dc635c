import { describe, expect, test } from "vitest";
import { assignmentSchema } from "@/lib/homework/assignment-schema";
import { checkInSchema } from "@/lib/homework/check-in-schema";
import { countsRepetitions, dosageIn, formatDone, formatDosage, NO_DOSAGE } from "@/lib/homework/dosage";
import { exerciseSchema } from "@/lib/homework/exercise-schema";
import { exerciseSheetLines } from "@/lib/homework/exercise-sheet-pdf";
import { LIBRARY_EXERCISES } from "@/lib/homework/library";

const d = (over: Partial<typeof NO_DOSAGE>) => ({ ...NO_DOSAGE, ...over });

describe("formatDosage: one line for the portal, the staff view and the sheet", () => {
  test("sets × reps, hold and times a day read as a person would say them", () => {
    expect(formatDosage(d({ sets: 3, repetitions: 10, holdSeconds: 5, timesPerDay: 2 }), 7)).toBe("3 sets × 10 reps, hold 5 s, twice a day");
    expect(formatDosage(d({ sets: 1, repetitions: 1, timesPerDay: 1 }), 7)).toBe("1 set × 1 rep, once a day");
    expect(formatDosage(d({ repetitions: 10, restSeconds: 30, timesPerDay: 3 }), 5)).toBe("10 reps, rest 30 s, 3 times a day, 5 days a week");
    expect(formatDosage(d({ sets: 2 }), 3)).toBe("2 sets, 3 times a week");
    expect(formatDosage(d({ holdSeconds: 0 }), 1)).toBe("hold 0 s, once a week");
  });

  test("nothing prescribed (a connection ritual) has no line", () => {
    expect(formatDosage(NO_DOSAGE, 3)).toBeNull();
    expect(formatDosage(null)).toBeNull();
    expect(countsRepetitions(NO_DOSAGE)).toBe(false);
    expect(countsRepetitions(d({ holdSeconds: 5 }))).toBe(false);
    expect(countsRepetitions(d({ repetitions: 10 }))).toBe(true);
  });

  test("a single exercise's assignment overrides; a program's step uses the exercise's defaults", () => {
    const exercise = d({ sets: 3, repetitions: 10 });
    expect(dosageIn({ exerciseId: "x", ...d({ sets: 1, repetitions: 5 }) }, "x", exercise)).toEqual(d({ sets: 1, repetitions: 5 }));
    expect(dosageIn({ exerciseId: null, ...NO_DOSAGE }, "x", exercise)).toEqual(exercise);
  });

  test("what a check-in logged", () => {
    expect(formatDone({ setsDone: 3, repetitionsDone: 10 })).toBe("3 sets, 10 reps");
    expect(formatDone({ setsDone: null, repetitionsDone: 1 })).toBe("1 rep");
    expect(formatDone({ setsDone: null, repetitionsDone: null })).toBeNull();
  });
});

const exercise = {
  title: "Lift",
  summary: "A lift",
  instructions: "1. Lift",
  category: "pelvic_health",
  participants: "individual",
  frequencyPerWeek: "7",
  minutes: "10",
  prompts: { ratings: [], questions: [{ id: "q", text: "How was it?" }] },
};

describe("the dosage schema, shared by the exercise editor and the assign form", () => {
  test("each field names itself and its range", () => {
    const r = exerciseSchema.safeParse({ ...exercise, sets: "21", repetitions: "0", holdSeconds: "301", restSeconds: "-1", timesPerDay: "2.5" });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages).toEqual({
      sets: "Sets: between 1 and 20",
      repetitions: "Repetitions: between 1 and 100",
      holdSeconds: "Hold time: between 0 and 300 seconds",
      restSeconds: "Rest: between 0 and 600 seconds",
      timesPerDay: "Times a day: between 1 and 6",
    });
  });

  test("empty fields are no dosage; numbers as text are read", () => {
    const none = exerciseSchema.parse({ ...exercise, sets: "", repetitions: "", holdSeconds: "", restSeconds: "", timesPerDay: "" });
    expect([none.sets, none.repetitions, none.holdSeconds, none.restSeconds, none.timesPerDay]).toEqual([null, null, null, null, null]);
    const some = exerciseSchema.parse({ ...exercise, sets: "3", repetitions: 10, holdSeconds: "0" });
    expect([some.sets, some.repetitions, some.holdSeconds]).toEqual([3, 10, 0]);
  });

  test("with times a day, times per week counts days, so at most 7", () => {
    const r = exerciseSchema.safeParse({ ...exercise, frequencyPerWeek: "14", timesPerDay: "2" });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["frequencyPerWeek", "Times per week: at most 7 when you give times a day (it then counts days)"]]);
  });

  test("the assign form takes a dosage for an exercise, never for a program", () => {
    const base = { assignee: "client:00000000-0000-4000-8000-000000000001", mode: "individual", startDate: "2026-03-09", weeks: "2" };
    const ok = assignmentSchema.parse({ ...base, subject: "exercise:00000000-0000-4000-8000-000000000002", timesPerWeek: "7", sets: "3", repetitions: "10", holdSeconds: "5", timesPerDay: "2" });
    expect([ok.sets, ok.repetitions, ok.holdSeconds, ok.timesPerDay]).toEqual([3, 10, 5, 2]);
    const program = assignmentSchema.safeParse({ ...base, subject: "program:00000000-0000-4000-8000-000000000002", sets: "3" });
    expect(program.error?.issues.map((i) => i.path.join("."))).toEqual(["sets"]);
  });

  test("check-in counts are bounded and named", () => {
    const base = { assignmentId: "00000000-0000-4000-8000-000000000001", exerciseId: "00000000-0000-4000-8000-000000000002", done: true };
    expect(checkInSchema.parse({ ...base, repetitionsDone: "10", setsDone: "" })).toMatchObject({ repetitionsDone: 10, setsDone: null });
    expect(checkInSchema.safeParse({ ...base, repetitionsDone: "ten" }).error?.issues.map((i) => i.message)).toEqual(["Repetitions done: between 0 and 1000"]);
  });
});

describe("the pelvic library's defaults", () => {
  test("the strengthening exercise is dosed, and every library entry passes the editor's rules", () => {
    const lift = LIBRARY_EXERCISES.find((e) => e.key === "pelvic-floor-lift-and-hold")!;
    expect(formatDosage(exerciseSchema.parse(lift), lift.frequencyPerWeek)).toBe("3 sets × 10 reps, hold 5 s, rest 5 s, twice a day");
    const dosed = LIBRARY_EXERCISES.filter((e) => e.sets || e.repetitions);
    expect(dosed.length).toBeGreaterThanOrEqual(3);
    expect(dosed.every((e) => e.category === "pelvic_health")).toBe(true);
  });
});

describe("the sheet's lines", () => {
  test("practice, client, date in the practice's locale, then each homework with the clinician's note and the dosage", () => {
    const lines = exerciseSheetLines({
      practiceName: "Riverside Pelvic Health",
      locale: "en-GB",
      clientName: "Dana Lee",
      date: "2026-12-02",
      assignments: [
        { title: "Lift", personalNote: "Start lying down.", exercises: [{ title: "Lift", instructions: "1. Lift", dosageLine: "3 sets × 10 reps", timesPerWeek: 7, minutes: 10 }] },
        { title: "Programme", personalNote: null, exercises: [{ title: "Breathe", instructions: "Breathe", dosageLine: null, timesPerWeek: 3, minutes: 5 }] },
      ],
    });
    expect(lines.map((l) => `${l.kind}: ${l.text}`)).toEqual([
      "title: Home-exercise sheet",
      "text: Riverside Pelvic Health",
      "muted: For Dana Lee, 2 December 2026",
      "heading: Lift",
      "subheading: From your clinician",
      "text: Start lying down.",
      "dosage: 3 sets × 10 reps",
      "muted: 7 times a week, about 10 minutes each time",
      "text: 1. Lift",
      "heading: Programme",
      "subheading: Breathe",
      "muted: 3 times a week, about 5 minutes each time",
      "text: Breathe",
      "muted: Stop and contact your clinician if an exercise causes pain or feels wrong.",
    ]);
  });
});
