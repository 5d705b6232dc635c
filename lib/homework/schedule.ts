import type { AssignmentMode } from "@/db/schema";
import { addDays, daysBetween, minDate } from "@/lib/dates";

/** What the pure homework functions need to know about an assignment. */
export interface AssignmentPlan {
  id: string;
  mode: AssignmentMode;
  startDate: string;
  dueDate: string;
  /** The local date the clinician ended it early, if they did. */
  endedOn: string | null;
  /** A single exercise with its times per week… */
  exerciseId: string | null;
  timesPerWeek: number | null;
  /** …or a program's items. */
  programItems: { exerciseId: string; week: number; timesPerWeek: number }[];
}

/** An assignment row and its program's items (any program's: filtered here) as a plan. `endedOn` is filled in by the caller. */
export function planOf(
  a: { id: string; mode: AssignmentMode; startDate: string; dueDate: string; exerciseId: string | null; programId: string | null; timesPerWeek: number | null },
  items: readonly { programId: string; exerciseId: string; week: number; timesPerWeek: number }[],
): AssignmentPlan {
  return {
    id: a.id,
    mode: a.mode,
    startDate: a.startDate,
    dueDate: a.dueDate,
    endedOn: null,
    exerciseId: a.exerciseId,
    timesPerWeek: a.timesPerWeek,
    programItems: items.filter((i) => i.programId === a.programId).map((i) => ({ exerciseId: i.exerciseId, week: i.week, timesPerWeek: i.timesPerWeek })),
  };
}

/** One exercise to do `timesPerWeek` times a week between two dates (inclusive). */
export interface Task {
  assignmentId: string;
  exerciseId: string;
  from: string;
  to: string;
  timesPerWeek: number;
  /** The program week (1-based), or null for a single exercise. */
  week: number | null;
}

/** The last day an assignment runs: its due date, or the day it was ended. */
export function lastDayOf(plan: Pick<AssignmentPlan, "dueDate" | "endedOn">): string {
  return plan.endedOn ? minDate(plan.dueDate, plan.endedOn) : plan.dueDate;
}

/**
 * An assignment as tasks: a single exercise is one task from start to due
 * date; a program item covers its week (days 7(w-1) … 7w-1 from the start),
 * cut at the last day.
 */
export function tasksFor(plan: AssignmentPlan): Task[] {
  const last = lastDayOf(plan);
  if (plan.exerciseId) {
    if (last < plan.startDate) return [];
    return [{ assignmentId: plan.id, exerciseId: plan.exerciseId, from: plan.startDate, to: last, timesPerWeek: plan.timesPerWeek ?? 1, week: null }];
  }
  const tasks: Task[] = [];
  for (const item of plan.programItems) {
    const from = addDays(plan.startDate, 7 * (item.week - 1));
    if (from > last) continue;
    const to = minDate(addDays(from, 6), last);
    tasks.push({ assignmentId: plan.id, exerciseId: item.exerciseId, from, to, timesPerWeek: item.timesPerWeek, week: item.week });
  }
  return tasks;
}

/**
 * How many times the task should have been done by the end of `day`: the
 * full number for each complete 7-day block, and a share (rounded down) of
 * the block in progress.
 */
export function expectedThrough(task: Task, day: string): number {
  if (day < task.from) return 0;
  const days = daysBetween(task.from, minDate(day, task.to)) + 1;
  const full = Math.floor(days / 7);
  return full * task.timesPerWeek + Math.floor(((days % 7) * task.timesPerWeek) / 7);
}

/** The 7-day block of a task that holds `day`, or null when the task is not running that day. */
export function blockAt(task: Task, day: string): { from: string; to: string; target: number } | null {
  if (day < task.from || day > task.to) return null;
  const k = Math.floor(daysBetween(task.from, day) / 7);
  const from = addDays(task.from, 7 * k);
  const to = minDate(addDays(from, 6), task.to);
  const length = daysBetween(from, to) + 1;
  const target = length === 7 ? task.timesPerWeek : Math.max(1, Math.ceil((task.timesPerWeek * length) / 7));
  return { from, to, target };
}

/**
 * Who an assignment's adherence is counted for: the client; each partner on
 * their own; or the couple as one (a "together" exercise is done when either
 * partner checks it in).
 */
export interface Participant {
  key: string;
  clientIds: string[];
}

export function participantsOf(mode: AssignmentMode, clientIds: string[]): Participant[] {
  if (mode === "together") return [{ key: "couple", clientIds }];
  return clientIds.map((id) => ({ key: id, clientIds: [id] }));
}
