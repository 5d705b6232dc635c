import { z } from "zod";
import { looksLikeRecoveryCode } from "./recovery-code-format";

/** The message a wrong authenticator code gets, on every form that asks for one. */
export const WRONG_CODE_MESSAGE = "That code didn't match. Codes change every 30 seconds.";

/** A 6-digit authenticator code; spaces (as some apps show "123 456") are ignored. */
export const totpCodeSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app")),
});

export const recoveryCodeSchema = z.object({
  recoveryCode: z
    .string()
    .trim()
    .refine(looksLikeRecoveryCode, "Enter one of your recovery codes, like k7m2p-x9qrt"),
});

export const passkeyNameSchema = z.object({
  name: z.string().trim().min(1, "Give this passkey a name, like \"Work laptop\"").max(60, "Keep the name under 60 characters"),
});

export const removePasskeySchema = z.object({ passkeyId: z.string().min(1).max(1024) });

export const resetMemberFactorSchema = z.object({ memberId: z.uuid("Choose a member") });

export const requireTwoFactorSchema = z.object({ required: z.boolean() });

export type TotpCodeInput = z.input<typeof totpCodeSchema>;
export type RecoveryCodeInput = z.input<typeof recoveryCodeSchema>;
