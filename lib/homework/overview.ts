import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { clients, couples, safetyFlags } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { computeAdherence, type Adherence } from "./compute-adherence";
import { localDate, todayIn } from "@/lib/dates";
import { formatDone, formatDosage } from "./dosage";
import { computeFlags, flagText, type Flag } from "./flags";
import { loadHomework, withEndDates } from "./load-homework";
import { blockAt, lastDayOf, tasksFor } from "./schedule";

export interface OverviewPerson {
  id: string;
  name: string;
}

export interface OverviewAssignment {
  id: string;
  title: string;
  kind: "exercise" | "program";
  mode: "individual" | "together" | "each_partner";
  forCouple: boolean;
  startDate: string;
  lastDay: string;
  status: "upcoming" | "active" | "finished";
  personalNote: string | null;
  /** The program week in progress (1-based), if any. */
  currentWeek: number | null;
  /** A single exercise's dosage line ("3 sets × 10 reps, hold 5 s, twice a day"), or null. */
  dosageLine: string | null;
  /** The latest check-ins that logged sets or repetitions, newest first. */
  logged: { id: string; date: string; personName: string; exerciseTitle: string; text: string }[];
  total: Adherence;
  participants: (Adherence & { label: string })[];
}

export interface RatingSeries {
  /** The rating prompt's kind and range: one chart per kind. */
  kind: string;
  label: string;
  min: number;
  max: number;
  /** One row per date: `{ date, [personId]: average that day }`. */
  rows: Record<string, string | number>[];
}

export interface OverviewReflection {
  id: string;
  date: string;
  personName: string;
  exerciseTitle: string;
  text: string;
  sharedWithPartner: boolean;
}

export interface HomeworkOverview {
  today: string;
  client: OverviewPerson;
  partner: OverviewPerson | null;
  coupleId: string | null;
  assignments: OverviewAssignment[];
  series: RatingSeries[];
  reflections: OverviewReflection[];
  flags: (Flag & { personName: string; text: string })[];
  checkInCount: number;
}

const KIND_LABELS: Record<string, string> = { closeness: "Closeness", comfort: "Comfort", pain: "Pain", desire: "Desire", ease: "Ease", mood: "Mood", other: "Other" };

/**
 * The clinician's homework view of one client (and their couple): adherence
 * per assignment, ratings over time, latest reflections and flags. A fixed
 * number of queries whatever the size (the person and partner, then the
 * three of loadHomework, then the audit event), never one per row. Audited.
 */
