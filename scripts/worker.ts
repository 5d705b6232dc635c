import "./lib/server-only-node";
import { decideLocalPorts } from "@/lib/local-ports/decide";
import { exitOnStartError } from "@/lib/start-error";

// `npm run worker`: runs the background jobs (expiring holds, reminders) in
// their own process. Set JOB_RUNNER=off on the app instances when this runs;
// running both is safe too (pg-boss and the email keys prevent doubles).
// NODE_ENV unset means production here too: the worker sends real mail, so it
// needs the same settings as the app (lib/env.ts).

// Ports before anything reads lib/env (the logger behind pg-error reads it): the same ones as this checkout's app server.
await decideLocalPorts();
const { installSafeConsole, safeErrorText } = await import("@/lib/db/pg-error");
installSafeConsole();
const { prepareDatabase } = await import("@/db/boot");
const { sql } = await import("@/db/client");
const { stopEmbeddedPostgres } = await import("@/db/embedded");
const { startJobRunner, stopJobRunner } = await import("@/lib/jobs/queue");

await prepareDatabase({ seed: false }).catch((error: unknown) => exitOnStartError(error, "jobs"));
await startJobRunner();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[jobs] ${signal}: stopping`);
  let code = 0;
  try {
    await stopJobRunner();
    await sql.end({ timeout: 5 });
    await stopEmbeddedPostgres();
  } catch (error) {
    console.error(`[jobs] stopping failed: ${safeErrorText(error)}`);
    code = 1;
  }
  process.exit(code);
}

process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

// Only now: a signal is handled by the default action (the process dies) until a listener exists, and
// whoever waits for this line may send SIGTERM at once.
console.log("[jobs] worker started");
