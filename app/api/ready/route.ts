import { json } from "@/lib/http/json";
import { readinessResponse } from "@/lib/ops/readiness";

/** Readiness: the database answers and every migration this build ships is applied (lib/ops/readiness.ts). */
export async function GET() {
  const { status, body } = await readinessResponse();
  return json(body, status);
}

export const dynamic = "force-dynamic";
