import "server-only";
import { render } from "@react-email/render";
import { and, eq } from "drizzle-orm";
import type { ReactElement } from "react";
import { Resend } from "resend";
import { db } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { withEmailBrand, type EmailBrand } from "@/emails/components/brand";
import { absoluteLogoUrl, loadBrand } from "@/lib/brand/load-brand";
import { env } from "@/lib/env";

export interface OutgoingEmail {
  /** Idempotency key: the same key never sends twice (e.g. `sign-in:<token hash>`). */
  key: string;
  to: string;
  subject: string;
  /** Template name, for the outbox and logs. */
  template: string;
  element: ReactElement;
  practiceId?: string | null;
  /**
   * Whose name, logo and colour the message wears (decision 0040). Unset: practiceId's.
   * A sign-in link asked for on a practice's page wears that practice's look without
   * becoming one of its messages.
   */
  brandPracticeId?: string | null;
  /** The look, already read by a sender that reads many messages in one query (the reminders); unset: read here. */
  brand?: EmailBrand | null;
  /** Files to attach (e.g. an .ics invitation); `content` is UTF-8 text. */
  attachments?: EmailAttachment[];
  /**
   * A message that failed earlier under this key is tried again (the
   * appointment outbox retries its effects). Still at most one sent: the
   * failed row is claimed atomically, and Resend dedupes the same key.
   */
  retryFailed?: boolean;
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text; stored and sent base64-encoded. */
  content: string;
}

export type EmailTransport = Pick<Resend, "emails"> | null;

export type SendResult = { status: "outbox" | "sent" | "duplicate" } | { status: "failed"; error: string };

let defaultTransport: EmailTransport | undefined;
function transportFromEnv(): EmailTransport {
  if (defaultTransport === undefined) {
    // Production without a key stops at start-up unless MAIL_TRANSPORT=outbox was chosen (lib/env.ts).
    defaultTransport =
      env.MAIL_TRANSPORT === "resend"
        ? new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined)
        : null;
  }
  return defaultTransport;
}

async function emailBrandOf(practiceId: string | null): Promise<EmailBrand | null> {
  const brand = practiceId ? await loadBrand(practiceId) : null;
  return brand ? { name: brand.name, colour: brand.colour, logoUrl: absoluteLogoUrl(brand) } : null;
}

/**
 * Renders HTML and text from one React Email element, records the message
 * under its key (a repeat is a no-op), then sends it through Resend, or,
 * with MAIL_TRANSPORT=outbox (no API key outside production), leaves it in the outbox.
 */
export async function sendEmail(message: OutgoingEmail, transport: EmailTransport = transportFromEnv()): Promise<SendResult> {
  const brand = message.brand !== undefined ? message.brand : await emailBrandOf(message.brandPracticeId ?? message.practiceId ?? null);
  const [html, text] = await withEmailBrand(brand, () => Promise.all([render(message.element), render(message.element, { plainText: true })]));
  const attachments = message.attachments?.length
    ? message.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content, "utf8").toString("base64"),
      }))
    : null;
  const inserted = await db
    .insert(emailMessages)
    .values({
      key: message.key,
      practiceId: message.practiceId ?? null,
      template: message.template,
      to: message.to,
      subject: message.subject,
      html,
      text,
      attachments,
      status: transport ? "sending" : "outbox",
    })
    .onConflictDoNothing({ target: emailMessages.key })
    .returning({ id: emailMessages.id });
  const row =
    inserted[0] ??
    (message.retryFailed
      ? (
          await db
            .update(emailMessages)
            .set({ status: transport ? "sending" : "outbox", html, text, attachments, error: null })
            .where(and(eq(emailMessages.key, message.key), eq(emailMessages.status, "failed")))
            .returning({ id: emailMessages.id })
        )[0]
      : undefined);
  if (!row) return { status: "duplicate" };
  if (!transport) return { status: "outbox" };

  const { data, error } = await transport.emails.send(
    {
      from: env.EMAIL_FROM,
      to: message.to,
      subject: message.subject,
      html,
      text,
      ...(attachments ? { attachments: attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) } : {}),
    },
    { idempotencyKey: message.key.slice(0, 256) },
  );
  if (error || !data) {
    const reason = error?.message ?? "no response";
    await db.update(emailMessages).set({ status: "failed", error: reason }).where(eq(emailMessages.id, row.id));
    // Only the template and key: never the address or body.
    console.warn(`[email] ${message.template} ${message.key} failed: ${reason}`);
    return { status: "failed", error: reason };
  }
  // Sent: drop the bodies and attachments so links and names do not sit at rest.
  await db
    .update(emailMessages)
    .set({ status: "sent", providerId: data.id, sentAt: new Date(), html: null, text: null, attachments: null })
    .where(eq(emailMessages.id, row.id));
  return { status: "sent" };
}
