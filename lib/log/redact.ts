/**
 * Error text that never prints values. drizzle's wrapper puts the query's
 * parameters in its message ("params: …") and on the error (`params`);
 * PostgreSQL's `detail` quotes the offending row ("Key (email)=(…)"); some
 * server messages end with the bad input (`…: "…"`). Those hold addresses,
 * names and message bodies, so a log line keeps error names, messages without
 * them, SQLSTATE codes and constraint names, down the `cause` chain.
 * The one home of this rule: the logger (lib/log/logger.ts) serialises every
 * error through it, and lib/db/pg-error.ts re-exports it for its callers.
 */
export function safeErrorText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    parts.push(describeOne(current));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.length ? parts.join(" ← caused by ") : "unknown error";
}

function describeOne(error: unknown): string {
  if (typeof error === "string") return stripValues(error);
  if (!(error instanceof Error)) return "non-error value";
  const e = error as Error & { code?: unknown; constraint_name?: unknown };
  let text = `${e.name}: ${stripValues(e.message)}`;
  if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
    text += ` [${e.code}${typeof e.constraint_name === "string" ? ` ${e.constraint_name}` : ""}]`;
  }
  return text;
}

/** Removes drizzle's "params: …" (to the stack or the end) and a trailing quoted input value. */
export function stripValues(text: string): string {
  return text
    .replace(/\n?params: [\s\S]*?(?=\n\s+at |$)/g, "\nparams: [not logged]")
    .replace(/: "(?:[^"\\]|\\.)*"$/gm, ': "[not logged]"');
}

/** The stack frames of an error ("    at …" lines), without its message (which may hold values). */
export function stackFrames(error: Error): string {
  const stack = typeof error.stack === "string" ? error.stack : "";
  const frames = stack.indexOf("\n    at ");
  return frames >= 0 ? stack.slice(frames + 1) : "";
}

/** What a log line holds for an error: its safe text, its digest (Next's), its frames. Nothing else of it. */
export function safeErrorObject(error: unknown): { type: string; message: string; digest?: string; stack?: string } {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return {
    type: error instanceof Error ? error.name : typeof error,
    message: safeErrorText(error),
    ...(typeof digest === "string" ? { digest } : {}),
    ...(error instanceof Error && stackFrames(error) ? { stack: stackFrames(error) } : {}),
  };
}
