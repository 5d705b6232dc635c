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

/**
 * Error logging that never prints values. drizzle's wrapper puts the query's
 * parameters in its message ("params: …") and on the error (`params`);
 * PostgreSQL's `detail` quotes the offending row ("Key (email)=(…)"); some
 * server messages end with the bad input (`…: "…"`). Those hold addresses,
 * names and message bodies, so a log line keeps error names, messages without
 * them, SQLSTATE codes and constraint names, down the `cause` chain.
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

/** One warning (or error) line: `[scope] what: <safe error text>`. */
export function logError(scope: string, what: string, error: unknown, level: "warn" | "error" = "warn"): void {
  console[level](`[${scope}] ${what}: ${safeErrorText(error)}`);
}

const SAFE_CONSOLE = Symbol.for("tandem.safeConsole");

/**
 * Next.js logs an error thrown while rendering or in a route handler itself,
 * with console.error and the error object (its message, its `params`, its
 * cause's `detail`). Called once when the server starts: every error handed
 * to console.error or console.warn is printed as its safe text and stack
 * frames, and strings lose drizzle's parameter lists.
 */
export function installSafeConsole(target: Pick<Console, "error" | "warn"> = console): void {
  const marked = target as typeof target & { [SAFE_CONSOLE]?: true };
  if (marked[SAFE_CONSOLE]) return;
  marked[SAFE_CONSOLE] = true;
  for (const level of ["error", "warn"] as const) {
    const original = target[level].bind(target);
    target[level] = (...args: unknown[]) => original(...args.map(safeConsoleArg));
  }
}

function safeConsoleArg(arg: unknown): unknown {
  if (typeof arg === "string") return stripValues(arg);
  if (!(arg instanceof Error)) return arg;
  const stack = typeof arg.stack === "string" ? arg.stack : "";
  const frames = stack.indexOf("\n    at ");
  const digest = (arg as { digest?: unknown }).digest;
  return `${safeErrorText(arg)}${typeof digest === "string" ? ` (digest ${digest})` : ""}${frames >= 0 ? stack.slice(frames) : ""}`;
}
