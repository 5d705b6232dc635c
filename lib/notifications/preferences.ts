import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { notificationPreferences } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { zodFieldErrors, type ActionResult } from "@/lib/form-result";
import { NOTIFICATION_KINDS, isNotificationKind, resolveChannels, type Channels, type NotificationKind } from "./kinds";
import { preferencesSchema } from "./preferences-schema";

/** The signed-in member's channels for every kind (their rows over the defaults). */
export async function loadPreferences(scope: PracticeScope): Promise<Record<NotificationKind, Channels>> {
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.practiceId, scope.practice.id), eq(notificationPreferences.memberId, scope.memberId)));
  const saved = new Map(rows.filter((r) => isNotificationKind(r.kind)).map((r) => [r.kind, { email: r.email, inApp: r.inApp }]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, resolveChannels(k, saved.get(k))])) as Record<NotificationKind, Channels>;
}

/** Saves the member's own choices, every kind at once; a refused input changes nothing. */
export async function savePreferences(scope: PracticeScope, input: unknown, now: Date): Promise<ActionResult> {
  const parsed = preferencesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const values = NOTIFICATION_KINDS.map((kind) => ({
    practiceId: scope.practice.id,
    memberId: scope.memberId,
    kind,
    email: parsed.data[kind].email,
    inApp: parsed.data[kind].inApp,
    updatedAt: now,
  }));
  await db
    .insert(notificationPreferences)
    .values(values)
    .onConflictDoUpdate({ target: [notificationPreferences.memberId, notificationPreferences.kind], set: { email: sqlExcluded("email"), inApp: sqlExcluded("in_app"), updatedAt: now } });
  return { ok: true };
}

function sqlExcluded(column: string) {
  return sql.raw(`excluded.${column}`);
}
