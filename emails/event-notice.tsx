import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";
import { DetailRow, Greeting, bookingFooter } from "./booking-details";

/**
 * Group event messages (decision 0055), one per attendee: never a shared To
 * or CC, and never another attendee's name (a couple's partner is not named
 * either: each partner gets their own). The event's title, dates and place,
 * the practice's name and the recipient's own links only.
 */
export type EventNoticeKind = "confirmed" | "offer" | "event-cancelled" | "registration-cancelled" | "materials" | "reminder" | "updated";

export interface EventNoticeEmailProps {
  kind: EventNoticeKind;
  practiceName: string;
  recipientName?: string | null;
  eventTitle: string;
  /** The dates, already in words in the practice's zone. */
  dates: string[];
  place: string;
  /** Online and confirmed: the join link. */
  joinUrl?: string | null;
  /** Offer: accept; confirmed: manage (cancel); materials: the materials. */
  actionUrl?: string | null;
  /** Offer: until when it is held, in words. */
  holdUntil?: string | null;
  refunded?: boolean;
  /** Package credits that paid for the place and have been given back (decision 0060). */
  creditsReturned?: number;
}

function creditsLine(n: number | undefined): string {
  if (!n) return "";
  return n === 1 ? " The package credit used for this place has been returned." : ` The ${n} package credits used for this place have been returned.`;
}

const LINES: Record<EventNoticeKind, (p: EventNoticeEmailProps) => string> = {
  confirmed: (p) => `You are signed up for ${p.eventTitle} with ${p.practiceName}. The calendar file attached holds every date.`,
  offer: (p) => `A place has opened in ${p.eventTitle} with ${p.practiceName}, and you are next on the waitlist. It is held for you until ${p.holdUntil ?? "the time shown"}.`,
  "event-cancelled": (p) => `${p.practiceName} has cancelled ${p.eventTitle}.${p.refunded ? " Your payment is being refunded in full; it reaches your card in 5 to 10 business days." : ""}${creditsLine(p.creditsReturned)}`,
  "registration-cancelled": (p) =>
    `Your place in ${p.eventTitle} with ${p.practiceName} is cancelled.${p.refunded ? " Your payment is being refunded; it reaches your card in 5 to 10 business days." : ""}${creditsLine(p.creditsReturned)}`,
  materials: (p) => `Thank you for taking part in ${p.eventTitle}. ${p.practiceName} has shared the recording or materials with you.`,
  reminder: (p) => `A reminder: ${p.eventTitle} with ${p.practiceName} is coming up.`,
  updated: (p) => `${p.practiceName} has changed the details of ${p.eventTitle}. The dates and place as they are now are below; the calendar file attached replaces the one you had.`,
};

const ACTIONS: Partial<Record<EventNoticeKind, string>> = { offer: "Take the place", confirmed: "See or cancel your place", materials: "Open the materials" };

export function eventNoticeSubject(p: Pick<EventNoticeEmailProps, "kind" | "eventTitle" | "practiceName">): string {
  switch (p.kind) {
    case "confirmed":
      return `You're signed up: ${p.eventTitle}`;
    case "offer":
      return `A place opened: ${p.eventTitle}`;
    case "event-cancelled":
      return `Cancelled: ${p.eventTitle}`;
    case "registration-cancelled":
      return `Your place is cancelled: ${p.eventTitle}`;
    case "materials":
      return `Materials from ${p.eventTitle}`;
    case "reminder":
      return `Reminder: ${p.eventTitle}`;
    case "updated":
      return `Changed: ${p.eventTitle}`;
  }
}

export default function EventNoticeEmail(props: EventNoticeEmailProps) {
  const action = ACTIONS[props.kind];
  const line = LINES[props.kind](props);
  return (
    <EmailLayout preview={line.slice(0, 90)} footer={bookingFooter(props.practiceName)}>
      <Greeting name={props.recipientName} />
      <Text style={{ fontSize: 16 }}>{line}</Text>
      {props.kind !== "materials" ? (
        <>
          {props.dates.map((d, i) => (
            <DetailRow key={d} label={props.dates.length > 1 ? `Date ${i + 1}` : "When"} value={d} />
          ))}
          <DetailRow label="Where" value={props.place} />
        </>
      ) : null}
      {(props.kind === "confirmed" || props.kind === "reminder" || props.kind === "updated") && props.joinUrl ? <DetailRow label="Join" value={props.joinUrl} /> : null}
      {action && props.actionUrl ? (
        <Button href={props.actionUrl} style={buttonStyle}>
          {action}
        </Button>
      ) : null}
    </EmailLayout>
  );
}

EventNoticeEmail.PreviewProps = {
  kind: "confirmed",
  practiceName: "Riverside Pelvic Health",
  recipientName: "Ana",
  eventTitle: "Desire mismatch: a webinar for couples",
  dates: ["Tuesday 9 March 2027, 7:00 PM EST"],
  place: "Online",
  joinUrl: "https://meet.example/abc",
  actionUrl: "https://tandem.example/book/riverside/events/manage?t=x",
} satisfies EventNoticeEmailProps;
