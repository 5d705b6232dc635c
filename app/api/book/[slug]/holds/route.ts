import type { NextRequest } from "next/server";
import { holdSlotWithinLimits } from "@/lib/booking/booking-limits";
import { findPracticeBySlug } from "@/lib/booking/public-services";
import { clientIp } from "@/lib/http/client-ip";
import { json, limitedJson } from "@/lib/http/json";

/** Public: hold a time while the visitor enters their details. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const practice = await findPracticeBySlug((await params).slug);
  if (!practice) return json({ message: "Practice not found" }, 404);
  const body = await request.json().catch(() => null);
  const result = await holdSlotWithinLimits(practice.id, body, new Date(), clientIp(request.headers));
  if (result.ok) {
    return json(
      {
        holdToken: result.holdToken,
        expiresAt: result.expiresAt.toISOString(),
        start: new Date(result.slot.start).toISOString(),
        end: new Date(result.slot.end).toISOString(),
        clinicianId: result.slot.memberId,
      },
      201,
    );
  }
  if (result.status === 429 || result.status === 503) return limitedJson(result);
  if (result.status === 409) {
    return json(
      {
        code: result.code,
        message: result.message,
        alternatives: result.alternatives.map((s) => ({ start: new Date(s.start).toISOString(), clinicianId: s.memberId })),
      },
      409,
    );
  }
  return json(result.status === 400 ? { errors: result.errors } : { message: result.message }, result.status);
}
