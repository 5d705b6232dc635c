import { connection } from "next/server";
import { usesStandIn } from "@/lib/billing/stripe-client";

/**
 * On every page while the Stripe stand-in takes payments (STRIPE_MODE=standin:
 * development, tests, a public demo), so nobody mistakes its Pay button for a
 * real charge or a "paid" booking for a real one. Read per request, not at
 * build time: one build runs with any deployment's settings.
 */
export async function TestPaymentsBanner() {
  await connection();
  if (!usesStandIn()) return null;
  return (
    <aside aria-label="Test payments" className="border-b border-warn/40 bg-warn-soft px-4 py-2 text-center text-sm text-warn">
      <strong className="font-semibold">Test payments.</strong> This site uses a Stripe test stand-in: no card is charged and paid
      bookings are not real.
    </aside>
  );
}
