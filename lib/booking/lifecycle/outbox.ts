import { and, asc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { appointmentEvents, type AppointmentEvent } from "@/db/schema";
import { safeErrorText } from "@/lib/db/pg-error";
import type { EmailTransport } from "@/lib/email/send-email";
import { notifyAppointmentChange } from "@/lib/notifications/producers";

/**
 * The appointment outbox (table `appointment_events`, migration 0013).
 *
 * Invariants, and why:
 * - A row is written only by a lifecycle transition, in the transaction of
 *   the change itself: the change and its "what must follow" commit or roll
 *   back together, so a crash after commit loses no email and a refused
 *   booking sends none.
 * - Effects run after commit, never inside the change's transaction (they
 *   call Resend and Stripe, which must not hold a row lock or see rows that
 *   may still roll back).
 * - Each kind has one fixed list of effects, run in that order. An effect
 *   that succeeds is recorded in `effects_done` at once, so a retry runs only
 *   the ones still owed; each effect is idempotent under its own key anyway
 *   (email keys, the forms' unique index, the refunds' row locks), so even a
 *   run that died before recording success repeats nothing a user sees.
 * - One retry policy for all: a claim leases the row (attempts + 1), a
 *   failure backs it off (1, 2, 4, 8 minutes), after MAX_ATTEMPTS it stays
 *   undone with its last error for someone to look at.
 */

/** Also the database's check on `appointment_events.kind` (db/schema/booking.ts). */
export const EVENT_KINDS = ["held", "awaiting_payment", "confirmed", "rescheduled", "cancelled", "late_cancelled", "completed", "no_show", "expired"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export type EffectName = "email" | "forms" | "cancellation-policy" | "gfe";

/** What follows each change, in the order it runs. */
export const EVENT_EFFECTS: Record<EventKind, readonly EffectName[]> = {
  held: [],
  awaiting_payment: [],
  // The confirmation first: it matters most and must not wait on the forms.
  // Then a self-pay client's Good Faith Estimate (US practices, decision 0053).
  confirmed: ["email", "forms", "gfe"],
  rescheduled: ["email"],
  cancelled: ["email", "cancellation-policy"],
  late_cancelled: ["email", "cancellation-policy"],
  completed: [],
  no_show: [],
  expired: [],
};

export const MAX_ATTEMPTS = 5;
/** How long a claimed row is left alone: a run that dies mid-way is picked up after this. */
const LEASE_MS = 5 * 60_000;
const backoffMs = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1), 60) * 60_000;

export type EventData = Record<string, string | number | boolean | null>;

/** Called by the transitions only (same transaction as the change). A change with no effects is written done. */
export async function recordEvent(
  tx: DbOrTx,
  input: { practiceId: string; appointmentId: string; kind: EventKind; sequence: number; now: Date; data?: EventData },
): Promise<void> {
  const done = EVENT_EFFECTS[input.kind].length === 0;
  const key = `${input.kind}:${input.appointmentId}:${input.sequence}`;
  // The clinician's notice (in-app, and the email the staff-notify job sends) commits with the change.
  await notifyAppointmentChange(tx, { practiceId: input.practiceId, appointmentId: input.appointmentId, eventKind: input.kind, key, now: input.now });
  await tx
    .insert(appointmentEvents)
    .values({
      key,
      practiceId: input.practiceId,
      appointmentId: input.appointmentId,
      kind: input.kind,
      data: input.data ?? {},
      nextAttemptAt: input.now,
      createdAt: input.now,
      doneAt: done ? input.now : null,
    })
    .onConflictDoNothing({ target: appointmentEvents.key });
}

export interface EffectContext {
  now: Date;
  /** The mail transport (default: from the environment). */
  transport?: EmailTransport;
}
export type EffectHandler = (event: AppointmentEvent, ctx: EffectContext) => Promise<void>;
export type EffectHandlers = Record<EffectName, EffectHandler>;

export interface RunSummary {
  due: number;
  done: number;
  failed: number;
}

/**
 * Claims due rows (all, or one appointment's) and runs their effects with
 * `handlers`. The handlers come from the layer above booking and billing
 * (lib/jobs/appointment-events.ts), so this module never imports billing.
 */
export async function runEvents(handlers: EffectHandlers, options: EffectContext & { appointmentId?: string; limit?: number }): Promise<RunSummary> {
  const { now } = options;
  const claimed = await claim(now, options.appointmentId, options.limit ?? 50);
  const summary: RunSummary = { due: claimed.length, done: 0, failed: 0 };
  for (const event of claimed) {
    const owed = EVENT_EFFECTS[event.kind as EventKind].filter((e) => !event.effectsDone.includes(e));
    let failure: unknown = null;
    for (const effect of owed) {
      try {
        await handlers[effect](event, { now, transport: options.transport });
        await db
          .update(appointmentEvents)
          .set({ effectsDone: sql`array_append(${appointmentEvents.effectsDone}, ${effect})` })
          .where(eq(appointmentEvents.id, event.id));
      } catch (error) {
        // The others still run: effects are independent, each retried on its own.
        failure ??= error;
        console.warn(`[appointments] ${event.kind} ${effect} for appointment ${event.appointmentId} failed (attempt ${event.attempts}): ${safeErrorText(error)}`);
      }
    }
    if (failure) {
      summary.failed++;
      await db
        .update(appointmentEvents)
        .set({ lastError: safeErrorText(failure).slice(0, 500), nextAttemptAt: new Date(now.getTime() + backoffMs(event.attempts)) })
        .where(eq(appointmentEvents.id, event.id));
    } else {
      summary.done++;
      await db.update(appointmentEvents).set({ doneAt: now, lastError: null }).where(eq(appointmentEvents.id, event.id));
    }
  }
  return summary;
}

/** Leases due rows to this run (SKIP LOCKED: two runners never take the same row). Oldest first. */
async function claim(now: Date, appointmentId: string | undefined, limit: number): Promise<AppointmentEvent[]> {
  const due = db
    .select({ id: appointmentEvents.id })
    .from(appointmentEvents)
    .where(
      and(
        isNull(appointmentEvents.doneAt),
        lte(appointmentEvents.nextAttemptAt, now),
        lt(appointmentEvents.attempts, MAX_ATTEMPTS),
        appointmentId ? eq(appointmentEvents.appointmentId, appointmentId) : undefined,
      ),
    )
    .orderBy(asc(appointmentEvents.createdAt), asc(appointmentEvents.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(appointmentEvents)
    .set({ attempts: sql`${appointmentEvents.attempts} + 1`, nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
    .where(inArray(appointmentEvents.id, due))
    .returning();
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}
