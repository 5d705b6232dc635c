import type { Env } from "./env";

/**
 * For a server's start (instrumentation.ts): the validated settings, or the
 * list of what is missing or bad, one line per variable, and exit. Next only
 * logs an error thrown while loading the instrumentation hook and keeps
 * serving, which would leave a misconfigured production server up.
 */
export async function settingsOrExit(): Promise<Env> {
  try {
    return (await import("./env")).env;
  } catch (error) {
    console.error(`[settings] ${(error as Error).message}\nThe server did not start.`);
    process.exit(1);
  }
}
