import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { practiceBilling, practices } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { stripe, stripeErrorMessage } from "./stripe-client";

/**
 * Stripe Connect: each practice connects its own account through Stripe's
 * hosted onboarding (an account link); payments and refunds are then made
 * on that account (`stripeAccount`). With STRIPE_CONNECT=off the
 * deployment's own keys take the payments and this is not shown.
 */

export interface ConnectionState {
  mode: "connect" | "single-account";
  stripeAccountId: string | null;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
}

export async function connectionState(practiceId: string): Promise<ConnectionState> {
  const [row] = await db.select().from(practiceBilling).where(eq(practiceBilling.practiceId, practiceId));
  return {
    mode: env.STRIPE_CONNECT === "on" ? "connect" : "single-account",
    stripeAccountId: row?.stripeAccountId ?? null,
    chargesEnabled: row?.chargesEnabled ?? false,
    detailsSubmitted: row?.detailsSubmitted ?? false,
  };
}

/** Creates the practice's connected account once, then a fresh onboarding link (links are single-use). */
export async function startOnboarding(practiceId: string, actor: AuditActor, now: Date): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const [practice] = await db.select({ slug: practices.slug, email: practices.email, country: practices.country }).from(practices).where(eq(practices.id, practiceId));
  if (!practice) return { ok: false, message: "Practice not found" };
  try {
    let [row] = await db.select().from(practiceBilling).where(eq(practiceBilling.practiceId, practiceId));
    if (!row?.stripeAccountId) {
      const account = await stripe().accounts.create(
        { type: "standard", country: practice.country, email: practice.email ?? undefined, metadata: { practiceId } },
        { idempotencyKey: `account:${practiceId}` },
      );
      [row] = await db
        .insert(practiceBilling)
        .values({ practiceId, stripeAccountId: account.id, updatedAt: now })
        .onConflictDoUpdate({ target: practiceBilling.practiceId, set: { stripeAccountId: account.id, updatedAt: now } })
        .returning();
      await recordAudit({ practiceId, actor, action: "billing.connect_started", subjectType: "practice", subjectId: practiceId });
    }
    const settings = new URL(`/clinic/${practice.slug}/settings/billing`, env.APP_URL).toString();
    const link = await stripe().accountLinks.create(
      { account: row!.stripeAccountId!, type: "account_onboarding", return_url: `${settings}?connected=1`, refresh_url: settings },
      { idempotencyKey: `account-link:${practiceId}:${Math.floor(now.getTime() / 60_000)}` },
    );
    return { ok: true, url: link.url };
  } catch (error) {
    return { ok: false, message: stripeErrorMessage(error) };
  }
}

/** Re-reads a connected account (after `account.updated` or the return from onboarding). */
export async function syncAccount(accountId: string, now: Date): Promise<void> {
  const account = await stripe().accounts.retrieve(accountId);
  await db
    .update(practiceBilling)
    .set({ chargesEnabled: account.charges_enabled ?? false, detailsSubmitted: account.details_submitted ?? false, updatedAt: now })
    .where(eq(practiceBilling.stripeAccountId, accountId));
}
