import path from "node:path";
import { env } from "@/lib/env";
import { STANDIN_WEBHOOK_SECRET, usesStandIn } from "../stripe-client";
import { startStandIn, type StandIn } from "./server";
import { logError } from "@/lib/db/pg-error";

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
    logError("stripe stand-in", "did not start", error);
    return null;
  });
  return holder.__tandemStandIn;
}
