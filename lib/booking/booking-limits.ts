import { and, count, eq, gt, min, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, clients, holdClaims } from "@/db/schema";
import { consumeAll, limiter, minutesText } from "@/lib/http/limiter";
import { bookingDetailsSchema } from "./booking-schema";
import { rateLimited, unavailable, type RateLimited, type Unavailable } from "@/lib/errors/domain-error";
import { holdSlot, HOLD_MINUTES, type HoldResult } from "./hold-slot";
import { expire } from "./lifecycle";

/**
 * Limits on the public booking endpoints, so one script can neither hold
 * every free time of a practice nor send practice-branded mail to anyone.
 * Windows are counted in `rate_limits` (shared by every instance); the live
 * caps are counted from the appointments themselves. See
 * docs/decisions/0015-edge-security.md for the numbers' reasoning.
 */
export const BOOKING_LIMITS = {
  holdsPerIp: { points: 20, duration: 10 * 60 },
  /** Generous: a popular practice's page may see hundreds of visitors racing for a new week's times. */
  holdsPerPractice: { points: 300, duration: 10 * 60 },
  /** Times one IP may hold at once (a hold lives HOLD_MINUTES). */
  liveHoldsPerIp: 3,
  /** Times all visitors together may hold at once at one practice. */
  liveHoldsPerPractice: 40,
  confirmationsPerIp: { points: 10, duration: 60 * 60 },
  confirmationsPerPractice: { points: 60, duration: 60 * 60 },
  /** Confirmation (or payment) emails one address may be sent an hour, across practices. */
  confirmationsPerEmail: { points: 3, duration: 60 * 60 },
  /** Bookings awaiting payment (still holding a time) one address may have at once. */
  awaitingPaymentPerEmail: 2,
} as const;

const holdsByIp = limiter("hold-ip", BOOKING_LIMITS.holdsPerIp);
const holdsByPractice = limiter("hold-practice", BOOKING_LIMITS.holdsPerPractice);
const confirmsByIp = limiter("confirm-ip", BOOKING_LIMITS.confirmationsPerIp);
const confirmsByPractice = limiter("confirm-practice", BOOKING_LIMITS.confirmationsPerPractice);
const confirmsByEmail = limiter("confirm-email", BOOKING_LIMITS.confirmationsPerEmail);

export type Limited = RateLimited | Unavailable;

const UNAVAILABLE: Limited = unavailable("Booking is unavailable right now. Please try again in a few minutes.");

const limited = rateLimited;

/** Live holds placed from `ip`, and when the first of them runs out. */
async function liveHoldsOf(tx: Pick<typeof db, "select">, ip: string, now: Date) {
  const [row] = await tx
    .select({ n: count(), firstEnds: min(appointments.holdExpiresAt) })
    .from(holdClaims)
    .innerJoin(appointments, eq(appointments.id, holdClaims.appointmentId))
    .where(and(eq(holdClaims.ip, ip), eq(appointments.status, "held"), gt(appointments.holdExpiresAt, now)));
  return { n: row?.n ?? 0, retryAfterSeconds: row?.firstEnds ? (row.firstEnds.getTime() - now.getTime()) / 1000 : HOLD_MINUTES * 60 };
}

function tooManyHeld(retryAfterSeconds: number): Limited {
  return limited(
    `You are already holding ${BOOKING_LIMITS.liveHoldsPerIp} times. Finish booking one of them, or try again in ${minutesText(retryAfterSeconds)} when they are released.`,
    retryAfterSeconds,
  );
}

/** holdSlot, within the per-IP and per-practice limits. */
export async function holdSlotWithinLimits(practiceId: string, input: unknown, now: Date, ip: string): Promise<HoldResult | Limited> {
  const window = await consumeAll(
    [
      [holdsByIp, ip],
      [holdsByPractice, practiceId],
    ],
    "booking",
  );
  if (!window.ok) {
    if (window.reason === "unavailable") return UNAVAILABLE;
    const wait = minutesText(window.retryAfterSeconds);
    return limited(
      window.counter === "hold-ip"
        ? `Too many times were held from your connection. Please wait ${wait} and try again.`
        : `This practice's booking page is very busy right now. Please try again in ${wait}.`,
      window.retryAfterSeconds,
    );
  }
  const mine = await liveHoldsOf(db, ip, now);
  if (mine.n >= BOOKING_LIMITS.liveHoldsPerIp) return tooManyHeld(mine.retryAfterSeconds);
  const [busy] = await db
    .select({ n: count() })
    .from(appointments)
    .where(and(eq(appointments.practiceId, practiceId), eq(appointments.status, "held"), gt(appointments.holdExpiresAt, now)));
  if ((busy?.n ?? 0) >= BOOKING_LIMITS.liveHoldsPerPractice) {
    return limited("This practice's booking page is very busy right now. Please try again in a few minutes.", HOLD_MINUTES * 60);
  }

  const result = await holdSlot(practiceId, input, now);
  if (!result.ok) return result;
  // Record who holds it; concurrent holds from one IP take turns here, so
  // the cap is exact: a hold over it is released at once.
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`hold-claims:${ip}`}))`);
    const again = await liveHoldsOf(tx, ip, now);
    if (again.n >= BOOKING_LIMITS.liveHoldsPerIp) {
      await expire(tx, { practiceId, appointmentId: result.appointmentId, now });
      return tooManyHeld(again.retryAfterSeconds);
    }
    await tx.insert(holdClaims).values({ appointmentId: result.appointmentId, practiceId, ip, createdAt: now });
    return result;
  });
}

/**
 * Checks a confirmation against the limits before confirmBooking runs (it
 * sends the emails). Counts per IP and per practice always; per attendee
 * address when the body names valid ones (otherwise confirmBooking refuses it).
 */
export async function checkConfirmationLimits(practiceId: string, input: unknown, now: Date, ip: string): Promise<{ ok: true } | Limited> {
  const parsed = bookingDetailsSchema.safeParse(input);
  const emails = parsed.success ? [...new Set(parsed.data.attendees.map((a) => a.email.toLowerCase()))] : [];
  const window = await consumeAll(
    [
      [confirmsByIp, ip],
      [confirmsByPractice, practiceId],
      ...emails.map((e) => [confirmsByEmail, e] as [typeof confirmsByEmail, string]),
    ],
    "booking",
  );
  if (!window.ok) {
    if (window.reason === "unavailable") return UNAVAILABLE;
    const wait = minutesText(window.retryAfterSeconds);
    const messages: Record<string, string> = {
      "confirm-ip": `Too many bookings were made from your connection. Please wait ${wait} and try again.`,
      "confirm-practice": `This practice's booking page is very busy right now. Please try again in ${wait}.`,
      "confirm-email": `Too many booking emails were sent to this email address recently. Please wait ${wait} and try again.`,
    };
    return limited(messages[window.counter] ?? messages["confirm-ip"]!, window.retryAfterSeconds);
  }
  for (const email of emails) {
    const [row] = await db
      .select({ n: count() })
      .from(appointments)
      .innerJoin(appointmentAttendees, eq(appointmentAttendees.appointmentId, appointments.id))
      .innerJoin(clients, eq(clients.id, appointmentAttendees.clientId))
      .where(and(eq(appointments.status, "pending_payment"), sql`lower(${clients.email}) = ${email}`));
    if ((row?.n ?? 0) >= BOOKING_LIMITS.awaitingPaymentPerEmail) {
      return limited(
        `${email} already has bookings waiting for payment. Pay for one of them (see the email we sent), or try again once they are released.`,
        HOLD_MINUTES * 60,
      );
    }
  }
  return { ok: true };
}
