import http from "node:http";
import { CLIENT_IP_HEADER, resolveClientIp } from "./resolve-client-ip";

const holder = globalThis as unknown as { __tandemClientIpHops?: number };

/**
 * Stamps every incoming request with the client IP (CLIENT_IP_HEADER) before
 * Next sees it. Next's server fills X-Forwarded-For with the socket address
 * only when the client did not send one, so route code can no longer tell the
 * socket from a forged header; and Next exposes no request IP of its own
 * (NextRequest.ip is gone since 15). Hooking the one place every Node HTTP
 * server hands out a request is the smallest way to read the socket.
 * Idempotent: a second call only updates the hop count.
 */
export function stampClientIp(trustedHops: number): void {
  const installed = holder.__tandemClientIpHops !== undefined;
  holder.__tandemClientIpHops = trustedHops;
  if (installed) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket?.remoteAddress, req.headers["x-forwarded-for"], holder.__tandemClientIpHops ?? 0);
    }
    return (emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
