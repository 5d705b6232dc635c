import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * A waitlist offer: the time, the clinician and how long it is held. One
 * message per person (a partner's address is never shared), nothing clinical.
 */
export interface WaitlistOfferEmailProps {
  practiceName: string;
  clinicianName: string;
  when: string;
  heldUntil: string;
  /** all_at_once: others were offered the same time too. */
  shared: boolean;
  url: string;
}

export function waitlistOfferSubject(practiceName: string): string {
  return `A session time opened up at ${practiceName}`;
}

export default function WaitlistOfferEmail(props: WaitlistOfferEmailProps) {
  return (
    <EmailLayout preview={waitlistOfferSubject(props.practiceName)} footer={`Sent for ${props.practiceName} because you joined its waitlist.`}>
      <Text style={{ fontSize: 16 }}>A time you were waiting for is free: {props.when} with {props.clinicianName}.</Text>
      <Text style={{ fontSize: 16 }}>
        {props.shared
          ? `Others on the waitlist were offered it too; the first to confirm gets it. The offer ends ${props.heldUntil}.`
          : `It is held for you until ${props.heldUntil}.`}
      </Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.url} style={buttonStyle}>
          Take this time
        </Button>
      </Section>
    </EmailLayout>
  );
}

WaitlistOfferEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  clinicianName: "Dana Whitfield",
  when: "Tue 10 Mar, 9:00",
  heldUntil: "Mon 9 Mar, 14:00",
  shared: false,
  url: "http://localhost:3000/waitlist/offer/token",
} satisfies WaitlistOfferEmailProps;
