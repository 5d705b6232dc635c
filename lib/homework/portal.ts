import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, exercises, type Exercise } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { countsRepetitions, dosageIn, formatDosage } from "./dosage";
import { dueThisWeek, weekProgress, type DueItem } from "./compute-adherence";
import { todayIn } from "@/lib/dates";
import { loadHomework, withEndDates, type LoadedAssignment, type LoadedCheckIn, type LoadedHomework } from "./load-homework";
import { coupleOf, remindersEnabled, type ClientContext } from "./record-check-in";
import { lastDayOf } from "./schedule";
import { weeksInARow } from "./streak";

export interface PortalDueItem extends DueItem {
  exerciseTitle: string;
  assignmentTitle: string;
  minutes: number;
}

export interface SharedReflection {
  id: string;
  date: string;
  exerciseTitle: string;
  text: string;
}

export interface PortalHomework {
  today: string;
  due: PortalDueItem[];
  progress: { done: number; target: number };
  streakWeeks: number;
  assignments: { id: string; title: string; startDate: string; lastDay: string; status: "upcoming" | "active" | "finished"; dosageLine: string | null }[];
  partnerName: string | null;
  sharedByPartner: SharedReflection[];
  remindersEnabled: boolean;
}

async function partnerOf(ctx: ClientContext) {
  const couple = await coupleOf(ctx.practice.id, ctx.client.id);
  if (!couple) return { couple: null, partner: null };
  const partnerId = couple.clientAId === ctx.client.id ? couple.clientBId : couple.clientAId;
  const [partner] = await db
    .select({ id: clients.id, firstName: clients.firstName, preferredName: clients.preferredName })
    .from(clients)
    .where(and(eq(clients.id, partnerId), eq(clients.practiceId, ctx.practice.id)));
  return { couple, partner: partner ?? null };
}

function sharedBy(checkIns: LoadedCheckIn[], partnerId: string | null, exercisesById: LoadedHomework["exercises"]): SharedReflection[] {
  if (!partnerId) return [];
  return checkIns
    .filter((c) => c.clientId === partnerId && c.sharedWithPartner && c.reflection)
    .reverse()
    .map((c) => ({ id: c.id, date: c.date, exerciseTitle: exercisesById.get(c.exerciseId)?.title ?? "Exercise", text: c.reflection! }));
}

function statusOf(a: LoadedAssignment, today: string): "upcoming" | "active" | "finished" {
  if (a.startDate > today) return "upcoming";
  return lastDayOf(a.plan) < today ? "finished" : "active";
}

/** The portal's "This week": what is due, progress, the streak and what the partner shared. */
export async function getPortalHomework(ctx: ClientContext, now: Date): Promise<PortalHomework> {
  const today = todayIn(ctx.practice.timeZone, now);
  const { couple, partner } = await partnerOf(ctx);
  const hw = await loadHomework(ctx.practice.id, { clientId: ctx.client.id, coupleId: couple?.id ?? null }, { kind: "client", clientId: ctx.client.id });
  withEndDates(hw.assignments, ctx.practice.timeZone);
  const people = couple ? [couple.clientAId, couple.clientBId] : [ctx.client.id];
  const plans = hw.assignments.map((a) => ({ plan: a.plan, clientIds: a.coupleId ? people : [ctx.client.id] }));
  const titleOf = new Map(hw.assignments.map((a) => [a.id, a.title]));
  const due = dueThisWeek(plans, ctx.client.id, hw.checkIns, today).map((d) => {
    const ex = hw.exercises.get(d.exerciseId);
    return { ...d, exerciseTitle: ex?.title ?? "Exercise", minutes: ex?.minutes ?? 0, assignmentTitle: titleOf.get(d.assignmentId) ?? "Homework" };
  });
  const ownDone = hw.checkIns.filter((c) => c.clientId === ctx.client.id && c.done).map((c) => c.date);
  return {
    today,
    due,
    progress: weekProgress(due),
    streakWeeks: weeksInARow(ownDone, today),
    assignments: hw.assignments.map((a) => ({
      id: a.id,
      title: a.title,
      startDate: a.startDate,
      lastDay: lastDayOf(a.plan),
      status: statusOf(a, today),
      dosageLine: formatDosage(a.dosage, a.plan.timesPerWeek),
    })),
    partnerName: partner ? (partner.preferredName ?? partner.firstName) : null,
    sharedByPartner: sharedBy(hw.checkIns, partner?.id ?? null, hw.exercises).slice(0, 5),
    remindersEnabled: await remindersEnabled(ctx.client.id),
  };
}

