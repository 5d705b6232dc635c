"use server";

import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { requireStaffSession } from "@/lib/auth/staff-session";
import { passkeyAuthenticationOptions, verifyPasskeyForSession } from "@/lib/two-factor/passkeys";
import { verifyRecoveryCodeForSession, verifyTotpForSession } from "@/lib/two-factor/verify-factor";

export async function verifyTotpAction(input: unknown) {
  const { session } = await requireStaffSession();
  return verifyTotpForSession(session, input);
}

export async function verifyRecoveryCodeAction(input: unknown) {
  const { session } = await requireStaffSession();
  return verifyRecoveryCodeForSession(session, input);
}

export async function passkeySignInOptionsAction() {
  const { session } = await requireStaffSession();
  return passkeyAuthenticationOptions(session);
}

export async function verifyPasskeyAction(response: AuthenticationResponseJSON) {
  const { session } = await requireStaffSession();
  return verifyPasskeyForSession(session, response);
}