export async function getHomeworkOverview(scope: PracticeScope, clientId: string, now: Date): Promise<HomeworkOverview | null> {
  if (!isUuid(clientId)) return null;
  const partner = alias(clients, "partner");
  const asA = alias(couples, "as_a");
  const asB = alias(couples, "as_b");
  const [row] = await db
    .select({
      id: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      coupleId: sql<string | null>`coalesce(${asA.id}, ${asB.id})`,
      partnerId: partner.id,
      partnerFirstName: partner.firstName,
      partnerLastName: partner.lastName,
      // Open safety flags of the client and partner, in this same query (the page's query count stays fixed).
      openSafety: sql<{ clientId: string; raisedAt: string }[]>`coalesce((select json_agg(json_build_object('clientId', f.client_id, 'raisedAt', f.raised_at)) from ${safetyFlags} f
        where f.practice_id = ${scope.practice.id} and f.acknowledged_at is null and f.client_id in (${clients.id}, coalesce(${asA.clientBId}, ${asB.clientAId}))), '[]'::json)`,
    })
    .from(clients)
    .leftJoin(asA, eq(asA.clientAId, clients.id))
    .leftJoin(asB, eq(asB.clientBId, clients.id))
    .leftJoin(partner, eq(partner.id, sql`coalesce(${asA.clientBId}, ${asB.clientAId})`))
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, scope.practice.id)));
  if (!row) return null;
  const today = todayIn(scope.practice.timeZone, now);
  const client = { id: row.id, name: `${row.firstName} ${row.lastName}` };
  const partnerPerson = row.partnerId ? { id: row.partnerId, name: `${row.partnerFirstName} ${row.partnerLastName}` } : null;
  const nameOf = new Map([[client.id, client.name], ...(partnerPerson ? [[partnerPerson.id, partnerPerson.name] as const] : [])]);
  const coupleIds = partnerPerson ? [client.id, partnerPerson.id] : [client.id];

  const hw = await loadHomework(scope.practice.id, { clientId: client.id, coupleId: row.coupleId }, { kind: "staff" });
  withEndDates(hw.assignments, scope.practice.timeZone);

  const assignments: OverviewAssignment[] = hw.assignments.map((a) => {
    const people = a.coupleId ? coupleIds : [client.id];
    const checkIns = hw.checkIns.filter((c) => c.assignmentId === a.id);
    const adherence = computeAdherence(a.plan, people, checkIns, today);
    const lastDay = lastDayOf(a.plan);
    const current = tasksFor(a.plan).find((t) => blockAt(t, today));
    return {
      id: a.id,
      title: a.title,
      kind: a.kind,
      mode: a.mode,
      forCouple: a.coupleId !== null,
      startDate: a.startDate,
      lastDay,
      status: a.startDate > today ? "upcoming" : lastDay < today ? "finished" : "active",
      personalNote: a.personalNote,
      currentWeek: current?.week ?? null,
      dosageLine: formatDosage(a.dosage, a.plan.timesPerWeek),
      logged: checkIns
        .filter((c) => formatDone(c))
        .slice(-10)
        .reverse()
        .map((c) => ({ id: c.id, date: c.date, personName: nameOf.get(c.clientId) ?? "Client", exerciseTitle: hw.exercises.get(c.exerciseId)?.title ?? "Exercise", text: formatDone(c)! })),
      total: adherence.total,
      participants: adherence.participants.map((p) => ({ ...p, label: p.participant.key === "couple" ? "Together" : (nameOf.get(p.participant.key) ?? "Client") })),
    };
  });

  // Ratings over time: one series per rating kind, a value per person per day (averaged).
  const sums = new Map<string, { label: string; min: number; max: number; byDate: Map<string, Map<string, { sum: number; n: number }>> }>();
  for (const c of hw.checkIns) {
    const prompts = hw.exercises.get(c.exerciseId)?.prompts.ratings ?? [];
    for (const p of prompts) {
      const value = c.ratings[p.id];
      if (typeof value !== "number") continue;
      let s = sums.get(p.kind);
      if (!s) sums.set(p.kind, (s = { label: KIND_LABELS[p.kind] ?? p.kind, min: p.min, max: p.max, byDate: new Map() }));
      s.min = Math.min(s.min, p.min);
      s.max = Math.max(s.max, p.max);
      let day = s.byDate.get(c.date);
      if (!day) s.byDate.set(c.date, (day = new Map()));
      const cell = day.get(c.clientId) ?? { sum: 0, n: 0 };
      day.set(c.clientId, { sum: cell.sum + value, n: cell.n + 1 });
    }
  }
  const order = ["closeness", "pain", "comfort", "desire", "ease", "mood", "other"];
  const series: RatingSeries[] = [...sums.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([kind, s]) => ({
      kind,
      label: s.label,
      min: s.min,
      max: s.max,
      rows: [...s.byDate.entries()]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([date, people]) => ({ date, ...Object.fromEntries([...people.entries()].map(([id, c]) => [id, Math.round((c.sum / c.n) * 10) / 10])) })),
    }));

  const reflections: OverviewReflection[] = hw.checkIns
    .filter((c) => c.reflection)
    .slice(-10)
    .reverse()
    .map((c) => ({
      id: c.id,
      date: c.date,
      personName: nameOf.get(c.clientId) ?? "Client",
      exerciseTitle: hw.exercises.get(c.exerciseId)?.title ?? "Exercise",
      text: c.reflection!,
      sharedWithPartner: c.sharedWithPartner,
    }));

  const flags = computeFlags(
    coupleIds.filter((id) => hw.assignments.some((a) => a.clientId === id || a.coupleId)),
    hw.assignments.map((a) => ({ id: a.id, startDate: a.startDate, lastDay: lastDayOf(a.plan), clientIds: a.coupleId ? coupleIds : [a.clientId!], together: a.mode === "together" })),
    hw.checkIns.map((c) => ({ assignmentId: c.assignmentId, clientId: c.clientId, date: c.date, createdAt: c.createdAt, ratings: c.ratings, ratingPrompts: hw.exercises.get(c.exerciseId)?.prompts.ratings ?? [] })),
    today,
    row.openSafety.map((f) => ({ clientId: f.clientId, date: localDate(new Date(f.raisedAt), scope.practice.timeZone) })),
  ).map((f) => ({ ...f, personName: nameOf.get(f.clientId) ?? "Client", text: flagText(f) }));

  await recordAudit(byMember(scope, "homework.read", { type: "client", id: client.id }, { assignments: assignments.length, checkIns: hw.checkIns.length }));
  return { today, client, partner: partnerPerson, coupleId: row.coupleId, assignments, series, reflections, flags, checkInCount: hw.checkIns.length };
}
