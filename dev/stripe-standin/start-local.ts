import { env } from "@/lib/env";
import { STANDIN_WEBHOOK_SECRET, usesStandIn } from "@/lib/billing/stripe-client";
import { probeStandIn, standInStatePath } from "@/lib/local-ports/decide";
import { PlainStartError } from "@/lib/start-error";
import { startStandIn, type StandIn } from "./server";

/**
 * With STRIPE_MODE=standin (the default in development and test without a
 * key; in production only when set on purpose) and no STRIPE_API_BASE of
 * one's own, the app server starts the stand-in on STRIPE_STANDIN_PORT,
 * delivering webhooks to its own /api/stripe/webhook, so paid bookings work
 * end to end in development and in the browser tests. One already answering
 * on the port (another instance's) is used as it is.
 */
export async function startLocalStandIn(): Promise<StandIn | null> {
  if (!usesStandIn() || env.STRIPE_API_BASE) return null;
  const holder = globalThis as unknown as { __tandemStandIn?: Promise<StandIn | null> };
  holder.__tandemStandIn ??= (async () => {
    const port = env.STRIPE_STANDIN_PORT;
    const found = await probeStandIn(port, env.DATA_DIR);
    if (found === "ours") return null;
    if (found === "other") {
      throw new PlainStartError(`Port ${port} for the local Stripe stand-in is taken by another program: stop it, or set STRIPE_STANDIN_PORT to a free port.`);
    }
    return startStandIn({
      port,
      webhookUrl: new URL("/api/stripe/webhook", env.APP_URL).toString(),
      webhookSecret: STANDIN_WEBHOOK_SECRET,
      statePath: standInStatePath(env.DATA_DIR),
      log: (line) => console.log(`[stripe stand-in] ${line}`),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EADDRINUSE") throw error;
      throw new PlainStartError(`Port ${port} for the local Stripe stand-in is taken by another program: stop it, or set STRIPE_STANDIN_PORT to a free port.`);
    });
  })();
  return holder.__tandemStandIn;
}