export interface PortalAssignment {
  today: string;
  assignment: LoadedAssignment;
  status: "upcoming" | "active" | "finished";
  forCouple: boolean;
  partnerName: string | null;
  /** Exercises in plan order, with the program week (null for a single exercise). */
  steps: {
    week: number | null;
    timesPerWeek: number;
    exercise: Pick<Exercise, "id" | "title" | "summary" | "instructions" | "minutes" | "participants" | "prompts">;
    /** "3 sets × 10 reps, hold 5 s, twice a day", or null. */
    dosageLine: string | null;
    /** The check-in asks for sets and repetitions done. */
    countsRepetitions: boolean;
  }[];
  due: DueItem[];
  /** The client's own check-ins, newest first. */
  own: LoadedCheckIn[];
  sharedByPartner: SharedReflection[];
}

/**
 * One assignment as its client sees it: the exercises with instructions,
 * what is due, their own check-ins and what their partner shared. Null for
 * an assignment that is not theirs (the page 404s).
 */
export async function getPortalAssignment(ctx: ClientContext, assignmentId: string, now: Date): Promise<PortalAssignment | null> {
  if (!isUuid(assignmentId)) return null;
  const today = todayIn(ctx.practice.timeZone, now);
  const { couple, partner } = await partnerOf(ctx);
  const hw = await loadHomework(ctx.practice.id, { clientId: ctx.client.id, coupleId: couple?.id ?? null }, { kind: "client", clientId: ctx.client.id });
  withEndDates(hw.assignments, ctx.practice.timeZone);
  const assignment = hw.assignments.find((a) => a.id === assignmentId);
  if (!assignment) return null;
  const plan = assignment.plan;
  const order = plan.exerciseId ? [{ week: null, exerciseId: plan.exerciseId, timesPerWeek: plan.timesPerWeek ?? 1 }] : plan.programItems;
  const full = await db
    .select({
      id: exercises.id,
      title: exercises.title,
      summary: exercises.summary,
      instructions: exercises.instructions,
      minutes: exercises.minutes,
      participants: exercises.participants,
      prompts: exercises.prompts,
      sets: exercises.sets,
      repetitions: exercises.repetitions,
      holdSeconds: exercises.holdSeconds,
      restSeconds: exercises.restSeconds,
      timesPerDay: exercises.timesPerDay,
    })
    .from(exercises)
    .where(inArray(exercises.id, [...new Set(order.map((o) => o.exerciseId))]));
  const byId = new Map(full.map((e) => [e.id, e]));
  const checkIns = hw.checkIns.filter((c) => c.assignmentId === assignment.id);
  const people = couple ? [couple.clientAId, couple.clientBId] : [ctx.client.id];
  return {
    today,
    assignment,
    status: statusOf(assignment, today),
    forCouple: assignment.coupleId !== null,
    partnerName: partner ? (partner.preferredName ?? partner.firstName) : null,
    steps: order
      .filter((o) => byId.has(o.exerciseId))
      .map((o) => {
        const exercise = byId.get(o.exerciseId)!;
        const dosage = dosageIn({ exerciseId: plan.exerciseId, ...assignment.dosage }, o.exerciseId, exercise);
        return { week: o.week, timesPerWeek: o.timesPerWeek, exercise, dosageLine: formatDosage(dosage, o.timesPerWeek), countsRepetitions: countsRepetitions(dosage) };
      }),
    due: dueThisWeek([{ plan, clientIds: assignment.coupleId ? people : [ctx.client.id] }], ctx.client.id, checkIns, today),
    own: checkIns.filter((c) => c.clientId === ctx.client.id).reverse(),
    sharedByPartner: sharedBy(checkIns, partner?.id ?? null, hw.exercises),
  };
}
