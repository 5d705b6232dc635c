// Runs once when a Next.js server starts, before it takes requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareDatabase } = await import("./db/boot");
    await prepareDatabase();

    // No Stripe key: the local Stripe stand-in answers the SDK (lib/billing/standin/).
    const { startLocalStandIn } = await import("./lib/billing/standin/start-local");
    await startLocalStandIn();

    // Background jobs in this process unless JOB_RUNNER=off (a separate `npm run worker`).
    const { env } = await import("./lib/env");
    if ((env.JOB_RUNNER ?? "in-process") === "in-process") {
      const { startJobRunnerInBackground } = await import("./lib/jobs/queue");
      // Never blocks or fails start-up: a failure is logged and retried.
      startJobRunnerInBackground();
    }
  }
}
