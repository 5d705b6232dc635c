import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { confirmBooking } from "@/lib/booking/confirm-booking";
import { findPracticeBySlug } from "@/lib/booking/public-services";
import { json } from "@/lib/http/json";

/**
 * Public: turn a hold into a confirmed booking with the attendees' details.
 * A portal session (from the cookie, never the body) books as that client.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const practice = await findPracticeBySlug((await params).slug);
  if (!practice) return json({ message: "Practice not found" }, 404);
  const body = await request.json().catch(() => null);
  const user = await getCurrentUser();
  const result = await confirmBooking(practice.id, body, new Date(), { userId: user?.id ?? null });
  if (result.ok) {
    return json({
      appointmentId: result.appointmentId,
      emailedTo: result.attendeeEmails,
      signedIn: result.signedIn,
      usedCredit: result.credit ?? false,
      checkoutUrl: result.payment?.checkoutUrl ?? null,
      awaitingPayment: Boolean(result.payment),
      partnerEmailed: result.payment?.partnerEmailed ?? false,
    });
  }
  return json(result.status === 400 ? { errors: result.errors } : { message: result.message }, result.status);
}
