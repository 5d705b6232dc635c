import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { confirm, kickAppointmentEvents } from "@/lib/booking/lifecycle";

/**
 * Staff confirm a booking still waiting for payment (say one partner paid
 * and the other pays at the session). Open checkouts stay payable; the
 * attendees get their confirmation now.
 */
export async function confirmWithoutPayment(input: { practiceId: string; appointmentId: string; actorUserId: string }, now: Date): Promise<{ ok: boolean; message: string }> {
  const ok = await db.transaction(async (tx) => {
    // The lifecycle queues the confirmation (and forms) with the change.
    if (!(await confirm(tx, { practiceId: input.practiceId, appointmentId: input.appointmentId, now }))) return false;
    await recordAudit({ practiceId: input.practiceId, actor: { kind: "member", userId: input.actorUserId }, action: "appointment.confirm_unpaid", subjectType: "appointment", subjectId: input.appointmentId }, tx);
    return true;
  });
  kickAppointmentEvents();
  return ok ? { ok: true, message: "Confirmed. The attendees get their confirmation." } : { ok: false, message: "Only a booking waiting for payment can be confirmed here." };
}
