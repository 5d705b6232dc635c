import { randomUUID } from "node:crypto";
import http from "node:http";
import { log } from "@/lib/log/logger";
import { runWithRequestId } from "@/lib/log/request-context";

/** A private request header the server sets on every request (overwriting a client's); route code may read it. */
export const REQUEST_ID_HEADER = "x-tandem-request-id";

/** What a proxy's X-Request-Id may look like to be kept: no spaces, quotes or line breaks in our logs. */
const FORWARDED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The request's id: the X-Request-Id a trusted proxy (TRUSTED_PROXY_HOPS > 0) sent,
 * so its logs and ours share one, or a fresh one. Without a trusted proxy the
 * header is the client's own and ignored, as X-Forwarded-For is.
 */
export function chooseRequestId(forwarded: string | string[] | undefined, trustedHops: number): string {
  const candidate = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return trustedHops > 0 && candidate && FORWARDED_ID.test(candidate) ? candidate : randomUUID();
}

/**
 * The path as a log line may show it: no query (sign-in links carry tokens and
 * addresses there), and a segment that is not a plain word or a uuid (a link
 * token, something percent-encoded) as "[token]".
 */
export function loggablePath(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0]!;
  return path
    .split("/")
    .map((segment) => (segment.length <= 20 && /^[A-Za-z0-9._-]*$/.test(segment)) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) ? segment : "[token]")
    .join("/");
}

/** Probes answer every few seconds: their lines only at debug. Build assets: none. */
const QUIET = new Set(["/api/health", "/api/ready"]);

const holder = globalThis as unknown as { __tandemRequestIdHops?: number; __tandemRequestLineLevel?: "info" | "debug" };

/**
 * Gives every incoming request an id before Next sees it, the same way the
 * client IP is stamped (lib/http/stamp-client-ip.ts, the one place a Node HTTP
 * server hands out a request): the id goes in REQUEST_ID_HEADER and the
 * response's X-Request-Id, and Next's handling of the request runs inside an
 * AsyncLocalStorage context, so every line logged while serving it carries
 * `reqId` (lib/log/). When the response is done, one line: method, path,
 * status, milliseconds, at `requestLines` level (debug under `next dev`, which
 * prints its own). Idempotent: a second call only updates the settings.
 */
export function stampRequestId(trustedHops: number, options: { requestLines?: "info" | "debug" } = {}): void {
  const installed = holder.__tandemRequestIdHops !== undefined;
  holder.__tandemRequestIdHops = trustedHops;
  holder.__tandemRequestLineLevel = options.requestLines ?? "info";
  if (installed) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    const call = () => (emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
    if (event !== "request") return call();
    const req = args[0] as http.IncomingMessage;
    const res = args[1] as http.ServerResponse;
    const reqId = chooseRequestId(req.headers["x-request-id"], holder.__tandemRequestIdHops ?? 0);
    req.headers[REQUEST_ID_HEADER] = reqId;
    res.setHeader("X-Request-Id", reqId);
    const path = loggablePath(req.url);
    if (!path.startsWith("/_next/")) {
      const started = performance.now();
      res.once("close", () => {
        const fields = { reqId, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started), ...(res.writableFinished ? {} : { aborted: true }) };
        log[QUIET.has(path) ? "debug" : (holder.__tandemRequestLineLevel ?? "info")](fields, `${req.method} ${path} ${res.statusCode}`);
      });
    }
    return runWithRequestId(reqId, call);
  } as typeof emit;
}
