import { describe, expect, test } from "vitest";
import { computeAdherence, dueThisWeek, weekProgress, type CheckInFact } from "@/lib/homework/compute-adherence";
import { addDays } from "@/lib/dates";
import { blockAt, expectedThrough, tasksFor, type AssignmentPlan } from "@/lib/homework/schedule";
import { weeksInARow } from "@/lib/homework/streak";

const A = "client-a";
const B = "client-b";

function exercisePlan(overrides: Partial<AssignmentPlan> = {}): AssignmentPlan {
  return {
    id: "asg-1",
    mode: "individual",
    startDate: "2026-03-02",
    dueDate: "2026-03-29",
    endedOn: null,
    exerciseId: "ex-1",
    timesPerWeek: 3,
    programItems: [],
    ...overrides,
  };
}

function programPlan(overrides: Partial<AssignmentPlan> = {}): AssignmentPlan {
  return {
    id: "asg-2",
    mode: "each_partner",
    startDate: "2026-03-02",
    dueDate: "2026-03-15",
    endedOn: null,
    exerciseId: null,
    timesPerWeek: null,
    programItems: [
      { exerciseId: "ex-1", week: 1, timesPerWeek: 7 },
      { exerciseId: "ex-2", week: 2, timesPerWeek: 2 },
    ],
    ...overrides,
  };
}

const did = (clientId: string, date: string, exerciseId = "ex-1", assignmentId = "asg-1", done = true): CheckInFact => ({ assignmentId, exerciseId, clientId, date, done });

describe("tasks and expected check-ins", () => {
  test("a single exercise is one task; a program item covers its own week", () => {
    expect(tasksFor(exercisePlan())).toEqual([{ assignmentId: "asg-1", exerciseId: "ex-1", from: "2026-03-02", to: "2026-03-29", timesPerWeek: 3, week: null }]);
    const tasks = tasksFor(programPlan());
    expect(tasks.map((t) => [t.exerciseId, t.from, t.to])).toEqual([
      ["ex-1", "2026-03-02", "2026-03-08"],
      ["ex-2", "2026-03-09", "2026-03-15"],
    ]);
  });

  test("program weeks beyond an early due date or an early end are dropped or cut", () => {
    expect(tasksFor(programPlan({ dueDate: "2026-03-05" })).map((t) => [t.from, t.to])).toEqual([["2026-03-02", "2026-03-05"]]);
    expect(tasksFor(programPlan({ endedOn: "2026-03-10" })).map((t) => [t.from, t.to])).toEqual([
      ["2026-03-02", "2026-03-08"],
      ["2026-03-09", "2026-03-10"],
    ]);
  });

  test("expected counts whole weeks in full and the week in progress pro rata, rounded down", () => {
    const [task] = tasksFor(exercisePlan());
    expect(expectedThrough(task!, "2026-03-01")).toBe(0);
    expect(expectedThrough(task!, "2026-03-02")).toBe(0); // 1 day of 3/week
    expect(expectedThrough(task!, "2026-03-04")).toBe(1); // 3 days: floor(9/7)
    expect(expectedThrough(task!, "2026-03-08")).toBe(3);
    expect(expectedThrough(task!, "2026-03-10")).toBe(3 + 0); // 2 days: floor(6/7)
    expect(expectedThrough(task!, "2026-12-31")).toBe(12); // capped at the due date: 4 weeks
  });

  test("the current block's target is prorated when the block is cut short", () => {
    const [task] = tasksFor(exercisePlan({ dueDate: "2026-03-11" }));
    expect(blockAt(task!, "2026-03-03")).toEqual({ from: "2026-03-02", to: "2026-03-08", target: 3 });
    expect(blockAt(task!, "2026-03-10")).toEqual({ from: "2026-03-09", to: "2026-03-11", target: 2 });
    expect(blockAt(task!, "2026-03-12")).toBeNull();
  });
});

