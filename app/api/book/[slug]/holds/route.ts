import type { NextRequest } from "next/server";
import { holdSlotWithinLimits } from "@/lib/booking/booking-limits";
import { holdBody, holdConflictBody } from "@/lib/booking/public-api";
import { findPracticeBySlug } from "@/lib/booking/public-services";
import { clientIp } from "@/lib/http/client-ip";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { json } from "@/lib/http/json";

/** Public: hold a time while the visitor enters their details. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const practice = await findPracticeBySlug((await params).slug);
  if (!practice) return json({ message: "Practice not found" }, 404);
  const body = await request.json().catch(() => null);
  const result = await holdSlotWithinLimits(practice.id, body, new Date(), clientIp(request.headers));
  if (result.ok) {
    return json(holdBody(result), 201);
  }
  if (result.code === "conflict") {
    return domainErrorResponse(result, holdConflictBody({ code: result.reason, message: result.message, alternatives: result.alternatives }));
  }
  return domainErrorResponse(result);
}
