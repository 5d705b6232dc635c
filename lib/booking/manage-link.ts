import type { AuditActor } from "@/lib/audit/record-audit";
import { isLateCancellation } from "./lifecycle/transitions";
import { loadAppointmentView, type AppointmentView } from "./load-appointment";
import { verifyManageToken } from "./manage-token";

export type ManageLink =
  | { ok: true; appointment: AppointmentView; clientId: string; actor: AuditActor; lateNow: boolean; canChange: boolean }
  | { ok: false; message: string };

/**
 * What an attendee's emailed link opens: their appointment, if the signature
 * holds, the link has not expired and they are still one of its attendees.
 */
export async function openManageLink(token: string, now: Date): Promise<ManageLink> {
  const verified = verifyManageToken(token, now);
  if (!verified.ok) {
    return {
      ok: false,
      message: verified.reason === "expired" ? "This link has expired. Please contact the practice." : "This link is not valid. Use the link from your most recent email.",
    };
  }
  const appointment = await loadAppointmentView(verified.appointmentId);
  const attendee = appointment?.attendees.find((p) => p.clientId === verified.clientId);
  if (!appointment || !attendee) return { ok: false, message: "This link is not valid. Use the link from your most recent email." };
  return {
    ok: true,
    appointment,
    clientId: attendee.clientId,
    actor: attendee.userId ? { kind: "client", userId: attendee.userId } : { kind: "system" },
    lateNow: isLateCancellation(appointment.startsAt, appointment.service.cancellationWindowHours, now),
    canChange: appointment.status === "confirmed" && appointment.startsAt > now,
  };
}
