"use server";

import { headers } from "next/headers";
import { signIn } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import type { FieldErrors } from "@/lib/form-result";
import { clientIp } from "@/lib/http/client-ip";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { signUp } from "@/lib/practices/sign-up";

export type StartPracticeResult = { ok: true; email: string } | { ok: false; errors: FieldErrors; suggestion?: string };

/** "Start your practice": lib/practices/sign-up.ts decides; this parses nothing itself and sends the Auth.js link. */
export async function startPracticeAction(input: unknown): Promise<StartPracticeResult> {
  const result = await signUp(input, {
    ip: clientIp(await headers()),
    now: new Date(),
    signups: env.SIGNUPS,
    sendLink: async (email, redirectTo) => {
      await signIn("email", { email, redirect: false, redirectTo });
    },
  });
  if (result.ok) return { ok: true, email: result.email };
  if (result.code === "conflict") return { ok: false, errors: { [result.field]: [result.message] }, suggestion: result.suggestion };
  return { ok: false, errors: domainFormErrors(result) };
}
