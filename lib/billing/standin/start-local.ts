import path from "node:path";
import { env } from "@/lib/env";
import { STANDIN_WEBHOOK_SECRET } from "../stripe-client";
import { startStandIn, type StandIn } from "./server";

/**
 * With no STRIPE_SECRET_KEY (and no STRIPE_API_BASE of one's own), the app
 * server starts the stand-in on STRIPE_STANDIN_PORT, delivering webhooks to
 * its own /api/stripe/webhook, so paid bookings work end to end in
 * development and in the browser tests. One already answering on the port
 * (another instance's) is used as it is.
 */
export async function startLocalStandIn(): Promise<StandIn | null> {
  if (env.STRIPE_SECRET_KEY || env.STRIPE_API_BASE) return null;
  const holder = globalThis as unknown as { __tandemStandIn?: Promise<StandIn | null> };
  holder.__tandemStandIn ??= (async () => {
    const port = env.STRIPE_STANDIN_PORT;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/__standin/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return null;
    } catch {
      // nothing there yet
    }
    const standIn = await startStandIn({
      port,
      webhookUrl: new URL("/api/stripe/webhook", env.APP_URL).toString(),
      webhookSecret: STANDIN_WEBHOOK_SECRET,
      statePath: path.resolve(env.DATA_DIR, "stripe-standin.json"),
      log: (line) => console.log(`[stripe stand-in] ${line}`),
    });
    return standIn;
  })().catch((error: unknown) => {
    console.warn(`[stripe stand-in] did not start: ${(error as Error).message}`);
    return null;
  });
  return holder.__tandemStandIn;
}
