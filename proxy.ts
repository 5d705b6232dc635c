import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";
import { contentSecurityPolicy } from "@/lib/http/security-headers";

/**
 * A Content-Security-Policy with a fresh nonce for every request. Next reads
 * the nonce from the request's CSP header while rendering and puts it on its
 * own scripts (which is why app/layout.tsx renders every page per request).
 * The other security headers are in next.config.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy({ nonce, development: env.NODE_ENV === "development", https: env.APP_URL.startsWith("https:") });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  // The page's own path, for pages that need it (a sign-in that returns here, the practice whose
  // look a page takes). Always set here, so a client cannot send its own.
  requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything but build assets (hashed files, no HTML); those still get next.config.ts's headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
