import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, buttonStyle } from "./components/layout";

export interface SignInEmailProps {
  url: string;
  minutes: number;
}

export default function SignInEmail({ url, minutes }: SignInEmailProps) {
  return (
    <EmailLayout
      preview="Your sign-in link"
      footer="If you did not ask to sign in, you can ignore this email: nothing happens until the link is used."
    >
      <Text style={{ fontSize: 16 }}>Use the button below to sign in. The link works once, for {minutes} minutes.</Text>
      <Button href={url} style={buttonStyle}>
        Sign in
      </Button>
      <Text style={{ fontSize: 13, color: "#5c6468" }}>
        Or paste this address into your browser: <Link href={url}>{url}</Link>
      </Text>
    </EmailLayout>
  );
}

SignInEmail.PreviewProps = {
  url: "http://localhost:3000/sign-in/verify?token=preview&email=alex%40example.com",
  minutes: 10,
} satisfies SignInEmailProps;

export const signInSubject = "Your sign-in link";
