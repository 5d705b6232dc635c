import { REQUEST_ID_HEADER } from "@/lib/http/stamp-request-id";
import { log, type Logger } from "./logger";
import { safeErrorObject } from "./redact";

/** The parts of Next's onRequestError arguments a log line may hold. */
export interface FailedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}
export interface FailedRequestContext {
  routePath: string;
  routeType: string;
  routerKind?: string;
}

/**
 * One error line for a request Next could not serve: the route's pattern
 * (`/manage/[token]`, not the token), its kind, the request id the server
 * stamped (lib/http/stamp-request-id.ts), and the error as its safe text.
 */
export function logRequestError(error: unknown, request: FailedRequest, context: FailedRequestContext, logger: Pick<Logger, "error"> = log): void {
  const id = request.headers[REQUEST_ID_HEADER];
  const reqId = typeof id === "string" ? id : undefined;
  logger.error(
    { ...(reqId ? { reqId } : {}), err: error instanceof Error ? error : safeErrorObject(error), method: request.method, route: context.routePath, routeType: context.routeType },
    `request failed: ${request.method} ${context.routePath}`,
  );
}
