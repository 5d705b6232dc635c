import type { NextRequest } from "next/server";
import { findSlots } from "@/lib/booking/find-slots";
import { slotsBody, slotsRequestSchema } from "@/lib/booking/public-api";
import { findPracticeBySlug } from "@/lib/booking/public-services";
import { zodFieldErrors } from "@/lib/form-result";
import { json } from "@/lib/http/json";

/** Public: free start times for a service, as UTC instants. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const practice = await findPracticeBySlug((await params).slug);
  if (!practice) return json({ message: "Practice not found" }, 404);
  const parsed = slotsRequestSchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return json({ errors: zodFieldErrors(parsed.error) }, 400);
  const q = parsed.data;
  const result = await findSlots({
    practiceId: practice.id,
    serviceId: q.service,
    clinicianId: q.clinician,
    from: new Date(q.from),
    to: new Date(q.to),
    now: new Date(),
  });
  if (!result) return json({ message: "That service is not offered" }, 404);
  return json(slotsBody(practice.timeZone, result.slots));
}
