import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * Tells a clinician that a submitted response raised a safety flag. No
 * client name, no question, no answer: what was answered stays behind
 * sign-in (the link opens the client's record, where the flag leads).
 */
export interface SafetyFlagEmailProps {
  practiceName: string;
  clinicianName: string;
  url: string;
}

export const SAFETY_FLAG_SUBJECT = "A form response needs your attention";

export default function SafetyFlagEmail(props: SafetyFlagEmailProps) {
  return (
    <EmailLayout preview="A form response needs your attention" footer={`Sent by ${props.practiceName} to its clinicians.`}>
      <Text style={{ fontSize: 16 }}>Hi {props.clinicianName},</Text>
      <Text style={{ fontSize: 16 }}>
        A form response at {props.practiceName} needs your attention. Please sign in to read it and record what you did; it stays flagged until a
        clinician does.
      </Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.url} style={buttonStyle}>
          Open the workspace
        </Button>
      </Section>
    </EmailLayout>
  );
}

SafetyFlagEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  clinicianName: "Maya Okafor",
  url: "http://localhost:3000/clinic/harbor-couples/clients/00000000-0000-4000-8000-000000000000",
} satisfies SafetyFlagEmailProps;