describe("computeAdherence", () => {
  test("done against expected so far; today is still open, so it never counts against", () => {
    const checkIns = [did(A, "2026-03-02"), did(A, "2026-03-04"), did(A, "2026-03-09"), did(A, "2026-03-10")];
    // Through 9 March (yesterday): week 1 expects 3, week 2 has 1 day: floor(3/7) = 0.
    const result = computeAdherence(exercisePlan(), [A], checkIns, "2026-03-10");
    expect(result.total).toEqual({ expected: 3, done: 4, percent: 100 });
  });

  test("a day counts once, a 'not done' check-in does not count, and extra days in a week are capped at the plan", () => {
    const checkIns = [did(A, "2026-03-02"), did(A, "2026-03-02"), did(A, "2026-03-03", "ex-1", "asg-1", false)];
    expect(computeAdherence(exercisePlan(), [A], checkIns, "2026-03-09").total).toEqual({ expected: 3, done: 1, percent: 33 });
    const daily = Array.from({ length: 7 }, (_, i) => did(A, addDays("2026-03-02", i)));
    expect(computeAdherence(exercisePlan({ dueDate: "2026-03-08" }), [A], daily, "2026-03-20").total).toEqual({ expected: 3, done: 3, percent: 100 });
  });

  test("each partner is counted on their own", () => {
    const plan = programPlan();
    const checkIns = [did(A, "2026-03-02", "ex-1", "asg-2"), did(A, "2026-03-03", "ex-1", "asg-2"), did(B, "2026-03-02", "ex-1", "asg-2")];
    const result = computeAdherence(plan, [A, B], checkIns, "2026-03-05");
    // Through 4 March: 3 days of a 7-a-week item = 3 each.
    expect(result.participants.map((p) => [p.participant.key, p.expected, p.done])).toEqual([
      [A, 3, 2],
      [B, 3, 1],
    ]);
    expect(result.total).toEqual({ expected: 6, done: 3, percent: 50 });
  });

  test("together: either partner's check-in counts for the couple, once per day", () => {
    const plan = programPlan({ mode: "together" });
    const checkIns = [did(A, "2026-03-02", "ex-1", "asg-2"), did(B, "2026-03-02", "ex-1", "asg-2"), did(B, "2026-03-03", "ex-1", "asg-2")];
    const result = computeAdherence(plan, [A, B], checkIns, "2026-03-05");
    expect(result.participants).toHaveLength(1);
    expect(result.total).toEqual({ expected: 3, done: 2, percent: 67 });
  });

  test("nothing expected before the start: no percentage", () => {
    expect(computeAdherence(exercisePlan(), [A], [], "2026-03-01").total).toEqual({ expected: 0, done: 0, percent: null });
  });
});

describe("due this week and streak", () => {
  test("shows the current block's target, what is done and what remains, per exercise", () => {
    const plan = programPlan();
    const checkIns = [did(A, "2026-03-09", "ex-2", "asg-2")];
    const items = dueThisWeek([{ plan, clientIds: [A, B] }], A, checkIns, "2026-03-10");
    expect(items).toEqual([
      { assignmentId: "asg-2", exerciseId: "ex-2", week: 2, from: "2026-03-09", to: "2026-03-15", target: 2, done: 1, remaining: 1, checkedInToday: false },
    ]);
    expect(weekProgress(items)).toEqual({ done: 1, target: 2 });
    // The partner's own check-ins do not count for an each-partner assignment.
    expect(dueThisWeek([{ plan, clientIds: [A, B] }], B, checkIns, "2026-03-10")[0]!.done).toBe(0);
  });

  test("the streak counts weeks with something done and forgives the week still open", () => {
    expect(weeksInARow([], "2026-03-10")).toBe(0);
    expect(weeksInARow(["2026-02-24", "2026-03-03"], "2026-03-10")).toBe(2);
    expect(weeksInARow(["2026-02-24", "2026-03-03", "2026-03-09"], "2026-03-10")).toBe(3);
    expect(weeksInARow(["2026-02-17", "2026-03-03"], "2026-03-10")).toBe(1);
    expect(weeksInARow(["2026-02-17"], "2026-03-10")).toBe(0);
  });
});
