import type { NextRequest } from "next/server";
import { checkConfirmationLimits } from "@/lib/booking/booking-limits";
import { confirmBooking } from "@/lib/booking/confirm-booking";
import { findPracticeBySlug } from "@/lib/booking/public-services";
import { clientIp } from "@/lib/http/client-ip";
import { json, limitedJson } from "@/lib/http/json";

/** Public: turn a hold into a confirmed booking with the attendees' details. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const practice = await findPracticeBySlug((await params).slug);
  if (!practice) return json({ message: "Practice not found" }, 404);
  const body = await request.json().catch(() => null);
  const now = new Date();
  const allowed = await checkConfirmationLimits(practice.id, body, now, await clientIp());
  if (!allowed.ok) return limitedJson(allowed);
  const result = await confirmBooking(practice.id, body, now);
  if (result.ok) {
    return json({
      appointmentId: result.appointmentId,
      emailedTo: result.attendeeEmails,
      checkoutUrl: result.payment?.checkoutUrl ?? null,
      awaitingPayment: Boolean(result.payment),
      partnerEmailed: result.payment?.partnerEmailed ?? false,
    });
  }
  return json(result.status === 400 ? { errors: result.errors } : { message: result.message }, result.status);
}
