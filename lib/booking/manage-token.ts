import { env } from "@/lib/env";
import { TOKEN_PURPOSES, signToken, verifyToken, type TokenFailure } from "@/lib/tokens";

/** The manage link in booking emails: a signed token (lib/tokens) naming one appointment and one attendee. */

export const MANAGE_PURPOSE = TOKEN_PURPOSES.manage;

export interface ManageTokenInput {
  appointmentId: string;
  clientId: string;
  expiresAt: Date;
}

export type ManageTokenResult = { ok: true; appointmentId: string; clientId: string; expiresAt: Date } | { ok: false; reason: TokenFailure };

/** The token in `/manage/<token>`: which appointment, for which attendee. */
export function createManageToken({ appointmentId, clientId, expiresAt }: ManageTokenInput): string {
  return signToken(MANAGE_PURPOSE, { a: appointmentId, c: clientId }, expiresAt);
}

export function verifyManageToken(token: string, now: Date): ManageTokenResult {
  const result = verifyToken<{ a?: unknown; c?: unknown }>(MANAGE_PURPOSE, token, now);
  if (!result.ok) return result;
  const { a, c } = result.data ?? {};
  if (typeof a !== "string" || typeof c !== "string" || !a || !c) return { ok: false, reason: "malformed" };
  return { ok: true, appointmentId: a, clientId: c, expiresAt: result.expiresAt };
}

/** How long a manage link works: until a week after the appointment ends. */
export const MANAGE_LINK_GRACE_MS = 7 * 24 * 3_600_000;

export function manageTokenExpiry(appointmentEndsAt: Date): Date {
  return new Date(appointmentEndsAt.getTime() + MANAGE_LINK_GRACE_MS);
}

/** The full manage link for one attendee, valid until a week after the appointment ends. */
export function manageUrl(input: { appointmentId: string; clientId: string; endsAt: Date }): string {
  const token = createManageToken({ appointmentId: input.appointmentId, clientId: input.clientId, expiresAt: manageTokenExpiry(input.endsAt) });
  return `${env.APP_URL.replace(/\/+$/, "")}/manage/${token}`;
}
