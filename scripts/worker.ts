import { prepareDatabase } from "@/db/boot";
import { sql } from "@/db/client";
import { stopEmbeddedPostgres } from "@/db/embedded";
import { installSafeConsole, safeErrorText } from "@/lib/db/pg-error";
import { startJobRunner, stopJobRunner } from "@/lib/jobs/queue";

// `npm run worker`: runs the background jobs (expiring holds, reminders) in
// their own process. Set JOB_RUNNER=off on the app instances when this runs;
// running both is safe too (pg-boss and the email keys prevent doubles).
// NODE_ENV unset means production here too: the worker sends real mail, so it
// needs the same settings as the app (lib/env.ts).

installSafeConsole();

await prepareDatabase({ seed: false });
await startJobRunner();
console.log("[jobs] worker started");

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
