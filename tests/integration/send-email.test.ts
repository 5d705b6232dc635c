import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { emailMessages } from "@/db/schema";
import SignInEmail, { signInSubject } from "@/emails/sign-in";
import { sendEmail, type OutgoingEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { countRows, uniqueEmail } from "./helpers/factories";
import { startResendCapture, type ResendCapture } from "./helpers/resend-capture";

function signInMessage(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail & { url: string } {
  const url = `http://localhost:3000/sign-in/verify?token=${randomUUID()}`;
  return {
    key: `sign-in:${randomUUID()}`,
    to: uniqueEmail("reader"),
    subject: signInSubject,
    template: "sign-in",
    element: SignInEmail({ url, minutes: 10 }),
    url,
    ...overrides,
  };
}

async function messageRow(key: string) {
  const [row] = await db.select().from(emailMessages).where(eq(emailMessages.key, key));
  return row;
}

describe("without a transport (no RESEND_API_KEY): the outbox", () => {
  test("stores the message with HTML and text bodies, status outbox", async () => {
    const message = signInMessage();
    expect(await sendEmail(message, null)).toEqual({ status: "outbox" });
    const row = await messageRow(message.key);
    expect(row).toMatchObject({ to: message.to, subject: signInSubject, template: "sign-in", status: "outbox", providerId: null, sentAt: null, error: null });
    expect(row!.html).toMatch(/<html/i);
    expect(row!.html).toContain(message.url.replace(/&/g, "&amp;"));
    expect(row!.text).toContain(message.url);
    expect(row!.text).not.toMatch(/<[a-z]/i);
  });

  test("the same key twice is a duplicate: one row, unchanged", async () => {
    const message = signInMessage();
    expect(await sendEmail(message, null)).toEqual({ status: "outbox" });
    const first = await messageRow(message.key);
    expect(await sendEmail({ ...message, subject: "Different", to: uniqueEmail("other") }, null)).toEqual({ status: "duplicate" });
    expect(await countRows(emailMessages, eq(emailMessages.key, message.key))).toBe(1);
    expect(await messageRow(message.key)).toEqual(first);
  });

  test("the default transport in tests is the outbox (the test setup clears RESEND_API_KEY)", async () => {
    expect(env.RESEND_API_KEY).toBeUndefined();
    const message = signInMessage();
    expect(await sendEmail(message)).toEqual({ status: "outbox" });
  });
});

describe("through the Resend SDK (local capture server)", () => {
  let capture: ResendCapture;
  let resend: Resend;

  beforeAll(async () => {
    capture = await startResendCapture();
    resend = new Resend("re_test_123", { baseUrl: capture.url });
  });
  afterAll(() => capture.close());
  beforeEach(() => capture.reset());

  test("posts the message to /emails with the key as Idempotency-Key, then keeps only the metadata", async () => {
    const providerId = `re-${randomUUID()}`;
    capture.respondWith({ status: 200, body: { id: providerId } });
    const message = signInMessage();
    const before = Date.now();

    expect(await sendEmail(message, resend)).toEqual({ status: "sent" });

    expect(capture.requests).toHaveLength(1);
    const [request] = capture.requests;
    expect(request).toMatchObject({ method: "POST", path: "/emails" });
    expect(request!.headers.authorization).toBe("Bearer re_test_123");
    expect(request!.headers["idempotency-key"]).toBe(message.key);
    expect(request!.headers["content-type"]).toMatch(/application\/json/);
    const body = request!.body as Record<string, unknown>;
    expect(body).toMatchObject({ from: env.EMAIL_FROM, to: message.to, subject: signInSubject });
    expect(body.html).toEqual(expect.stringContaining(message.url.replace(/&/g, "&amp;")));
    expect(body.text).toEqual(expect.stringContaining(message.url));

    const row = await messageRow(message.key);
    expect(row).toMatchObject({ status: "sent", providerId, html: null, text: null, error: null, to: message.to });
    expect(row!.sentAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  test("a repeated key is not sent again", async () => {
    const message = signInMessage();
    expect(await sendEmail(message, resend)).toEqual({ status: "sent" });
    expect(await sendEmail(message, resend)).toEqual({ status: "duplicate" });
    expect(capture.requests).toHaveLength(1);
  });

  test("a long key is cut to Resend's 256-character limit in the header", async () => {
    const message = signInMessage({ key: `sign-in:${"k".repeat(300)}:${randomUUID()}` });
    expect(await sendEmail(message, resend)).toEqual({ status: "sent" });
    expect(capture.requests[0]!.headers["idempotency-key"]).toBe(message.key.slice(0, 256));
  });

  test("a 500 from Resend marks the message failed with the error, bodies kept", async () => {
    capture.respondWith({ status: 500, body: { statusCode: 500, name: "internal_server_error", message: "Something broke on our side" } });
    const message = signInMessage();
    expect(await sendEmail(message, resend)).toEqual({ status: "failed", error: "Something broke on our side" });
    const row = await messageRow(message.key);
    expect(row).toMatchObject({ status: "failed", error: "Something broke on our side", providerId: null, sentAt: null });
    expect(row!.text).toContain(message.url);
  });

  test("a 422 validation error marks the message failed with Resend's message", async () => {
    capture.respondWith({ status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } });
    const message = signInMessage();
    expect(await sendEmail(message, resend)).toEqual({ status: "failed", error: "Invalid `to` field." });
    expect(await messageRow(message.key)).toMatchObject({ status: "failed", error: "Invalid `to` field." });
  });

  test("a non-JSON error page still marks the message failed", async () => {
    capture.respondWith({ status: 502, body: "<html>Bad gateway</html>" });
    const message = signInMessage();
    const result = await sendEmail(message, resend);
    expect(result.status).toBe("failed");
    const row = await messageRow(message.key);
    expect(row?.status).toBe("failed");
    expect(row?.error).toBeTruthy();
  });

  test("an unreachable Resend marks the message failed", async () => {
    const dead = await startResendCapture();
    await dead.close();
    const message = signInMessage();
    const result = await sendEmail(message, new Resend("re_test_123", { baseUrl: dead.url }));
    expect(result.status).toBe("failed");
    expect(await messageRow(message.key)).toMatchObject({ status: "failed", providerId: null });
  });
});
