"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fieldFailure, messageFailure, uuidArg } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { saveDiagnoses, saveVisitCptLines } from "@/lib/billing/diagnoses";
import { takeDeskPayment } from "@/lib/billing/desk-payments";
import { chargeFee } from "@/lib/billing/fees";
import { refundPayment } from "@/lib/billing/refunds";
import { confirmWithoutPayment } from "@/lib/billing/staff-confirm";

// Thin: each action is wrapped (the role matrix first, then the arguments), then calls the domain.

const FEE_NOT_KNOWN = "That fee is not known.";

export const refundPaymentAction = memberAction("payments.refund", z.tuple([uuidArg("That payment was not found"), z.unknown()]), async (scope, [paymentId, values]) => {
  const result = await refundPayment({ practiceId: scope.practice.id, paymentId, actor: { kind: "member", userId: scope.user.id }, values }, new Date());
  revalidatePath(`/clinic/${scope.practice.slug}/billing`, "layout");
  return result;
});

export const takeDeskPaymentAction = memberAction(
  "payments.take",
  z.tuple([uuidArg("That client was not found"), z.unknown()]),
  async (scope, [clientId, values]) => {
    const result = await takeDeskPayment({ practiceId: scope.practice.id, clientId, actorUserId: scope.user.id, timeZone: scope.practice.timeZone, values }, new Date());
    revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}`);
    revalidatePath(`/clinic/${scope.practice.slug}/billing`, "layout");
    return result;
  },
);

export const chargeFeeAction = memberAction(
  "fees.charge",
  z.tuple([uuidArg(FEE_NOT_KNOWN), z.enum(["no_show", "late_cancel"], { message: FEE_NOT_KNOWN })]),
  async (scope, [appointmentId, kind]) => {
    const result = await chargeFee({ practiceId: scope.practice.id, appointmentId, kind, actorUserId: scope.user.id }, new Date());
    revalidatePath(`/clinic/${scope.practice.slug}/schedule/${appointmentId}`);
    return result;
  },
  messageFailure,
);

export const saveDiagnosesAction = memberAction(
  "diagnoses.record_own",
  z.tuple([uuidArg("That session was not found"), z.unknown()]),
  async (scope, [appointmentId, values]) => {
    const result = await saveDiagnoses(scope, appointmentId, values);
    revalidatePath(`/clinic/${scope.practice.slug}/schedule/${appointmentId}`);
    return result;
  },
  fieldFailure("codes"),
);

export const saveVisitCptLinesAction = memberAction(
  "diagnoses.record_own",
  z.tuple([uuidArg("That session was not found"), z.unknown()]),
  async (scope, [appointmentId, values]) => {
    const result = await saveVisitCptLines(scope, appointmentId, values);
    revalidatePath(`/clinic/${scope.practice.slug}/schedule/${appointmentId}`);
    return result;
  },
  fieldFailure("cptLines"),
);

export const confirmWithoutPaymentAction = memberAction(
  "payments.confirm_unpaid",
  z.tuple([uuidArg("That session was not found.")]),
  async (scope, [appointmentId]): Promise<{ ok: boolean; message: string }> => {
    const result = await confirmWithoutPayment({ practiceId: scope.practice.id, appointmentId, actorUserId: scope.user.id }, new Date());
    revalidatePath(`/clinic/${scope.practice.slug}/schedule/${appointmentId}`);
    return result;
  },
  messageFailure,
);
