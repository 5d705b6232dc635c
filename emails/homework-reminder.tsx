import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/** A gentle daily nudge: says only that something is due, never what. */
export interface HomeworkReminderEmailProps {
  practiceName: string;
  recipientName: string | null;
  /** How many exercises are still open this week. */
  dueCount: number;
  portalUrl: string;
}

export default function HomeworkReminderEmail(props: HomeworkReminderEmailProps) {
  return (
    <EmailLayout
      preview="A gentle reminder about your homework"
      footer={`Sent by ${props.practiceName}. You can turn these reminders off in your portal.`}
    >
      <Text style={{ fontSize: 16 }}>{props.recipientName ? `Hi ${props.recipientName},` : "Hello,"}</Text>
      <Text style={{ fontSize: 16 }}>
        {props.dueCount === 1 ? "You have one exercise open this week." : `You have ${props.dueCount} exercises open this week.`} A few minutes
        today counts.
      </Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.portalUrl} style={buttonStyle}>
          See this week
        </Button>
      </Section>
    </EmailLayout>
  );
}

HomeworkReminderEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  recipientName: "Daniel",
  dueCount: 2,
  portalUrl: "http://localhost:3000/portal/00000000-0000-4000-8000-000000000000",
} satisfies HomeworkReminderEmailProps;
