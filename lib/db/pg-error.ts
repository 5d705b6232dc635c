import { format } from "node:util";
import { log, type Logger } from "@/lib/log/logger";
import { safeErrorText, stackFrames, stripValues } from "@/lib/log/redact";

/** The PostgreSQL error behind a driver or drizzle error, if any. */
export function pgError(error: unknown): { code: string; constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: unknown; constraint_name?: string; cause?: unknown };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, constraint: e.constraint_name };
    current = e.cause;
  }
  return null;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = pgError(error);
  return pg?.code === "23505" && (!constraint || pg.constraint === constraint);
}

// The redaction lives with the logger (lib/log/redact.ts); its callers here keep their import.
export { safeErrorText, stripValues } from "@/lib/log/redact";

/**
 * One warning (or error) line, through the process's logger (lib/log/):
 * `msg` is `[scope] what: <safe error text>`, `scope` a field of its own,
 * and the request id when it happens inside a request.
 */
export function logError(scope: string, what: string, error: unknown, level: "warn" | "error" = "warn", logger: Pick<Logger, "warn" | "error"> = log): void {
  logger[level]({ scope }, `[${scope}] ${what}: ${safeErrorText(error)}`);
}

const SAFE_CONSOLE = Symbol.for("tandem.safeConsole");

/**
 * Next.js logs an error thrown while rendering or in a route handler itself,
 * with console.error and the error object (its message, its `params`, its
 * cause's `detail`). Called once when the server starts: console.error and
 * console.warn become lines of the process's logger (JSON in production, with
 * the request id), every error handed to them printed as its safe text and
 * stack frames, and strings lose drizzle's parameter lists.
 */
export function installSafeConsole(target: Pick<Console, "error" | "warn"> = console, logger: Pick<Logger, "warn" | "error"> = log): void {
  const marked = target as typeof target & { [SAFE_CONSOLE]?: true };
  if (marked[SAFE_CONSOLE]) return;
  marked[SAFE_CONSOLE] = true;
  for (const level of ["error", "warn"] as const) {
    target[level] = (...args: unknown[]) => logger[level](format(...args.map(safeConsoleArg)));
  }
}

function safeConsoleArg(arg: unknown): unknown {
  if (typeof arg === "string") return stripValues(arg);
  if (!(arg instanceof Error)) return arg;
  const digest = (arg as { digest?: unknown }).digest;
  const frames = stackFrames(arg);
  return `${safeErrorText(arg)}${typeof digest === "string" ? ` (digest ${digest})` : ""}${frames ? `\n${frames}` : ""}`;
}
