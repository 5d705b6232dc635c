import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, notificationPreferences, staffNotifications } from "@/db/schema";
import { runningBoss } from "@/lib/jobs/queue-handle";
import { resolveChannels, type Channels, type NotificationKind } from "./kinds";

export interface NoticeSubject {
  appointmentId?: string | null;
  clientId?: string | null;
  paymentId?: string | null;
  flagId?: string | null;
  responseId?: string | null;
}

export interface NoticeInput {
  practiceId: string;
  kind: NotificationKind;
  /** The event's own key (an appointment event, a response, a payment): the same event tells a member once. */
  key: string;
  memberIds: readonly string[];
  subject: NoticeSubject;
  now: Date;
  /**
   * False when the kind's email goes out another way (a safety flag's own
   * outbox, lib/safety/notify.ts): the row is then in-app only, and the
   * caller queues the email for the members whose choice says so.
   */
  emailHere?: boolean;
}

export interface Told {
  memberId: string;
  channels: Channels;
}

/**
 * Tells members of an event, inside the caller's transaction (the change and
 * its notices commit together). Each member's choice is read here, once, so
 * a notice is what the member wanted when it happened. Only joined members
 * of this practice are told, whoever the caller named. Returns each member's
 * channels (also those who chose neither, who get no row).
 */
export async function notifyMembers(tx: DbOrTx, input: NoticeInput): Promise<Told[]> {
  const ids = [...new Set(input.memberIds)];
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: members.id, email: notificationPreferences.email, inApp: notificationPreferences.inApp })
    .from(members)
    .leftJoin(notificationPreferences, and(eq(notificationPreferences.memberId, members.id), eq(notificationPreferences.kind, input.kind)))
    .where(and(eq(members.practiceId, input.practiceId), inArray(members.id, ids), isNotNull(members.joinedAt)));
  const told = rows.map((r) => ({ memberId: r.id, channels: resolveChannels(input.kind, r.email === null || r.inApp === null ? null : { email: r.email, inApp: r.inApp }) }));
  const emailHere = input.emailHere ?? true;
  const values = told
    .map((t) => ({ memberId: t.memberId, inApp: t.channels.inApp, email: emailHere && t.channels.email }))
    .filter((v) => v.inApp || v.email)
    .map((v) => ({
      ...v,
      practiceId: input.practiceId,
      kind: input.kind,
      key: input.key,
      appointmentId: input.subject.appointmentId ?? null,
      clientId: input.subject.clientId ?? null,
      paymentId: input.subject.paymentId ?? null,
      flagId: input.subject.flagId ?? null,
      responseId: input.subject.responseId ?? null,
      createdAt: input.now,
    }));
  if (values.length > 0) await tx.insert(staffNotifications).values(values).onConflictDoNothing({ target: [staffNotifications.memberId, staffNotifications.key] });
  return told;
}

/** After commit: asks this process's job runner (if it runs one) to send staff emails now rather than at the next tick. */
export function kickStaffNotifications(): void {
  runningBoss()
    ?.send("staff-notify", {}, { singletonKey: "staff-notify", singletonSeconds: 1 })
    .catch(() => {});
}
