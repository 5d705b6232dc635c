import { Text } from "@react-email/components";
import { EmailLayout } from "./components/layout";
import { BookingDetails, DetailRow, Greeting, ManageLink, bookingFooter, formatWhen, formatWhenShort, type BookingEmailDetails } from "./booking-details";

export interface BookingRescheduledEmailProps extends BookingEmailDetails {
  /** The time it had before the change. */
  previousStartsAt: Date;
  manageUrl: string;
}

export default function BookingRescheduledEmail(props: BookingRescheduledEmailProps) {
  return (
    <EmailLayout preview={`Your session with ${props.practiceName} has a new time`} footer={bookingFooter(props.practiceName)}>
      <Greeting name={props.recipientName} />
      <Text style={{ fontSize: 16 }}>Your session has moved to a new time. The attached calendar file updates the event in your calendar.</Text>
      <BookingDetails details={props} whenLabel="New time" />
      <DetailRow label="Previously" value={formatWhen(props.previousStartsAt, props.timeZone, props.clinicTimeZone, props.locale)} />
      <ManageLink url={props.manageUrl} />
    </EmailLayout>
  );
}

BookingRescheduledEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  clinicianName: "Dana Whitfield, LMFT",
  serviceName: "Couples session (50 min)",
  startsAt: new Date("2026-03-11T18:00:00Z"),
  previousStartsAt: new Date("2026-03-09T14:00:00Z"),
  timeZone: "America/New_York",
  format: "online",
  recipientName: "Alex",
  manageUrl: "http://localhost:3000/manage/preview-token",
} satisfies BookingRescheduledEmailProps;

export function bookingRescheduledSubject(props: Pick<BookingRescheduledEmailProps, "practiceName" | "startsAt" | "timeZone" | "locale">): string {
  return `New time: your session with ${props.practiceName} is now ${formatWhenShort(props.startsAt, props.timeZone, props.locale)}`;
}
