import type { Metadata } from "next";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isUuid } from "@/lib/ids";
import { paymentStatusView } from "@/lib/billing/payment-status";
import { TOKEN_PURPOSES, verifyToken } from "@/lib/tokens";
import { releaseCheckoutAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Payment not finished", robots: { index: false } };

/**
 * Where Stripe's "back" leads. Leaving the payment page does not cancel on
 * its own (a link scanner must not free the time): the visitor returns to
 * pay, or releases the time with a button.
 */
export default async function PaymentCancelPage({ params, searchParams }: { params: Promise<{ paymentId: string }>; searchParams: Promise<{ t?: string }> }) {
  const { paymentId } = await params;
  const t = (await searchParams).t ?? "";
  const token = verifyToken<{ paymentId?: string }>(TOKEN_PURPOSES.payCancel, t, new Date());
  const view = isUuid(paymentId) && token.ok && token.data.paymentId === paymentId ? await paymentStatusView({ paymentId }) : null;
  if (!view) {
    return (
      <Card className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">Payment not found</h1>
      </Card>
    );
  }
  if (view.status !== "pending") {
    return (
      <Card className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold">{view.status === "succeeded" ? "Already paid" : "Booking cancelled"}</h1>
        <p className="mt-2">{view.status === "succeeded" ? "This payment went through." : "Nothing was charged and the time was released."}</p>
        <ButtonLink href={`/book/${view.practiceSlug}`} variant="secondary" className="mt-3">
          Book another time
        </ButtonLink>
      </Card>
    );
  }
  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">Your payment is not finished</h1>
      <p className="mt-2">{view.description}. The time stays held for you until the payment page expires.</p>
      <div className="mt-4 flex flex-wrap gap-2">
        {view.checkoutUrl ? (
          <a href={view.checkoutUrl} className={buttonClass("primary")}>
            Return to payment
          </a>
        ) : null}
        <form action={releaseCheckoutAction}>
          <input type="hidden" name="paymentId" value={paymentId} />
          <input type="hidden" name="t" value={t} />
          <button type="submit" className={buttonClass("secondary")}>
            Cancel this booking
          </button>
        </form>
      </div>
    </Card>
  );
}
