import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { computeAdherence } from "./compute-adherence";
import { todayIn } from "@/lib/dates";
import { computeFlags, flagText } from "./flags";
import { loadActiveHomework } from "./load-active";
import { lastDayOf } from "./schedule";

export interface HomeworkClientRow {
  /** The client whose homework page the row opens (for a couple, the first partner). */
  clientId: string;
  name: string;
  assignments: number;
  done: number;
  expected: number;
  percent: number | null;
  flags: string[];
}

/**
 * The practice's clients (and couples) with homework running now: adherence
 * so far across it and their flags, flagged first. A fixed number of
 * queries for the whole practice; the read is audited.
 */
export async function listHomeworkClients(scope: PracticeScope, now: Date): Promise<HomeworkClientRow[]> {
  const active = await loadActiveHomework(now, 28, scope.practice.id);
  const today = todayIn(scope.practice.timeZone, now);
  const running = active.assignments.filter((a) => a.plan.startDate <= today && lastDayOf(a.plan) >= today);
  // One row per couple (their shared and individual homework) or single client.
  const groups = new Map<string, { clientIds: string[]; list: typeof running }>();
  for (const a of running) {
    const key = [...a.clientIds].sort().join("+");
    const g = groups.get(key) ?? { clientIds: [...a.clientIds].sort(), list: [] };
    g.list.push(a);
    groups.set(key, g);
  }
  // A partner's own homework joins the couple's row when the couple has one.
  for (const [key, g] of [...groups]) {
    if (g.clientIds.length !== 1) continue;
    const couple = [...groups.entries()].find(([k, other]) => k !== key && other.clientIds.length === 2 && other.clientIds.includes(g.clientIds[0]!));
    if (couple) {
      couple[1].list.push(...g.list);
      groups.delete(key);
    }
  }
  const rows: HomeworkClientRow[] = [];
  for (const { clientIds, list } of groups.values()) {
    const ids = new Set(list.map((a) => a.plan.id));
    const checkIns = active.checkIns.filter((c) => ids.has(c.assignmentId));
    let done = 0;
    let expected = 0;
    for (const a of list) {
      const total = computeAdherence(a.plan, a.clientIds, checkIns, today).total;
      done += total.done;
      expected += total.expected;
    }
    const people = clientIds.map((id) => active.clients.get(id)).filter((c) => c !== undefined);
    const nameOf = new Map(people.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
    const flags = computeFlags(
      clientIds,
      list.map((a) => ({ id: a.plan.id, startDate: a.plan.startDate, lastDay: lastDayOf(a.plan), clientIds: a.clientIds, together: a.plan.mode === "together" })),
      checkIns,
      today,
    ).map((f) => `${clientIds.length > 1 ? `${nameOf.get(f.clientId)}: ` : ""}${flagText(f)}`);
    rows.push({
      clientId: clientIds[0]!,
      name: people.map((p) => `${p.firstName} ${p.lastName}`).join(" & "),
      assignments: list.length,
      done,
      expected,
      percent: expected > 0 ? Math.min(100, Math.round((100 * done) / expected)) : null,
      flags,
    });
  }
  rows.sort((a, b) => b.flags.length - a.flags.length || a.name.localeCompare(b.name));
  await recordAudit(byMember(scope, "homework.list", { type: "practice", id: scope.practice.id }, { clients: rows.length }));
  return rows;
}
