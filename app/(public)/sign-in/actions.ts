"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { devSignIn } from "@/lib/auth/dev-sign-in";
import { requestSignIn } from "@/lib/auth/request-sign-in";
import { signInSchema } from "@/lib/auth/sign-in-schema";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { clientIp } from "@/lib/http/client-ip";

export type SignInActionResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Where a sign-in link returns: a path on this site (lib/auth/safe-redirect.ts), else where each kind of user starts. */
function returnPath(callbackUrl: unknown): string {
  return typeof callbackUrl === "string" && callbackUrl ? safeRedirectPath(callbackUrl, env.APP_URL, "/after-sign-in") : "/after-sign-in";
}

export async function requestSignInAction(input: unknown, callbackUrl?: unknown): Promise<SignInActionResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const result = await requestSignIn({ email: parsed.data.email, ip: clientIp(await headers()) }, async (email) => {
    await signIn("email", { email, redirect: false, redirectTo: returnPath(callbackUrl) });
  });
  if (result.status === "limited") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return {
      ok: false,
      errors: {
        email: [`Too many sign-in links were requested. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`],
      },
    };
  }
  if (result.status === "unavailable") {
    return { ok: false, errors: { form: ["Sign-in is unavailable right now. Please try again in a few minutes."] } };
  }
  return { ok: true };
}

export async function devSignInAction(formData: FormData): Promise<void> {
  const email = String(formData.get("email") ?? "");
  const session = await devSignIn(email);
  if (!session) redirect("/sign-in/error?error=AccessDenied");
  (await cookies()).set(session.cookieName, session.token, { httpOnly: true, sameSite: "lax", path: "/", expires: session.expires });
  redirect(returnPath(formData.get("callbackUrl")));
}
