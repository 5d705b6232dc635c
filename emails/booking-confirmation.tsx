import { Text } from "@react-email/components";
import { EmailLayout } from "./components/layout";
import { BookingDetails, Greeting, ManageLink, bookingFooter, formatWhenShort, type BookingEmailDetails } from "./booking-details";

export interface BookingConfirmationEmailProps extends BookingEmailDetails {
  manageUrl: string;
}

export default function BookingConfirmationEmail(props: BookingConfirmationEmailProps) {
  return (
    <EmailLayout preview={`Your session with ${props.practiceName} is booked`} footer={bookingFooter(props.practiceName)}>
      <Greeting name={props.recipientName} />
      <Text style={{ fontSize: 16 }}>Your session is booked. A calendar invitation is attached.</Text>
      <BookingDetails details={props} />
      <ManageLink url={props.manageUrl} />
    </EmailLayout>
  );
}

BookingConfirmationEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  clinicianName: "Dana Whitfield, LMFT",
  serviceName: "Couples session (50 min)",
  startsAt: new Date("2026-03-09T14:00:00Z"),
  timeZone: "America/New_York",
  format: "in_person",
  location: "12 Harbor Street, Suite 3, Portland, ME 04101",
  recipientName: "Alex",
  manageUrl: "http://localhost:3000/manage/preview-token",
} satisfies BookingConfirmationEmailProps;

export function bookingConfirmationSubject(props: Pick<BookingConfirmationEmailProps, "practiceName" | "startsAt" | "timeZone">): string {
  return `Booked: your session with ${props.practiceName}, ${formatWhenShort(props.startsAt, props.timeZone)}`;
}
