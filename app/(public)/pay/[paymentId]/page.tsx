import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { paymentStatusView } from "@/lib/billing/payment-status";
import { formatMoney } from "@/lib/money";
import { TOKEN_PURPOSES, verifyToken } from "@/lib/tokens";
import { isUuid } from "@/lib/ids";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pay your share", robots: { index: false } };

/** A partner's own payment link (from their email): a signed token, no password. */
export default async function PayLinkPage({ params, searchParams }: { params: Promise<{ paymentId: string }>; searchParams: Promise<{ t?: string }> }) {
  const { paymentId } = await params;
  const token = verifyToken<{ paymentId?: string }>(TOKEN_PURPOSES.pay, (await searchParams).t ?? "", new Date());
  const valid = isUuid(paymentId) && token.ok && token.data.paymentId === paymentId;
  const view = valid ? await paymentStatusView({ paymentId }) : null;
  if (!view) {
    return (
      <Card className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">This payment link has expired</h1>
        <p className="mt-2">Payment links last as long as the time is held. Please book again or contact the practice.</p>
      </Card>
    );
  }
  const amount = formatMoney(view.amountCents, view.currency);
  const open = view.status === "pending" && view.checkoutUrl && view.checkoutExpiresAt && view.checkoutExpiresAt > new Date();
  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{view.status === "succeeded" ? "Already paid" : `Pay ${amount} to ${view.practiceName}`}</h1>
      <p className="mt-2">{view.description}</p>
      {open ? (
        <a href={view.checkoutUrl!} className={buttonClass("primary", "md", "mt-4")}>
          Pay {amount}
        </a>
      ) : view.status === "succeeded" ? (
        <p className="mt-2">Thank you: this share is paid.</p>
      ) : (
        <p className="mt-2">This payment can no longer be made; the time was released.</p>
      )}
    </Card>
  );
}
