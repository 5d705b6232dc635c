import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { members, practices } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { rolesWith, ROLE_LABELS, type MemberRole } from "@/lib/auth/roles";
import { fieldError, zodFieldErrors, type ActionResult } from "@/lib/form-result";
import { noteSettingsSchema } from "./settings-schema";

export interface NoteSettings {
  noteSignHours: number;
  clinicians: { memberId: string; name: string; role: MemberRole; roleLabel: string; supervised: boolean; supervisorMemberId: string | null }[];
}

/** The practice's limit and the members who write notes, with who is supervised. No clinical content. */
export async function loadNoteSettings(scope: PracticeScope): Promise<NoteSettings> {
  const [practice] = await db.select({ hours: practices.noteSignHours }).from(practices).where(eq(practices.id, scope.practice.id));
  const rows = await db
    .select({ memberId: members.id, name: members.displayName, role: members.role, supervised: members.supervised, supervisorMemberId: members.supervisorMemberId })
    .from(members)
    .where(and(eq(members.practiceId, scope.practice.id), inArray(members.role, rolesWith("notes.write"))))
    .orderBy(asc(members.displayName), asc(members.id));
  return { noteSignHours: practice?.hours ?? 72, clinicians: rows.map((r) => ({ ...r, roleLabel: ROLE_LABELS[r.role] })) };
}

/**
 * Saves the limit and the supervised flags in one transaction, audited with
 * counts only. Every id must be a member of this practice who writes notes;
 * a forged or foreign id is a field error and nothing changes. A note already
 * signed keeps the co-sign rule it was signed under (it is on the note).
 */
export async function saveNoteSettings(scope: PracticeScope, values: unknown): Promise<ActionResult> {
  const parsed = noteSettingsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { noteSignHours } = parsed.data;
  const supervised = [...new Set(parsed.data.supervised)];
  const writers = await db
    .select({ id: members.id, role: members.role })
    .from(members)
    .where(and(eq(members.practiceId, scope.practice.id), inArray(members.role, rolesWith("notes.write"))));
  const ids = new Set(writers.map((w) => w.id));
  if (supervised.some((id) => !ids.has(id))) return fieldError("supervised", "Supervised: choose from the practice's clinicians");
  // A supervisor co-signs: a note writer of this practice who is not supervised and not the clinician themself.
  const cosigners = new Set(writers.filter((w) => rolesWith("notes.cosign").includes(w.role) && !supervised.includes(w.id)).map((w) => w.id));
  const supervisorOf = new Map<string, string | null>();
  for (const id of supervised) {
    const chosen = parsed.data.supervisors[id] || null;
    if (chosen && (chosen === id || !cosigners.has(chosen))) return fieldError(`supervisors.${id}`, "Supervisor: choose a clinician who is not supervised themself");
    supervisorOf.set(id, chosen);
  }
  await db.transaction(async (tx) => {
    await tx.update(practices).set({ noteSignHours }).where(eq(practices.id, scope.practice.id));
    // One statement for every note writer: supervised exactly when listed.
    await tx
      .update(members)
      .set({ supervised: supervised.length > 0 ? inArray(members.id, supervised) : sql`false` })
      .where(and(eq(members.practiceId, scope.practice.id), inArray(members.role, rolesWith("notes.write"))));
    // Only the supervised have a supervisor; everyone else's link is cleared.
    await tx
      .update(members)
      .set({ supervisorMemberId: null })
      .where(and(eq(members.practiceId, scope.practice.id), supervised.length > 0 ? notInArray(members.id, supervised) : undefined));
    for (const [id, supervisor] of supervisorOf) {
      await tx.update(members).set({ supervisorMemberId: supervisor }).where(and(eq(members.practiceId, scope.practice.id), eq(members.id, id)));
    }
    await recordAudit(
      byMember(scope, "notes.settings_update", { type: "practice", id: scope.practice.id }, { noteSignHours, supervised: supervised.length, supervisorsAssigned: [...supervisorOf.values()].filter(Boolean).length }),
      tx,
    );
  });
  return { ok: true };
}
