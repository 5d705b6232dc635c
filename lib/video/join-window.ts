import type { AppointmentStatus, ServiceFormat } from "@/db/schema";

/** The join button shows from this long before the start until the end. */
export const JOIN_OPENS_BEFORE_MS = 15 * 60_000;

export type JoinState =
  /** Nothing to join: not online, no link, not confirmed (cancelled, no-show…), or over. */
  | { kind: "none" }
  /** Online with a link, but more than 15 minutes before the start: say when the button appears. */
  | { kind: "later"; opensAt: Date }
  | { kind: "open"; url: string };

/**
 * What a page shows of a session's join link at `now` (passed in: no clock
 * here). Only a confirmed online session with a link ever shows it, so a
 * cancelled or in-person session never offers one.
 */
export function joinState(
  session: { status: AppointmentStatus; format: ServiceFormat; startsAt: Date; endsAt: Date; videoUrl: string | null },
  now: Date,
): JoinState {
  if (session.status !== "confirmed" || session.format !== "online" || !session.videoUrl) return { kind: "none" };
  if (now.getTime() >= session.endsAt.getTime()) return { kind: "none" };
  const opensAt = new Date(session.startsAt.getTime() - JOIN_OPENS_BEFORE_MS);
  if (now.getTime() < opensAt.getTime()) return { kind: "later", opensAt };
  return { kind: "open", url: session.videoUrl };
}

/** The link an email may carry: a confirmed (or about to be) online session's only, never a cancelled one's. */
export function emailVideoUrl(session: { status: AppointmentStatus; format: ServiceFormat; videoUrl: string | null }): string | null {
  if (session.format !== "online") return null;
  if (session.status !== "confirmed" && session.status !== "pending_payment" && session.status !== "held") return null;
  return session.videoUrl;
}
