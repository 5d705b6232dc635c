import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { members, practices } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { zodFieldErrors, type ActionResult } from "@/lib/form-result";
import { videoPatternSchema, videoRoomSchema } from "./settings-schema";

/**
 * The practice's provider pattern (owner/admin) and a clinician's own
 * standing room. A change applies to sessions booked or rescheduled from
 * then on; a booked session keeps the link its emails already carry.
 */
export interface VideoSettings {
  pattern: string | null;
  /** The signed-in member's own room. */
  ownRoom: string | null;
}

export async function loadVideoSettings(scope: Pick<PracticeScope, "practice" | "memberId">): Promise<VideoSettings> {
  const [row] = await db
    .select({ pattern: practices.videoUrlPattern, ownRoom: members.videoUrl })
    .from(members)
    .innerJoin(practices, eq(practices.id, members.practiceId))
    .where(and(eq(members.id, scope.memberId), eq(members.practiceId, scope.practice.id)));
  return { pattern: row?.pattern ?? null, ownRoom: row?.ownRoom ?? null };
}

export async function saveVideoPattern(scope: PracticeScope, values: unknown): Promise<ActionResult> {
  const parsed = videoPatternSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  await db.transaction(async (tx) => {
    await tx.update(practices).set({ videoUrlPattern: parsed.data.pattern }).where(eq(practices.id, scope.practice.id));
    await recordAudit(byMember(scope, "video.pattern_update", { type: "practice", id: scope.practice.id }, { set: parsed.data.pattern !== null }), tx);
  });
  return { ok: true };
}

export async function saveOwnVideoRoom(scope: PracticeScope, values: unknown): Promise<ActionResult> {
  const parsed = videoRoomSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  await db.transaction(async (tx) => {
    await tx.update(members).set({ videoUrl: parsed.data.room }).where(and(eq(members.id, scope.memberId), eq(members.practiceId, scope.practice.id)));
    await recordAudit(byMember(scope, "video.room_update", { type: "member", id: scope.memberId }, { set: parsed.data.room !== null }), tx);
  });
  return { ok: true };
}
