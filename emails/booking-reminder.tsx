import { Text } from "@react-email/components";
import { EmailLayout } from "./components/layout";
import { BookingDetails, Greeting, ManageLink, bookingFooter, formatTime, formatWhenShort, type BookingEmailDetails } from "./booking-details";

export type ReminderKind = "24h" | "2h";

export interface BookingReminderEmailProps extends BookingEmailDetails {
  /** "24h": the day-before reminder; "2h": the one shortly before. */
  kind: ReminderKind;
  manageUrl: string;
}

export default function BookingReminderEmail(props: BookingReminderEmailProps) {
  const soon = props.kind === "2h";
  return (
    <EmailLayout
      preview={soon ? `Your session with ${props.practiceName} starts soon` : `A reminder of your session with ${props.practiceName}`}
      footer={bookingFooter(props.practiceName)}
    >
      <Greeting name={props.recipientName} />
      <Text style={{ fontSize: 16 }}>
        {soon
          ? `Your session starts in about two hours, at ${formatTime(props.startsAt, props.timeZone, props.clinicTimeZone, props.locale)}.`
          : "A reminder that your session is coming up within the next day."}
      </Text>
      <BookingDetails details={props} />
      <ManageLink url={props.manageUrl} />
    </EmailLayout>
  );
}

BookingReminderEmail.PreviewProps = {
  kind: "24h",
  practiceName: "Harbor Couples Therapy",
  clinicianName: "Dana Whitfield, LMFT",
  serviceName: "Couples session (50 min)",
  startsAt: new Date("2026-03-09T14:00:00Z"),
  timeZone: "America/New_York",
  format: "online",
  recipientName: "Alex",
  manageUrl: "http://localhost:3000/manage/preview-token",
} satisfies BookingReminderEmailProps;

export function bookingReminderSubject(props: Pick<BookingReminderEmailProps, "kind" | "practiceName" | "startsAt" | "timeZone" | "locale">): string {
  return props.kind === "2h"
    ? `Starting soon: your session with ${props.practiceName} at ${formatTime(props.startsAt, props.timeZone, null, props.locale)}`
    : `Reminder: your session with ${props.practiceName}, ${formatWhenShort(props.startsAt, props.timeZone, props.locale)}`;
}
