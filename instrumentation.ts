// Runs once when a Next.js server starts, before it takes requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnStartError } = await import("./lib/start-error");
    try {
      // Ports first: every module below reads them through lib/env.
      const { decideLocalPorts } = await import("./lib/local-ports/decide");
      await decideLocalPorts();

      const { prepareDatabase } = await import("./db/boot");
      await prepareDatabase();

      // No Stripe key: the local Stripe stand-in answers the SDK (lib/billing/standin/).
      const { startLocalStandIn } = await import("./lib/billing/standin/start-local");
      await startLocalStandIn();
    } catch (error) {
      // A port taken, no permission, no disk: one sentence, not a stack, and no server that never answers.
      exitOnStartError(error);
    }

    // Background jobs in this process unless JOB_RUNNER=off (a separate `npm run worker`).
    const { env } = await import("./lib/env");
    if ((env.JOB_RUNNER ?? "in-process") === "in-process") {
      const { startJobRunnerInBackground } = await import("./lib/jobs/queue");
      // Never blocks or fails start-up: a failure is logged and retried.
      startJobRunnerInBackground();
    }
  }
}
