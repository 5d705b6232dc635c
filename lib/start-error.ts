/**
 * A start-up that cannot go on because of the machine, not the code (a port
 * taken, no permission, no disk space, a data directory from another
 * version). Its message is one plain sentence saying what is wrong and what
 * to do; start-up prints just that sentence, never a stack.
 */
export class PlainStartError extends Error {
  override name = "PlainStartError";
  /** Checked instead of instanceof: Next may load this module in several bundles. */
  readonly plainStart = true;
}

export function isPlainStartError(error: unknown): error is PlainStartError {
  return error instanceof Error && (error as { plainStart?: unknown }).plainStart === true;
}

/** Prints why start-up stopped (the sentence alone when it is a plain one) and exits. */
export function exitOnStartError(error: unknown, prefix = "tandem"): never {
  if (isPlainStartError(error)) console.error(`\n[${prefix}] ${error.message}\n`);
  else console.error(`\n[${prefix}] start-up failed:`, error);
  process.exit(1);
}
