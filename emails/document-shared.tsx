import { Button, Section, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

/**
 * Tells a client that a document waits in their portal. Never its title: a
 * title such as "Release of information to Dr X" is itself clinical detail.
 */
export interface DocumentSharedEmailProps {
  practiceName: string;
  recipientName: string | null;
  /** "sign": the practice asks for a signature; "view": to read. */
  kind: "view" | "sign";
  portalUrl: string;
}

export function documentSharedSubject(practiceName: string, kind: "view" | "sign"): string {
  return kind === "sign" ? `${practiceName} asks you to sign a document` : `${practiceName} shared a document with you`;
}

export default function DocumentSharedEmail(props: DocumentSharedEmailProps) {
  const subject = documentSharedSubject(props.practiceName, props.kind);
  return (
    <EmailLayout preview={subject} footer={`Sent by ${props.practiceName}.`}>
      <Text style={{ fontSize: 16 }}>{props.recipientName ? `Hi ${props.recipientName},` : "Hello,"}</Text>
      <Text style={{ fontSize: 16 }}>
        {props.kind === "sign"
          ? `${props.practiceName} has shared a document in your private client portal and asks you to read and sign it.`
          : `${props.practiceName} has shared a document with you in your private client portal.`}
      </Text>
      <Text style={{ fontSize: 14 }}>Sign in to your portal to open it.</Text>
      <Section style={{ margin: "20px 0" }}>
        <Button href={props.portalUrl} style={buttonStyle}>
          Open your documents
        </Button>
      </Section>
    </EmailLayout>
  );
}

DocumentSharedEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  recipientName: "Priya",
  kind: "sign",
  portalUrl: "http://localhost:3000/portal/00000000-0000-4000-8000-000000000000/documents",
} satisfies DocumentSharedEmailProps;
