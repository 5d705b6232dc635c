import type { Instrumentation } from "next";

// Runs once when a Next.js server starts, before it takes requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnStartError } = await import("./lib/start-error");
    try {
      // Ports first: every module below reads them through lib/env.
      const { decideLocalPorts } = await import("./lib/local-ports/decide");
      await decideLocalPorts();

      // Then settings: a missing or bad one stops the start here, one line per variable
      // (production fails closed: lib/env.ts), before anything touches a database or a port.
      const { settingsOrExit } = await import("./lib/settings-or-exit");
      const env = await settingsOrExit();

      // Next logs a failed request's error itself; keep query parameters and
      // server details (addresses, message bodies) out of those lines too.
      const { installSafeConsole } = await import("./lib/db/pg-error");
      installSafeConsole();

      // Before any request: the client IP comes from the socket and
      // TRUSTED_PROXY_HOPS, never from a header the client wrote.
      const { stampClientIp } = await import("./lib/http/stamp-client-ip");
      stampClientIp(env.TRUSTED_PROXY_HOPS);
      // And an id, on every log line of the request (lib/log/) and its X-Request-Id; one line per
      // request (`next dev` prints its own, so there ours is debug).
      const { stampRequestId } = await import("./lib/http/stamp-request-id");
      stampRequestId(env.TRUSTED_PROXY_HOPS, { requestLines: env.NODE_ENV === "development" ? "debug" : "info" });

      const { prepareDatabase } = await import("./db/boot");
      await prepareDatabase();

      // STRIPE_MODE=standin: the local Stripe stand-in answers the SDK (dev/stripe-standin/).
      const { startLocalStandIn } = await import("./dev/stripe-standin/start-local");
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

// Every error Next catches while serving (a page, a route handler, a server action), as one line
// of the same logger: the error's safe text, the route's pattern (never the path, which may hold
// a token), and the request's id.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/log/request-error");
  logRequestError(error, request, context);
};
