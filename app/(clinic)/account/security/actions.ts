"use server";

import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { revalidatePath } from "next/cache";
import { SECURITY_PATH } from "@/lib/auth/second-factor-guard";
import { requireStaffSession } from "@/lib/auth/staff-session";
import {
  confirmTotpEnrolment,
  regenerateRecoveryCodes,
  removePasskey,
  removeTotp,
  startTotpEnrolment,
} from "@/lib/two-factor/manage-factors";
import { passkeyRegistrationOptions, registerPasskey } from "@/lib/two-factor/passkeys";

export async function startTotpAction() {
  const { session } = await requireStaffSession();
  return startTotpEnrolment(session);
}

export async function confirmTotpAction(input: unknown) {
  const { session } = await requireStaffSession();
  const result = await confirmTotpEnrolment(session, input);
  if (result.ok) revalidatePath(SECURITY_PATH);
  return result;
}

export async function removeTotpAction() {
  const { session } = await requireStaffSession();
  const result = await removeTotp(session);
  if (result.ok) revalidatePath(SECURITY_PATH);
  return result;
}

export async function passkeyRegistrationOptionsAction() {
  const { user, session } = await requireStaffSession();
  return passkeyRegistrationOptions(session, user.name);
}

export async function registerPasskeyAction(input: { name: unknown; response: RegistrationResponseJSON }) {
  const { session } = await requireStaffSession();
  const result = await registerPasskey(session, input);
  if (result.ok) revalidatePath(SECURITY_PATH);
  return result;
}

export async function removePasskeyAction(input: unknown) {
  const { session } = await requireStaffSession();
  const result = await removePasskey(session, input);
  if (result.ok) revalidatePath(SECURITY_PATH);
  return result;
}

export async function regenerateRecoveryCodesAction() {
  const { session } = await requireStaffSession();
  return regenerateRecoveryCodes(session);
}
