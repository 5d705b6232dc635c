import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { env } from "@/lib/env";

/**
 * Every redirect Auth.js answers with lands on APP_URL. It builds absolute
 * URLs from its NextRequest, whose origin Next normalises (127.0.0.1 becomes
 * "localhost"); a redirect to another origin after the verify page's form
 * submission is refused by our CSP's form-action 'self'. Only the path is
 * kept: Auth.js never has a reason to send anyone off this site.
 */
function onAppUrl(response: Response): Response {
  const location = response.headers.get("location");
  if (!location) return response;
  const target = new URL(location, env.APP_URL);
  const headers = new Headers(response.headers);
  headers.set("location", new URL(`${target.pathname}${target.search}${target.hash}`, env.APP_URL).toString());
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export async function GET(request: NextRequest) {
  return onAppUrl(await handlers.GET(request));
}

/**
 * Sign-in emails are requested only through the sign-in page's server action,
 * which applies the rate limits; Auth.js's own POST endpoint for them is closed.
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.includes("/signin/")) {
    return Response.json({ error: "Use the sign-in page." }, { status: 404 });
  }
  return onAppUrl(await handlers.POST(request));
}
