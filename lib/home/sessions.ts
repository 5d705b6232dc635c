import type { AppointmentStatus, ServiceFormat } from "@/db/schema";
import { STATUS_LABELS } from "@/lib/booking/lifecycle/transitions";
import { attendeeNames } from "@/lib/booking/list-schedule";
import { FORMAT_LABELS } from "@/lib/booking/service-labels";
import { formatTime, localDate, type Reader } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import type { HomeWindow } from "./window";

/** One appointment as the home's loader reads it (one query for all of them). */
export interface SessionRow {
  id: string;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  format: ServiceFormat;
  coupleId: string | null;
  priceCents: number;
  currency: string;
  serviceName: string;
  memberId: string;
  memberName: string;
  videoUrl: string | null;
  locationName: string | null;
  /** The service's billing setting; null: none recorded (paid at the session). */
  paymentMode: "none" | "full" | "deposit" | null;
  attendees: { clientId: string; firstName: string; lastName: string }[];
  /** Forms the attendees have not completed: this session's, and any sent by hand that are still open. */
  missingForms: { clientId: string; title: string }[];
  /** Succeeded session/deposit payments less their refunds. */
  prepaidCents: number;
  failedPayments: number;
  pendingPayments: number;
}

export type SessionPayment =
  | { kind: "free" }
  | { kind: "paid" }
  | { kind: "unpaid"; reason: "awaiting_payment" | "payment_failed" | "due_at_session"; dueCents: number; currency: string };

export interface HomeSession {
  id: string;
  startsAt: Date;
  /** "9:00 AM – 9:50 AM" in the practice's zone. */
  time: string;
  /** One line for the people: a couple reads as one unit, "Daniel Okafor & Priya Okafor". */
  who: string;
  /** The client record the line opens (a couple's first partner); null when nobody is attached yet. */
  clientId: string | null;
  isCouple: boolean;
  service: string;
  format: string;
  /** The location, or the format for online and phone sessions. */
  where: string;
  /** The clinician's name when the session is someone else's (owners, admins and the front desk see everyone's). */
  clinician: string | null;
  /** Not confirmed yet, or already over: the status to show; null for a plain confirmed session. */
  status: string | null;
  /** The viewer's own video room, for their own online sessions that have not ended. */
  joinUrl: string | null;
  formsMissing: string[];
  payment: SessionPayment;
  /** The payment as one short text: "Unpaid", or with the amount for billing roles. */
  paymentText: string | null;
}

export interface SessionViewer {
  memberId: string;
  /** Billing roles see amounts; others see only that a session is unpaid. */
  seesAmounts: boolean;
}

/** What a session still owes, from its payments. Pure. */
export function sessionPayment(row: Pick<SessionRow, "status" | "priceCents" | "currency" | "prepaidCents" | "failedPayments" | "pendingPayments">): SessionPayment {
  if (row.priceCents <= 0) return { kind: "free" };
  const dueCents = Math.max(0, row.priceCents - row.prepaidCents);
  if (dueCents === 0) return { kind: "paid" };
  const base = { kind: "unpaid" as const, dueCents, currency: row.currency };
  if (row.status === "pending_payment" || row.pendingPayments > 0) return { ...base, reason: "awaiting_payment" };
  if (row.failedPayments > 0) return { ...base, reason: "payment_failed" };
  return { ...base, reason: "due_at_session" };
}

const UNPAID_TEXT = { awaiting_payment: "awaiting payment", payment_failed: "payment failed", due_at_session: "due at the session" } as const;

/** "Unpaid · payment failed" or, for billing roles, "Unpaid · payment failed · $165.00". */
export function paymentText(payment: SessionPayment, seesAmounts: boolean): string | null {
  if (payment.kind !== "unpaid") return null;
  const parts = ["Unpaid", UNPAID_TEXT[payment.reason]];
  if (seesAmounts) parts.push(formatMoney(payment.dueCents, payment.currency));
  return parts.join(" · ");
}

/** Missing forms as short lines; for a couple each says whose: "Couples intake (both)", "Consent (Priya)". */
export function missingFormLines(row: Pick<SessionRow, "attendees" | "missingForms">): string[] {
  const byTitle = new Map<string, Set<string>>();
  for (const f of row.missingForms) {
    const who = byTitle.get(f.title) ?? new Set<string>();
    who.add(f.clientId);
    byTitle.set(f.title, who);
  }
  const firstName = new Map(row.attendees.map((a) => [a.clientId, a.firstName]));
  return [...byTitle.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([title, who]) => {
      if (row.attendees.length < 2) return title;
      if (who.size === row.attendees.length) return `${title} (${row.attendees.length === 2 ? "both" : "all"})`;
      return `${title} (${[...who].map((id) => firstName.get(id) ?? "client").join(", ")})`;
    });
}

const LIVE_FOR_JOIN: readonly AppointmentStatus[] = ["held", "pending_payment", "confirmed"];

/** One appointment as the home shows it. Pure. */
export function shapeSession(row: SessionRow, viewer: SessionViewer, zone: string | Reader, now: Date): HomeSession {
  const payment = sessionPayment(row);
  const own = row.memberId === viewer.memberId;
  return {
    id: row.id,
    startsAt: row.startsAt,
    time: `${formatTime(row.startsAt, zone)} – ${formatTime(row.endsAt, zone)}`,
    who: attendeeNames(row.attendees),
    clientId: row.attendees[0]?.clientId ?? null,
    isCouple: row.coupleId !== null || row.attendees.length > 1,
    service: row.serviceName,
    format: FORMAT_LABELS[row.format],
    where: row.format === "in_person" ? (row.locationName ?? FORMAT_LABELS.in_person) : FORMAT_LABELS[row.format],
    clinician: own ? null : row.memberName,
    status: row.status === "confirmed" ? null : STATUS_LABELS[row.status],
    joinUrl: own && row.format === "online" && row.videoUrl && LIVE_FOR_JOIN.includes(row.status) && row.endsAt > now ? row.videoUrl : null,
    formsMissing: missingFormLines(row),
    payment,
    paymentText: paymentText(payment, viewer.seesAmounts),
  };
}

export interface HomeDays {
  today: { date: string; sessions: HomeSession[] };
  tomorrow: { date: string; sessions: HomeSession[] };
}

/** Today's and tomorrow's sessions, in start order, split by local date. Pure. */
/** `who`: the practice's zone, or its Reader (zone and locale: its clock). */
export function shapeSessions(rows: readonly SessionRow[], viewer: SessionViewer, window: HomeWindow, who: string | Reader, now: Date): HomeDays {
  const zone = typeof who === "string" ? who : who.zone;
  const days: HomeDays = { today: { date: window.today, sessions: [] }, tomorrow: { date: window.tomorrow, sessions: [] } };
  const sorted = [...rows].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.memberName.localeCompare(b.memberName) || (a.id < b.id ? -1 : 1));
  for (const row of sorted) {
    const date = localDate(row.startsAt, zone);
    const day = date === window.today ? days.today : date === window.tomorrow ? days.tomorrow : null;
    day?.sessions.push(shapeSession(row, viewer, who, now));
  }
  return days;
}
