import { formatDateTime, formatShortDate, localDate, type Reader } from "@/lib/dates";

/** A submitted response since the client's last visit, as the loader reads it. */
export interface AnsweredRow {
  responseId: string;
  clientId: string;
  firstName: string;
  lastName: string;
  title: string;
  submittedAt: Date;
  /** The start of the client's latest session that took place and ended; null: no visit yet. */
  lastVisitAt: Date | null;
}

export interface HomeAnswered {
  responseId: string;
  clientId: string;
  who: string;
  title: string;
  /** "Tuesday 1 December 2026, 2:30 PM CST" */
  when: string;
  /** "Since the visit on Mon 30 Nov", or "Before a first visit". */
  since: string;
}

export function shapeAnswered(rows: readonly AnsweredRow[], who: string | Reader): HomeAnswered[] {
  const zone = typeof who === "string" ? who : who.zone;
  return [...rows]
    .sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())
    .map((r) => ({
      responseId: r.responseId,
      clientId: r.clientId,
      who: `${r.firstName} ${r.lastName}`,
      title: r.title,
      when: formatDateTime(r.submittedAt, who),
      since: r.lastVisitAt ? `Since the visit on ${formatShortDate(localDate(r.lastVisitAt, zone))}` : "Before a first visit",
    }));
}

/** Something that waits on a client today: a consent or policy to sign, a new address to confirm. */
export interface AwaitingRow {
  kind: "signature" | "email_confirmation";
  id: string;
  clientId: string;
  firstName: string;
  lastName: string;
  /** The form's title (signatures only). */
  title: string | null;
  since: Date;
}

export interface HomeAwaiting {
  id: string;
  clientId: string;
  who: string;
  text: string;
  /** "Sent Mon 30 Nov" */
  since: string;
}

export function shapeAwaiting(rows: readonly AwaitingRow[], zone: string): HomeAwaiting[] {
  return [...rows]
    .sort((a, b) => a.since.getTime() - b.since.getTime() || (a.id < b.id ? -1 : 1))
    .map((r) => ({
      id: r.id,
      clientId: r.clientId,
      who: `${r.firstName} ${r.lastName}`,
      text: r.kind === "signature" ? `To sign: ${r.title ?? "a form"}` : "To confirm a new email address",
      since: `Sent ${formatShortDate(localDate(r.since, zone))}`,
    }));
}
