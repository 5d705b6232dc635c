import pino, { type DestinationStream, type Level, type Logger } from "pino";
import { env } from "@/lib/env";
import { safeErrorObject } from "./redact";
import { currentRequestId } from "./request-context";

export type { Logger } from "pino";

/**
 * "json": one JSON object per line (production, test): `level`, `time`, `msg`,
 * `reqId` inside a request, the fields given. "line": one plain line per event
 * for a person at a terminal (`next dev`), the same content without the braces.
 */
export type LogFormat = "json" | "line";

export interface LoggerOptions {
  level?: Level | "silent";
  format?: LogFormat;
  /** Where lines go. Unset: info and below to stdout, warn and above to stderr. */
  destination?: DestinationStream;
}

/**
 * Every Error handed to a log call, as the first argument or at any key of its
 * object, is written as its safe text and stack frames only (lib/log/redact.ts):
 * pino's own serialiser would copy an error's enumerable fields and use its raw
 * message, and drizzle's carry the query's parameters (`params`) and
 * PostgreSQL's the offending row (`detail`). A message string is the
 * caller's: build it with safeErrorText (as logError does), never from an
 * error's own message.
 */
function safeArgs(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const message = (fallback?: string) => (rest.length > 0 || fallback === undefined ? rest : [fallback]);
  if (first instanceof Error) {
    const err = safeErrorObject(first);
    return [{ err }, ...message(err.message)];
  }
  if (first && typeof first === "object") {
    const object: Record<string, unknown> = { ...(first as Record<string, unknown>) };
    for (const [key, value] of Object.entries(object)) if (value instanceof Error) object[key] = safeErrorObject(value);
    const err = object.err as { message?: string } | undefined;
    return [object, ...message(err && typeof err.message === "string" ? err.message : undefined)];
  }
  return args;
}

/**
 * A client's address and date of birth (what a superbill needs, decision 0043)
 * never reach a log line, even when a caller logs an object that holds them:
 * pino's redaction replaces them at the top level and one level down.
 */
export const REDACTED_FIELDS = ["addressLine1", "addressLine2", "city", "region", "postalCode", "dateOfBirth", "superbillDetails"] as const;

export function createLogger(options: LoggerOptions = {}): Logger {
  const format = options.format ?? "json";
  return pino(
    {
      level: options.level ?? "info",
      // No pid/hostname noise per line; the platform that collects stdout knows the instance.
      base: null,
      redact: { paths: REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: "[not logged]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      errorKey: "err",
      formatters: { level: (label) => ({ level: label }) },
      // Errors arrive here already safe (safeArgs); pino's error serialiser would re-read them.
      serializers: { err: (value: unknown) => value },
      hooks: {
        logMethod(args, method) {
          return method.apply(this, safeArgs(args) as Parameters<typeof method>);
        },
      },
      // The request this line belongs to (lib/http/stamp-request-id.ts opens the context).
      mixin: () => {
        const reqId = currentRequestId();
        return reqId ? { reqId } : {};
      },
    },
    options.destination ?? (format === "line" ? lineDestination() : splitByLevel()),
  );
}

/** info and below on stdout, warn and above on stderr (where Next's own errors went before). */
function splitByLevel(): DestinationStream {
  return pino.multistream(
    [
      { level: "trace", stream: process.stdout },
      { level: "warn", stream: process.stderr },
    ],
    { dedupe: true },
  );
}

const LEVEL_TAG: Record<string, string> = { trace: "trace", debug: "debug", info: "", warn: "warn ", error: "error ", fatal: "FATAL " };

/**
 * The development terminal: `12:04:31 warn [billing] receipt failed: … scope=… (req 3f2a…)`.
 * Parses the line pino made, so both formats hold exactly the same (already safe) fields.
 */
export function formatLine(json: string): string {
  const { level, time, msg, reqId, err, ...fields } = JSON.parse(json) as Record<string, unknown>;
  const clock = typeof time === "string" ? time.slice(11, 19) : "";
  // "[jobs] …" already says scope=jobs.
  if (typeof fields.scope === "string" && String(msg).startsWith(`[${fields.scope}]`)) delete fields.scope;
  const extra = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  const error = err as { message?: string; stack?: string } | undefined;
  const errorText = error && error.message !== msg ? ` — ${error.message}` : "";
  const stack = error?.stack && (level === "error" || level === "fatal") ? `\n${error.stack}` : "";
  // One line: line breaks inside a message (drizzle's "\nparams: [not logged]") become spaces; only an error's stack follows.
  const text = `${String(msg ?? "")}${errorText}`.replace(/\s*\n\s*/g, " ");
  return `${clock} ${LEVEL_TAG[String(level)] ?? `${String(level)} `}${text}${extra.length ? ` ${extra.join(" ")}` : ""}${reqId ? ` (req ${String(reqId).slice(0, 8)})` : ""}${stack}\n`;
}

function lineDestination(): DestinationStream {
  return {
    write(json: string) {
      const line = formatLine(json);
      (/"level":"(warn|error|fatal)"/.test(json) ? process.stderr : process.stdout).write(line);
    },
  };
}

// One logger per process, even when Next loads this module in several bundles.
const holder = globalThis as unknown as { __tandemLogger?: Logger };

/** The process's logger: JSON lines, or plain lines under `next dev` (NODE_ENV=development). */
export const log: Logger = (holder.__tandemLogger ??= createLogger({
  level: env.LOG_LEVEL,
  format: env.NODE_ENV === "development" ? "line" : "json",
}));
