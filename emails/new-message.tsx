import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * That a message waits, and where: never its text, who on the staff wrote
 * it, or (to staff) which client wrote it (decision 0046). A digest says how
 * many are waiting.
 */
export interface NewMessageEmailProps {
  audience: "client" | "staff";
  practiceName: string;
  url: string;
  /** The digest's count; absent for a single message. */
  count?: number;
}

export function newMessageSubject(audience: "client" | "staff", practiceName: string, count?: number): string {
  if (audience === "staff") return "A client sent a message";
  if (count !== undefined) return count === 1 ? `You have a new message from ${practiceName}` : `You have ${count} new messages from ${practiceName}`;
  return `You have a new message from ${practiceName}`;
}

export default function NewMessageEmail(props: NewMessageEmailProps) {
  const headline = newMessageSubject(props.audience, props.practiceName, props.count);
  return (
    <EmailLayout
      preview={headline}
      footer={props.audience === "client" ? `Sent for ${props.practiceName}. For your privacy the message itself is only shown after you sign in.` : `Sent by Tandem for ${props.practiceName}.`}
    >
      <Text style={{ fontSize: 16 }}>{props.audience === "staff" ? `A client sent a message at ${props.practiceName}.` : `${headline}.`}</Text>
      <Text style={{ fontSize: 16 }}>Sign in to read it and reply.</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.url} style={buttonStyle}>
          Read the message
        </Button>
      </Section>
    </EmailLayout>
  );
}

NewMessageEmail.PreviewProps = {
  audience: "client",
  practiceName: "Harbor Couples Therapy",
  url: "http://localhost:3000/portal/00000000-0000-4000-8000-000000000000/messages/00000000-0000-4000-8000-000000000001",
} satisfies NewMessageEmailProps;
