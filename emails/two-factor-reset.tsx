import { Button, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

export interface TwoFactorResetEmailProps {
  practiceName: string;
  ownerName: string;
  securityUrl: string;
}

/** Tells a member their second factor was reset. It carries no code, secret or sign-in link. */
export default function TwoFactorResetEmail({ practiceName, ownerName, securityUrl }: TwoFactorResetEmailProps) {
  return (
    <EmailLayout preview="Your two-step sign-in was reset">
      <Text style={{ fontSize: 16 }}>
        {ownerName}, an owner of {practiceName}, reset the two-step sign-in on your Tandem account. Your authenticator app,
        passkeys and recovery codes no longer work, and you have been signed out everywhere.
      </Text>
      <Text style={{ fontSize: 16 }}>
        Next time you sign in you can set up a second factor again. If you did not ask for this, tell {practiceName} straight away.
      </Text>
      <Button href={securityUrl} style={buttonStyle}>
        Open your security settings
      </Button>
    </EmailLayout>
  );
}

TwoFactorResetEmail.PreviewProps = {
  practiceName: "Harbor Couples Therapy",
  ownerName: "Dana Whitfield",
  securityUrl: "http://localhost:3000/account/security",
} satisfies TwoFactorResetEmailProps;

export const twoFactorResetSubject = "Your two-step sign-in was reset";
