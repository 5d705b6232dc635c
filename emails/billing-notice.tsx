import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";
import { Greeting, bookingFooter, formatMoney } from "./booking-details";

/**
 * Billing messages: a receipt, a partner's payment link, a refund, a fee
 * charged, a fee whose charge the card declined ("fee-failed") or a fee
 * recorded as owed with no card to charge ("fee-due"). Each says what
 * really happened: a card is "declined" only after a charge was tried.
 * Amounts and the practice's name only: no clinical detail.
 */
export type BillingNoticeKind = "receipt" | "payment-link" | "refund" | "fee-charged" | "fee-failed" | "fee-due";

export interface BillingNoticeEmailProps {
  kind: BillingNoticeKind;
  practiceName: string;
  recipientName?: string | null;
  amountCents: number;
  currency: string;
  /** "Couples session on 9 Mar", "Late-cancellation fee". */
  description: string;
  actionUrl?: string | null;
  reason?: string | null;
}

const LINES: Record<BillingNoticeKind, (p: BillingNoticeEmailProps, amount: string) => string> = {
  receipt: (p, amount) => `Thank you: we received your payment of ${amount} to ${p.practiceName} for ${p.description}.`,
  "payment-link": (p, amount) => `Your partner booked a session with ${p.practiceName}. Your share is ${amount} (${p.description}). The time is held until both of you have paid.`,
  refund: (p, amount) => `${p.practiceName} refunded ${amount} for ${p.description}. It reaches your card in 5 to 10 business days.`,
  "fee-charged": (p, amount) => `${p.practiceName} charged ${amount} to your card on file: ${p.description}, under the cancellation policy you agreed to.`,
  "fee-failed": (p, amount) => `${p.practiceName} tried to charge ${amount} (${p.description}) to your card on file, and the card was declined. Nothing was taken; you can pay it from your portal.`,
  "fee-due": (p, amount) => `${p.practiceName} recorded ${amount} as owed (${p.description}). There is no card on file, so nothing was charged; you can pay it from your portal.`,
};

const ACTIONS: Partial<Record<BillingNoticeKind, string>> = {
  "payment-link": "Pay your share",
  "fee-failed": "Pay from your portal",
  "fee-due": "Pay from your portal",
  receipt: "See your payments",
};

export default function BillingNoticeEmail(props: BillingNoticeEmailProps) {
  const amount = formatMoney(props.amountCents, props.currency);
  const action = ACTIONS[props.kind];
  return (
    <EmailLayout preview={LINES[props.kind](props, amount).slice(0, 90)} footer={bookingFooter(props.practiceName)}>
      <Greeting name={props.recipientName} />
      <Text style={{ fontSize: 16 }}>{LINES[props.kind](props, amount)}</Text>
      {props.reason ? <Text style={{ fontSize: 16 }}>Reason: {props.reason}</Text> : null}
      {action && props.actionUrl ? (
        <Button href={props.actionUrl} style={buttonStyle}>
          {action}
        </Button>
      ) : null}
    </EmailLayout>
  );
}

BillingNoticeEmail.PreviewProps = {
  kind: "payment-link",
  practiceName: "Harbor Couples Therapy",
  recipientName: "Sam",
  amountCents: 9500,
  currency: "USD",
  description: "Couples session on 9 March",
  actionUrl: "http://localhost:3000/pay/example",
} satisfies BillingNoticeEmailProps;

export function billingNoticeSubject(props: Pick<BillingNoticeEmailProps, "kind" | "practiceName">): string {
  switch (props.kind) {
    case "receipt":
      return `Receipt: your payment to ${props.practiceName}`;
    case "payment-link":
      return `Your share of your session with ${props.practiceName}`;
    case "refund":
      return `Refund from ${props.practiceName}`;
    case "fee-charged":
      return `Fee charged by ${props.practiceName}`;
    case "fee-failed":
    case "fee-due":
      return `A payment to ${props.practiceName} is due`;
  }
}
