import type { CheckInRatings, RatingPrompt } from "@/db/schema";
import { addDays, daysBetween, maxDate } from "@/lib/dates";

export const INACTIVE_DAYS = 7;
export const PAIN_THRESHOLD = 7;
/** How far back a pain rating or a closeness drop still raises a flag. */
export const FLAG_WINDOW_DAYS = 14;
/** A closeness drop counts when the latest rating is this share of the scale below the recent average. */
export const CLOSENESS_DROP_SHARE = 0.4;

export type Flag =
  | { kind: "inactive"; clientId: string; days: number }
  | { kind: "pain"; clientId: string; value: number; max: number; date: string }
  | { kind: "closeness_drop"; clientId: string; from: number; to: number; date: string }
  /** An open safety flag from a form (lib/safety/): shown until a clinician acknowledges it on the client's record. */
  | { kind: "safety"; clientId: string; date: string };

/** A client's open safety flag, by the practice-local date it was raised. */
export interface OpenSafetyFlag {
  clientId: string;
  date: string;
}

export interface FlagAssignment {
  id: string;
  startDate: string;
  lastDay: string;
  /** The people doing it. */
  clientIds: string[];
  /** A "together" assignment: either partner's check-in counts as activity for both. */
  together: boolean;
}

export interface FlagCheckIn {
  assignmentId: string;
  clientId: string;
  date: string;
  createdAt: Date;
  ratings: CheckInRatings;
  ratingPrompts: RatingPrompt[];
}

/**
 * Flags for the clinician, per client:
 * - no check-in for 7 days on homework that is running (counted from the
 *   later of the last check-in and the start);
 * - a pain rating of 7 or more in the last 14 days (the highest one);
 * - a sharp drop in closeness: the latest closeness rating (within 14 days)
 *   at least 40 % of its scale below the average of the up to three before it.
 * Open safety flags (`safety`, one per client, the oldest) come first,
 * whether or not the client has homework running.
 */
export function computeFlags(clientIds: string[], assignments: FlagAssignment[], checkIns: FlagCheckIn[], today: string, safety: OpenSafetyFlag[] = []): Flag[] {
  const flags: Flag[] = [];
  const seen = new Set<string>();
  for (const s of [...safety].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (seen.has(s.clientId)) continue;
    seen.add(s.clientId);
    flags.push({ kind: "safety", clientId: s.clientId, date: s.date });
  }
  const windowStart = addDays(today, -FLAG_WINDOW_DAYS);
  const byAssignment = new Map(assignments.map((a) => [a.id, a]));
  for (const clientId of clientIds) {
    const running = assignments.filter((a) => a.clientIds.includes(clientId) && a.startDate <= today && a.lastDay >= today);
    if (running.length > 0) {
      let reference = running.map((a) => a.startDate).sort()[0]!;
      for (const c of checkIns) {
        const a = byAssignment.get(c.assignmentId);
        if (!a || !a.clientIds.includes(clientId)) continue;
        if (c.clientId === clientId || a.together) reference = maxDate(reference, c.date);
      }
      const days = daysBetween(reference, today);
      if (days >= INACTIVE_DAYS) flags.push({ kind: "inactive", clientId, days });
    }

    const own = checkIns.filter((c) => c.clientId === clientId).sort((a, b) => (a.date === b.date ? a.createdAt.getTime() - b.createdAt.getTime() : a.date < b.date ? -1 : 1));
    let worst: { value: number; max: number; date: string } | null = null;
    const closeness: { value: number; span: number; date: string }[] = [];
    for (const c of own) {
      for (const prompt of c.ratingPrompts) {
        const value = c.ratings[prompt.id];
        if (typeof value !== "number") continue;
        if (prompt.kind === "pain" && c.date >= windowStart && value >= PAIN_THRESHOLD && (!worst || value >= worst.value)) worst = { value, max: prompt.max, date: c.date };
        if (prompt.kind === "closeness") closeness.push({ value, span: prompt.max - prompt.min, date: c.date });
      }
    }
    if (worst) flags.push({ kind: "pain", clientId, ...worst });
    const latest = closeness.at(-1);
    const before = closeness.slice(-4, -1);
    if (latest && before.length >= 2 && latest.date >= windowStart) {
      const average = before.reduce((s, r) => s + r.value, 0) / before.length;
      if (average - latest.value >= CLOSENESS_DROP_SHARE * latest.span) {
        flags.push({ kind: "closeness_drop", clientId, from: Math.round(average * 10) / 10, to: latest.value, date: latest.date });
      }
    }
  }
  return flags;
}

export function flagText(flag: Flag): string {
  switch (flag.kind) {
    case "inactive":
      return `No check-in for ${flag.days} days`;
    case "pain":
      return `Pain rated ${flag.value} of ${flag.max}`;
    case "closeness_drop":
      return `Closeness dropped to ${flag.to} (recent average ${flag.from})`;
    case "safety":
      return "A safety answer on a form needs a clinician: open the client's record to acknowledge it";
  }
}
