import { CLIENT_IP_HEADER } from "./resolve-client-ip";

/**
 * The caller's IP, as the server process worked it out from the socket
 * address and TRUSTED_PROXY_HOPS (lib/http/stamp-client-ip.ts, installed by
 * instrumentation.ts). X-Forwarded-For is never read here: a client could
 * write anything in it. "unknown" only if the stamp is missing (a request
 * that reached no Node http server, which a deployed app never sees).
 * The caller passes the request's headers (a route's `request.headers`, an
 * action's `await headers()`), so lib/ needs no next/* import.
 */
export function clientIp(requestHeaders: { get(name: string): string | null }): string {
  return requestHeaders.get(CLIENT_IP_HEADER)?.trim() || "unknown";
}
