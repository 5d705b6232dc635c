/**
 * How long a signed-in session lasts. Staff see many clients' records, so
 * they get a short idle limit and a hard daily cap; clients get a longer
 * idle limit so a check-in at night does not need a new link.
 */
export type SessionKind = "staff" | "client";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const SESSION_POLICY: Record<SessionKind, { idleMs: number; absoluteMs: number }> = {
  staff: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
  client: { idleMs: 12 * HOUR, absoluteMs: 30 * 24 * HOUR },
};

/** Activity is written back at most this often, not on every request. */
export const TOUCH_AFTER_MS = MINUTE;

export type SessionVerdict =
  | { valid: true; touch: false }
  | { valid: true; touch: true; expires: Date }
  | { valid: false; reason: "idle" | "absolute" | "expired" };

export function evaluateSession(
  session: { createdAt: Date; lastSeenAt: Date; expires: Date },
  kind: SessionKind,
  now: Date,
): SessionVerdict {
  const policy = SESSION_POLICY[kind];
  const t = now.getTime();
  if (t >= session.expires.getTime()) return { valid: false, reason: "expired" };
  if (t - session.createdAt.getTime() >= policy.absoluteMs) return { valid: false, reason: "absolute" };
  if (t - session.lastSeenAt.getTime() >= policy.idleMs) return { valid: false, reason: "idle" };
  if (t - session.lastSeenAt.getTime() < TOUCH_AFTER_MS) return { valid: true, touch: false };
  const expires = new Date(Math.min(t + policy.idleMs, session.createdAt.getTime() + policy.absoluteMs));
  return { valid: true, touch: true, expires };
}
