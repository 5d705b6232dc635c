import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

export interface FormsToCompleteEmailProps {
  practiceName: string;
  recipientName: string;
  /** How many forms wait; never their names or contents (no clinical detail in email). */
  count: number;
  url: string;
  kind: "new" | "reminder";
}

/** "You have forms to complete": a count and a sign-in link, nothing about what the forms ask. */
export default function FormsToCompleteEmail(props: FormsToCompleteEmailProps) {
  const forms = props.count === 1 ? "a form" : `${props.count} forms`;
  return (
    <EmailLayout
      preview={props.kind === "reminder" ? `A reminder from ${props.practiceName}` : `${props.practiceName} has sent you ${forms}`}
      footer={`You received this email because ${props.practiceName} sent you forms in your client portal.`}
    >
      <Text style={{ fontSize: 16 }}>Hi {props.recipientName},</Text>
      <Text style={{ fontSize: 16 }}>
        {props.kind === "reminder"
          ? `${props.practiceName} is looking forward to your first session. You still have ${forms} to complete before it.`
          : `${props.practiceName} has sent you ${forms} to complete in your private client portal.`}
      </Text>
      <Text style={{ fontSize: 14 }}>Your answers are private to you and your practice. You can stop and pick up where you left off on any device.</Text>
      <Button href={props.url} style={buttonStyle}>
        Open your forms
      </Button>
      <Text style={{ fontSize: 13, color: "#5c6468" }}>
        Or paste this address into your browser: <Link href={props.url}>{props.url}</Link>
      </Text>
    </EmailLayout>
  );
}

FormsToCompleteEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  recipientName: "Alex",
  count: 2,
  url: "http://localhost:3000/portal/00000000-0000-4000-8000-000000000000/forms",
  kind: "new",
} satisfies FormsToCompleteEmailProps;

export function formsToCompleteSubject(props: Pick<FormsToCompleteEmailProps, "practiceName" | "kind">): string {
  return props.kind === "reminder" ? `Reminder: forms to complete for ${props.practiceName}` : `Forms to complete for ${props.practiceName}`;
}
