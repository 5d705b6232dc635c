import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { checkConfirmationLimits } from "@/lib/booking/booking-limits";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { confirmBody } from "@/lib/booking/public-api";
import { findPracticeBySlug } from "@/lib/booking/public-services";
import { clientIp } from "@/lib/http/client-ip";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { json } from "@/lib/http/json";

/**
 * Public: turn a hold into a confirmed booking with the attendees' details.
 * A portal session (from the cookie, never the body) books as that client.
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const practice = await findPracticeBySlug((await params).slug);
  if (!practice) return json({ message: "Practice not found" }, 404);
  const body = await request.json().catch(() => null);
  const now = new Date();
  const allowed = await checkConfirmationLimits(practice.id, body, now, clientIp(request.headers));
  if (!allowed.ok) return domainErrorResponse(allowed);
  const user = await getCurrentUser();
  const result = await confirmBooking(practice.id, body, now, { userId: user?.id ?? null });
  if (result.ok) {
    return json(confirmBody(result));
  }
  return domainErrorResponse(result);
}
