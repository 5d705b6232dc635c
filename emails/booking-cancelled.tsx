import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";
import { BookingDetails, Greeting, bookingFooter, formatMoney, formatWhenShort, type BookingEmailDetails } from "./booking-details";

export interface BookingCancelledEmailProps extends BookingEmailDetails {
  /** Set only when the practice's late-cancellation fee applies. */
  lateCancelFee?: { cents: number; currency: string } | null;
  /** The practice's booking page, to choose another time. */
  bookAgainUrl?: string | null;
}

export default function BookingCancelledEmail(props: BookingCancelledEmailProps) {
  const fee = props.lateCancelFee && props.lateCancelFee.cents > 0 ? props.lateCancelFee : null;
  return (
    <EmailLayout preview={`Your session with ${props.practiceName} is cancelled`} footer={bookingFooter(props.practiceName)}>
      <Greeting name={props.recipientName} />
      <Text style={{ fontSize: 16 }}>This session has been cancelled. The attached calendar file removes it from your calendar.</Text>
      <BookingDetails details={props} />
      {fee ? (
        <Text style={{ fontSize: 16 }}>
          A late-cancellation fee of {formatMoney(fee.cents, fee.currency)} applies under the practice&apos;s policy.
        </Text>
      ) : null}
      {props.bookAgainUrl ? (
        <Button href={props.bookAgainUrl} style={buttonStyle}>
          Book another time
        </Button>
      ) : null}
    </EmailLayout>
  );
}

BookingCancelledEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  clinicianName: "Dana Whitfield, LMFT",
  serviceName: "Couples session (50 min)",
  startsAt: new Date("2026-03-09T14:00:00Z"),
  timeZone: "America/New_York",
  format: "in_person",
  location: "12 Harbor Street, Suite 3, Portland, ME 04101",
  recipientName: "Alex",
  lateCancelFee: { cents: 7500, currency: "USD" },
  bookAgainUrl: "http://localhost:3000/book/harbor-couples",
} satisfies BookingCancelledEmailProps;

export function bookingCancelledSubject(props: Pick<BookingCancelledEmailProps, "practiceName" | "startsAt" | "timeZone" | "locale">): string {
  return `Cancelled: your session with ${props.practiceName}, ${formatWhenShort(props.startsAt, props.timeZone, props.locale)}`;
}
