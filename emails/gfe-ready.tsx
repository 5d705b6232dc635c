import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * Tells a client their Good Faith Estimate is ready in the portal (decision
 * 0053). Nothing else: no service, no amount, no diagnosis code; an estimate
 * names a kind of care, which is itself clinical detail.
 */
export interface GfeReadyEmailProps {
  practiceName: string;
  recipientName: string | null;
  portalUrl: string;
}

export function gfeReadySubject(practiceName: string): string {
  return `Your estimate from ${practiceName} is ready`;
}

export default function GfeReadyEmail(props: GfeReadyEmailProps) {
  const subject = gfeReadySubject(props.practiceName);
  return (
    <EmailLayout preview={subject} footer={`Sent by ${props.practiceName}.`}>
      <Text style={{ fontSize: 16 }}>{props.recipientName ? `Hi ${props.recipientName},` : "Hello,"}</Text>
      <Text style={{ fontSize: 16 }}>{subject}.</Text>
      <Text style={{ fontSize: 14 }}>Sign in to your client portal to read it and download a copy to keep.</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.portalUrl} style={buttonStyle}>
          Open your portal
        </Button>
      </Section>
    </EmailLayout>
  );
}

GfeReadyEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  recipientName: "Priya",
  portalUrl: "http://localhost:3000/portal",
} satisfies GfeReadyEmailProps;
