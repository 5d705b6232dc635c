import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signUpWithinLimits } from "@/lib/events/sign-up-limits";
import { findPracticeBySlug } from "@/lib/booking/public-services";
import { clientIp } from "@/lib/http/client-ip";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { json } from "@/lib/http/json";
import { isUuid } from "@/lib/ids";

/**
 * Public: sign up for a group event (decision 0055). 201 with a seat
 * (confirmed, or held with the Checkout to pay at), 202 with a waitlist
 * place when full, 409 when sign-up has closed, 429 past the limits per IP,
 * practice and address. Never an attendee's data. A portal session (from
 * the cookie, never the body) signs up as that client and may spend package
 * credits (decision 0060).
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string; eventId: string }> }) {
  const { slug, eventId } = await params;
  const practice = await findPracticeBySlug(slug);
  if (!practice || !isUuid(eventId)) return json({ message: "Event not found" }, 404);
  const body = await request.json().catch(() => null);
  const user = await getCurrentUser();
  const result = await signUpWithinLimits({ practiceId: practice.id, eventId, values: body, ip: clientIp(request.headers), now: new Date(), userId: user?.id ?? null });
  if (!result.ok) return domainErrorResponse(result);
  if (result.status === "waitlisted") return json({ status: result.status, placeInLine: result.placeInLine }, 202);
  if (result.status === "awaiting_payment") return json({ status: result.status, checkoutUrl: result.checkoutUrl, holdExpiresAt: result.holdExpiresAt.toISOString() }, 201);
  return json({ status: result.status, credits: result.credits }, 201);
}
