import Link from "next/link";
import { connectStripeAction } from "@/app/(clinic)/clinic/[practice]/settings/billing/actions";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { connectionState } from "@/lib/billing/connect";
import type { SetupChecklistStep } from "@/lib/setup/checklist";
import { DecisionButtons } from "../step-frame";

/** Connect Stripe (the billing settings' own action) or say there are no online payments. */
export async function PaymentsStep({ scope, step }: { scope: PracticeScope; step: SetupChecklistStep }) {
  const slug = scope.practice.slug;
  const connection = await connectionState(scope.practice.id);
  const noOnline = step.decisions.filter((d) => d.choice === "no_online_payments");
  const billingLink = (
    <Link href={`/clinic/${slug}/settings/billing`} className="text-brand underline underline-offset-2">
      billing settings
    </Link>
  );
  if (connection.mode === "single-account") {
    return (
      <div className="space-y-4">
        <p>
          This deployment takes payments through its own Stripe account, so there is nothing to connect. Choose whether clients pay online; what each service asks
          for at booking is set per service in {billingLink}.
        </p>
        <DecisionButtons slug={slug} step={step} choices={step.decisions} />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {connection.chargesEnabled ? (
        <p>
          <Badge tone="ok">Connected</Badge> Stripe account {connection.stripeAccountId} takes payments. Choose per service what is paid at booking in {billingLink}.
        </p>
      ) : (
        <div className="space-y-2">
          <p>
            <Badge tone="warn">{connection.stripeAccountId ? "Onboarding not finished" : "Not connected"}</Badge> Connect your practice&apos;s Stripe account to take
            payments at booking, fees and packages. Stripe brings you back to billing settings when you are done.
          </p>
          <form action={connectStripeAction.bind(null, slug)}>
            <button type="submit" className={buttonClass("primary")}>
              {connection.stripeAccountId ? "Continue Stripe onboarding" : "Connect with Stripe"}
            </button>
          </form>
        </div>
      )}
      {connection.chargesEnabled ? null : (
        <div className="space-y-2 border-t border-line pt-4">
          <p className="text-sm text-muted">Not now? Clients pay at the session; you can connect Stripe later from billing settings.</p>
          <DecisionButtons slug={slug} step={step} choices={noOnline} />
        </div>
      )}
    </div>
  );
}
