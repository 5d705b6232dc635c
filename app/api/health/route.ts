import { json } from "@/lib/http/json";

/** Liveness: the process answers. No version, no data, nothing that touches the database. */
export function GET() {
  return json({ status: "ok" });
}

// Answered when asked, never prerendered at build time.
export const dynamic = "force-dynamic";
