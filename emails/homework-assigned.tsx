import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * Tells a client that homework is waiting in their portal. It may name the
 * exercise or program title and the practice; never instructions, notes,
 * ratings or anything else clinical.
 */
export interface HomeworkAssignedEmailProps {
  practiceName: string;
  recipientName: string | null;
  title: string;
  portalUrl: string;
}

export default function HomeworkAssignedEmail(props: HomeworkAssignedEmailProps) {
  return (
    <EmailLayout preview={`New homework from ${props.practiceName}`} footer={`Sent by ${props.practiceName}.`}>
      <Text style={{ fontSize: 16 }}>{props.recipientName ? `Hi ${props.recipientName},` : "Hello,"}</Text>
      <Text style={{ fontSize: 16 }}>
        {props.practiceName} has added homework to your portal: <strong>{props.title}</strong>.
      </Text>
      <Text style={{ fontSize: 16 }}>Sign in to see the steps and to check in when you have done it.</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.portalUrl} style={buttonStyle}>
          Open your portal
        </Button>
      </Section>
    </EmailLayout>
  );
}

HomeworkAssignedEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  recipientName: "Priya",
  title: "Six-week reconnection for couples",
  portalUrl: "http://localhost:3000/portal/00000000-0000-4000-8000-000000000000",
} satisfies HomeworkAssignedEmailProps;

export function homeworkAssignedSubject(practiceName: string): string {
  return `New homework from ${practiceName}`;
}
