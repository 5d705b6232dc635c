"use server";

import { revalidatePath } from "next/cache";
import { isUuid } from "@/lib/ids";
import { requireMember } from "@/lib/auth/guards";
import { saveDiagnoses } from "@/lib/billing/diagnoses";
import { chargeFee, type ChargeFeeResult } from "@/lib/billing/fees";
import type { ActionResult } from "@/lib/form-result";
import { refundPayment, type RefundResult } from "@/lib/billing/refunds";
import { confirmWithoutPayment } from "@/lib/billing/staff-confirm";

// Thin: each action asks the role matrix first, then calls the domain.

export async function refundPaymentAction(practiceSlug: string, paymentId: string, values: unknown): Promise<RefundResult> {
  const scope = await requireMember(practiceSlug, "payments.refund");
  if (!isUuid(paymentId)) return { ok: false, errors: { form: ["That payment was not found"] } };
  const result = await refundPayment({ practiceId: scope.practice.id, paymentId, actor: { kind: "member", userId: scope.user.id }, values }, new Date());
  revalidatePath(`/clinic/${practiceSlug}/billing`, "layout");
  return result;
}

export async function chargeFeeAction(practiceSlug: string, appointmentId: string, kind: unknown): Promise<ChargeFeeResult> {
  const scope = await requireMember(practiceSlug, "fees.charge");
  if (!isUuid(appointmentId) || (kind !== "no_show" && kind !== "late_cancel")) return { ok: false, message: "That fee is not known." };
  const result = await chargeFee({ practiceId: scope.practice.id, appointmentId, kind, actorUserId: scope.user.id }, new Date());
  revalidatePath(`/clinic/${practiceSlug}/schedule/${appointmentId}`);
  return result;
}

export async function saveDiagnosesAction(practiceSlug: string, appointmentId: string, values: unknown): Promise<ActionResult> {
  const scope = await requireMember(practiceSlug, "diagnoses.record_own");
  if (!isUuid(appointmentId)) return { ok: false, errors: { codes: ["That session was not found"] } };
  const result = await saveDiagnoses(scope, appointmentId, values);
  revalidatePath(`/clinic/${practiceSlug}/schedule/${appointmentId}`);
  return result;
}

export async function confirmWithoutPaymentAction(practiceSlug: string, appointmentId: string): Promise<{ ok: boolean; message: string }> {
  const scope = await requireMember(practiceSlug, "payments.confirm_unpaid");
  if (!isUuid(appointmentId)) return { ok: false, message: "That session was not found." };
  const result = await confirmWithoutPayment({ practiceId: scope.practice.id, appointmentId, actorUserId: scope.user.id }, new Date());
  revalidatePath(`/clinic/${practiceSlug}/schedule/${appointmentId}`);
  return result;
}
