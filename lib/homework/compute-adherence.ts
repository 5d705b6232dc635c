import { addDays } from "@/lib/dates";
import { blockAt, expectedThrough, participantsOf, tasksFor, type AssignmentPlan, type Participant, type Task } from "./schedule";

export interface CheckInFact {
  assignmentId: string;
  exerciseId: string;
  clientId: string;
  date: string;
  done: boolean;
}

export interface Adherence {
  /** Check-ins the plan asked for by the end of yesterday (today is still open). */
  expected: number;
  /** Days done so far (today included), at most the plan's number for each week. */
  done: number;
  /** done / expected as a whole percentage (at most 100), null before anything was expected. */
  percent: number | null;
}

export interface ParticipantAdherence extends Adherence {
  participant: Participant;
}

/** Distinct days, per exercise, that any of `clientIds` checked in as done. */
function doneDays(checkIns: CheckInFact[], assignmentId: string, clientIds: string[]): Map<string, Set<string>> {
  const byExercise = new Map<string, Set<string>>();
  for (const c of checkIns) {
    if (!c.done || c.assignmentId !== assignmentId || !clientIds.includes(c.clientId)) continue;
    let days = byExercise.get(c.exerciseId);
    if (!days) byExercise.set(c.exerciseId, (days = new Set()));
    days.add(c.date);
  }
  return byExercise;
}

function countIn(days: Set<string> | undefined, from: string, to: string): number {
  if (!days) return 0;
  let n = 0;
  for (const d of days) if (d >= from && d <= to) n++;
  return n;
}

function percent(done: number, expected: number): number | null {
  return expected > 0 ? Math.min(100, Math.round((100 * done) / expected)) : null;
}

function adherenceOfTasks(tasks: Task[], days: Map<string, Set<string>>, today: string): Adherence {
  const yesterday = addDays(today, -1);
  let expected = 0;
  let done = 0;
  for (const task of tasks) {
    expected += expectedThrough(task, yesterday);
    const cap = expectedThrough(task, task.to);
    done += Math.min(cap, countIn(days.get(task.exerciseId), task.from, today < task.to ? today : task.to));
  }
  return { expected, done, percent: percent(done, expected) };
}

/**
 * Check-ins done against check-ins expected so far, for each participant of
 * an assignment (the client, each partner, or the couple as one) and in
 * total. Pure: pass the assignment's check-ins and the local `today`.
 */
export function computeAdherence(
  plan: AssignmentPlan,
  clientIds: string[],
  checkIns: CheckInFact[],
  today: string,
): { total: Adherence; participants: ParticipantAdherence[] } {
  const tasks = tasksFor(plan);
  const participants = participantsOf(plan.mode, clientIds).map((participant) => ({
    participant,
    ...adherenceOfTasks(tasks, doneDays(checkIns, plan.id, participant.clientIds), today),
  }));
  const expected = participants.reduce((s, p) => s + p.expected, 0);
  const done = participants.reduce((s, p) => s + p.done, 0);
  return { total: { expected, done, percent: percent(done, expected) }, participants };
}

export interface DueItem {
  assignmentId: string;
  exerciseId: string;
  /** Program week (1-based) or null for a single exercise. */
  week: number | null;
  /** The current 7-day block of the task. */
  from: string;
  to: string;
  target: number;
  done: number;
  remaining: number;
  /** Whether this client already checked in (done or not) on this exercise today. */
  checkedInToday: boolean;
}

/**
 * What is due this week for one client: for every task running today, the
 * current 7-day block's target, how many days are done (by the client, or by
 * either partner for a "together" assignment) and how many remain.
 */
export function dueThisWeek(
  plans: { plan: AssignmentPlan; clientIds: string[] }[],
  clientId: string,
  checkIns: (CheckInFact & { clientId: string })[],
  today: string,
): DueItem[] {
  const items: DueItem[] = [];
  for (const { plan, clientIds } of plans) {
    const counted = plan.mode === "together" ? clientIds : [clientId];
    const days = doneDays(checkIns, plan.id, counted);
    for (const task of tasksFor(plan)) {
      const block = blockAt(task, today);
      if (!block) continue;
      const done = Math.min(block.target, countIn(days.get(task.exerciseId), block.from, block.to));
      items.push({
        assignmentId: plan.id,
        exerciseId: task.exerciseId,
        week: task.week,
        from: block.from,
        to: block.to,
        target: block.target,
        done,
        remaining: block.target - done,
        checkedInToday: checkIns.some((c) => c.assignmentId === plan.id && c.exerciseId === task.exerciseId && c.clientId === clientId && c.date === today),
      });
    }
  }
  return items;
}

/** Progress this week across due items: days done of days planned. */
export function weekProgress(items: DueItem[]): { done: number; target: number } {
  return items.reduce((acc, i) => ({ done: acc.done + i.done, target: acc.target + i.target }), { done: 0, target: 0 });
}
