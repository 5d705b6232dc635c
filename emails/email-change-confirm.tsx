import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

export interface EmailChangeConfirmProps {
  practiceName: string;
  confirmUrl: string;
  expiresInHours: number;
}

/** To the new address: nothing changes until its owner confirms. No clinical detail. */
export default function EmailChangeConfirmEmail({ practiceName, confirmUrl, expiresInHours }: EmailChangeConfirmProps) {
  return (
    <EmailLayout
      preview={`Confirm your email address for ${practiceName}`}
      footer="If you did not expect this, ignore this email: nothing changes unless the link is used."
    >
      <Text style={{ fontSize: 16 }}>{practiceName} asked to use this address for your client portal sign-in.</Text>
      <Text style={{ fontSize: 16 }}>Confirm it to make the change. The link works once, for {expiresInHours} hours.</Text>
      <Button href={confirmUrl} style={buttonStyle}>
        Confirm this address
      </Button>
    </EmailLayout>
  );
}

EmailChangeConfirmEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  confirmUrl: "http://localhost:3000/email-change/preview",
  expiresInHours: 48,
} satisfies EmailChangeConfirmProps;

export function emailChangeConfirmSubject(practiceName: string) {
  return `Confirm your email address for ${practiceName}`;
}
