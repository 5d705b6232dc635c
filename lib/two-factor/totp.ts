import { generateSecret, generateURI, verify } from "otplib";

/** Authenticator-app defaults (SHA-1, 6 digits, 30 s): what every app supports. */
export const TOTP_PERIOD_SECONDS = 30;
/** One step either side of now, for a phone clock that is a little off. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string, issuer = "Tandem"): string {
  return generateURI({ issuer, label: account, secret });
}

/** The secret in groups of four, for typing into an app by hand. */
export function formatSecretForManualEntry(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

/**
 * Checks a 6-digit code at the real current time. `afterTimeStep` is the
 * last step this secret accepted: the same code (or an older one) is refused,
 * so a code seen over someone's shoulder cannot be replayed.
 */
export async function checkTotpCode(secret: string, code: string, afterTimeStep: number | null): Promise<TotpCheck> {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep === null ? {} : { afterTimeStep }),
  });
  // The unified verify's result type covers HOTP too; with the default TOTP strategy a valid result has its step.
  return result.valid && "timeStep" in result ? { valid: true, timeStep: result.timeStep } : { valid: false };
}
