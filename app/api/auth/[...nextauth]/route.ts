import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";

export const GET = handlers.GET;

/**
 * Sign-in emails are requested only through the sign-in page's server action,
 * which applies the rate limits; Auth.js's own POST endpoint for them is closed.
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.includes("/signin/")) {
    return Response.json({ error: "Use the sign-in page." }, { status: 404 });
  }
  return handlers.POST(request);
}
