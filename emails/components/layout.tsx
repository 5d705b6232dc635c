import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { currentEmailBrand, DEFAULT_EMAIL_COLOUR, type EmailBrand } from "./brand";

/**
 * The frame every message shares. No clinical content ever goes in an email.
 * From a practice, the header is the practice's logo and name in its colour
 * and the product's name is only a small line at the foot; `brand` overrides
 * the practice sendEmail renders for (previews, tests).
 */
export function EmailLayout({ preview, children, footer, brand }: { preview: string; children: ReactNode; footer?: string; brand?: EmailBrand | null }) {
  const from = brand === undefined ? currentEmailBrand() : brand;
  const colour = from?.colour ?? DEFAULT_EMAIL_COLOUR;
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f5f2", fontFamily: "Helvetica, Arial, sans-serif", color: "#1f2a2e" }}>
        <Container style={{ maxWidth: 520, margin: "24px auto", backgroundColor: "#ffffff", borderRadius: 8, padding: 28, borderTop: `6px solid ${colour}` }}>
          {from ? (
            <Section style={{ margin: "0 0 16px" }}>
              {from.logoUrl ? <Img src={from.logoUrl} alt={from.name} height={48} style={{ height: 48, width: "auto", margin: "0 0 8px" }} /> : null}
              <Text style={{ fontSize: 18, fontWeight: 700, color: colour, margin: 0 }}>{from.name}</Text>
            </Section>
          ) : (
            <Text style={{ fontSize: 18, fontWeight: 700, color: colour, margin: "0 0 16px" }}>Tandem</Text>
          )}
          <Section>{children}</Section>
          <Hr style={{ borderColor: "#e5e2dc", margin: "24px 0 12px" }} />
          <Text style={{ fontSize: 12, color: "#5c6468", margin: 0 }}>
            {footer ?? (from ? `You received this email because ${from.name} used this address.` : "You received this email because someone used this address with Tandem.")}
          </Text>
          {from ? <Text style={{ fontSize: 11, color: "#5c6468", margin: "8px 0 0" }}>Sent with Tandem</Text> : null}
        </Container>
      </Body>
    </Html>
  );
}

/** The primary button. Its fill is read while the email renders, so it is the practice's colour. */
export const buttonStyle = {
  get backgroundColor() {
    return currentEmailBrand()?.colour ?? DEFAULT_EMAIL_COLOUR;
  },
  color: "#ffffff",
  borderRadius: 6,
  padding: "12px 20px",
  fontSize: 16,
  fontWeight: 600,
  textDecoration: "none",
  display: "inline-block",
} as const;
