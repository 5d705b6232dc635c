import { Button, Link, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";
import { BookingDetails, Greeting, ManageLink, bookingFooter, formatWhenShort, type BookingEmailDetails } from "./booking-details";

export interface BookingConfirmationEmailProps extends BookingEmailDetails {
  manageUrl: string;
  /** For an address not proven yet: the link that proves it and adds the session to the client's record. */
  proofUrl?: string | null;
}

export default function BookingConfirmationEmail(props: BookingConfirmationEmailProps) {
  return (
    <EmailLayout preview={`Your session with ${props.practiceName} is booked`} footer={bookingFooter(props.practiceName)}>
      <Greeting name={props.recipientName} />
      <Text style={{ fontSize: 16 }}>Your session is booked. A calendar invitation is attached.</Text>
      <BookingDetails details={props} />
      {props.proofUrl ? (
        <Section>
          <Text style={{ fontSize: 16, fontWeight: 600 }}>Confirm it&apos;s you</Text>
          <Text style={{ fontSize: 16 }}>
            Open this link to confirm this is your email address. It adds the session to your record with {props.practiceName} and opens your portal. It works once, for 7 days. If
            you did not book this session, ignore this link and cancel the session with the link below.
          </Text>
          <Button href={props.proofUrl} style={buttonStyle}>
            Confirm it&apos;s me
          </Button>
          <Text style={{ fontSize: 13, color: "#5c6468" }}>
            Or paste this address into your browser: <Link href={props.proofUrl}>{props.proofUrl}</Link>
          </Text>
        </Section>
      ) : null}
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

export function bookingConfirmationSubject(props: Pick<BookingConfirmationEmailProps, "practiceName" | "startsAt" | "timeZone" | "locale">): string {
  return `Booked: your session with ${props.practiceName}, ${formatWhenShort(props.startsAt, props.timeZone, props.locale)}`;
}
