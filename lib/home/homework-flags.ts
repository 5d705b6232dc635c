import type { ActiveHomework } from "@/lib/homework/load-active";
import { computeFlags, flagText } from "@/lib/homework/flags";
import { lastDayOf } from "@/lib/homework/schedule";

export interface HomeHomeworkFlag {
  /** The client whose homework page the row opens (a couple's first partner). */
  clientId: string;
  who: string;
  flags: string[];
}

/**
 * The homework flags (lib/homework/flags.ts) of the homework running today,
 * one row per client or couple, only rows with a flag. `memberId` narrows
 * it to what that clinician assigned; null: the whole practice. Pure.
 */
export function homeworkFlagRows(active: Pick<ActiveHomework, "assignments" | "clients" | "checkIns">, today: string, memberId: string | null): HomeHomeworkFlag[] {
  const running = active.assignments.filter((a) => a.plan.startDate <= today && lastDayOf(a.plan) >= today && (memberId === null || a.assignedByMemberId === memberId));
  // One row per couple (their shared and individual homework) or single client, as the homework page groups them.
  const groups = new Map<string, { clientIds: string[]; list: typeof running }>();
  for (const a of running) {
    const clientIds = [...a.clientIds].sort();
    const key = clientIds.join("+");
    const g = groups.get(key) ?? { clientIds, list: [] };
    g.list.push(a);
    groups.set(key, g);
  }
  for (const [key, g] of [...groups]) {
    if (g.clientIds.length !== 1) continue;
    const couple = [...groups.values()].find((other) => other.clientIds.length === 2 && other.clientIds.includes(g.clientIds[0]!));
    if (couple) {
      couple.list.push(...g.list);
      groups.delete(key);
    }
  }
  const rows: HomeHomeworkFlag[] = [];
  for (const { clientIds, list } of groups.values()) {
    const ids = new Set(list.map((a) => a.plan.id));
    const checkIns = active.checkIns.filter((c) => ids.has(c.assignmentId));
    const nameOf = (id: string) => {
      const c = active.clients.get(id);
      return c ? `${c.firstName} ${c.lastName}` : "Client";
    };
    const flags = computeFlags(
      clientIds,
      list.map((a) => ({ id: a.plan.id, startDate: a.plan.startDate, lastDay: lastDayOf(a.plan), clientIds: a.clientIds, together: a.plan.mode === "together" })),
      checkIns,
      today,
    ).map((f) => `${clientIds.length > 1 ? `${nameOf(f.clientId)}: ` : ""}${flagText(f)}`);
    if (flags.length > 0) rows.push({ clientId: clientIds[0]!, who: clientIds.map(nameOf).join(" & "), flags });
  }
  return rows.sort((a, b) => b.flags.length - a.flags.length || a.who.localeCompare(b.who));
}
