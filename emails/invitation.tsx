import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

export interface InvitationEmailProps {
  practiceName: string;
  inviterName: string;
  roleLabel: string;
  signInUrl: string;
}

export default function InvitationEmail({ practiceName, inviterName, roleLabel, signInUrl }: InvitationEmailProps) {
  return (
    <EmailLayout preview={`You are invited to join ${practiceName} on Tandem`}>
      <Text style={{ fontSize: 16 }}>
        {inviterName} invited you to join {practiceName} on Tandem as {roleLabel}.
      </Text>
      <Text style={{ fontSize: 16 }}>Sign in with this email address to accept. No password is needed.</Text>
      <Button href={signInUrl} style={buttonStyle}>
        Sign in to accept
      </Button>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  inviterName: "Dana Whitfield",
  roleLabel: "a clinician",
  signInUrl: "http://localhost:3000/sign-in",
} satisfies InvitationEmailProps;

export function invitationSubject(practiceName: string) {
  return `Join ${practiceName} on Tandem`;
}
