import { createEvent, type EventAttributes } from "ics";

/**
 * iCalendar (RFC 5545) files for appointments, sent as iTIP (RFC 5546)
 * REQUEST (new or changed) or CANCEL messages. One UID per appointment, so a
 * calendar updates the same event when SEQUENCE grows, and removes it on a
 * CANCEL. Pure: the same input gives the same text.
 *
 * Nothing clinical goes in here: callers pass a summary such as
 * "Session with <clinician> — <practice>" and, at most, the manage link.
 */
export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsEvent {
  appointmentId: string;
  /** The appointment's `sequence`: bump it on every change sent to attendees. */
  sequence: number;
  method: "REQUEST" | "CANCEL";
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  /** An address, or "Online" / "Phone". */
  location?: string;
  /** The manage link. */
  url?: string;
  organizer?: IcsPerson;
  attendees?: IcsPerson[];
  /** DTSTAMP: when this version of the file was made. Default: now. */
  stamp?: Date;
}

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";

/** The stable iCalendar UID of an appointment. */
export function icsUid(appointmentId: string): string {
  return `${appointmentId}@tandem`;
}

/** The file name and content type to attach, with the method so mail clients offer the right action. */
export function icsAttachment(event: IcsEvent): { filename: string; contentType: string; content: string } {
  return {
    filename: event.method === "CANCEL" ? "cancel.ics" : "invite.ics",
    contentType: `text/calendar; charset=utf-8; method=${event.method}`,
    content: buildIcs(event),
  };
}

export function buildIcs(event: IcsEvent): string {
  if (!(event.start.getTime() < event.end.getTime())) throw new Error("buildIcs: start must be before end");
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new Error("buildIcs: sequence must be a non-negative integer");

  const cancelled = event.method === "CANCEL";
  // `timestamp` (DTSTAMP) is read by ics but missing from its types.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: "-//Tandem//Booking//EN",
    method: event.method,
    uid: icsUid(event.appointmentId),
    sequence: event.sequence,
    timestamp: (event.stamp ?? new Date()).getTime(),
    start: event.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.end.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: event.summary,
    description: event.description,
    location: event.location,
    url: event.url,
    status: cancelled ? "CANCELLED" : "CONFIRMED",
    busyStatus: cancelled ? "FREE" : "BUSY",
    transp: cancelled ? "TRANSPARENT" : "OPAQUE",
    classification: "PRIVATE",
    organizer: event.organizer ? { name: paramText(event.organizer.name), email: event.organizer.email } : undefined,
    attendees: event.attendees?.map((a) => ({
      name: paramText(a.name),
      email: a.email,
      rsvp: false,
      role: "REQ-PARTICIPANT",
      // They booked it themselves: nothing to answer.
      ...(cancelled ? {} : { partstat: "ACCEPTED" as const }),
    })),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new Error(`buildIcs: ${error?.message ?? "no output"}`);
  return refoldOctets(value);
}

/**
 * A parameter value (CN=...) may not contain a double quote or control
 * characters at all (RFC 5545 §3.1, no escape exists), so they are replaced.
 */
function paramText(value: string): string {
  return value.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]/g, " ").trim() || "Tandem";
}

const MAX_OCTETS = 75;

/**
 * `ics` folds at 75 characters; RFC 5545 §3.1 says 75 octets, and names such
 * as "Zoë" or the em dash are several octets in UTF-8. Unfold, then fold
 * again by octets, never inside a character: CRLF + one space before each
 * continuation.
 */
export function refoldOctets(text: string): string {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const trailing = lines.at(-1) === "" ? lines.pop() : undefined;
  const folded = lines.map(foldLine);
  return folded.join("\r\n") + (trailing === undefined ? "" : "\r\n");
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
