import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** The frame every message shares. No clinical content ever goes in an email. */
export function EmailLayout({ preview, children, footer }: { preview: string; children: ReactNode; footer?: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f5f2", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2a2e" }}>
        <Container style={{ maxWidth: 520, margin: "24px auto", backgroundColor: "#ffffff", borderRadius: 8, padding: 28 }}>
          <Text style={{ fontSize: 18, fontWeight: 700, color: "#23524a", margin: "0 0 16px" }}>Tandem</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e5e2dc", margin: "24px 0 12px" }} />
          <Text style={{ fontSize: 12, color: "#5c6468", margin: 0 }}>
            {footer ?? "You received this email because someone used this address with Tandem."}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#23524a",
  color: "#ffffff",
  borderRadius: 6,
  padding: "12px 20px",
  fontSize: 16,
  fontWeight: 600,
  textDecoration: "none",
  display: "inline-block",
} as const;
