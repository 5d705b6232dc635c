import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { paymentStatusView } from "@/lib/billing/payment-status";
import { syncCheckoutSession } from "@/lib/billing/sync-payments";
import { formatMoney } from "@/lib/money";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Payment", robots: { index: false } };

/**
 * Where Stripe Checkout sends the payer back. The page converges from
 * Stripe itself rather than waiting for the webhook, so the answer is right
 * even when the webhook is late; both paths end in the same state.
 */
export default async function PaymentReturnPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const sessionId = (await searchParams).session_id ?? "";
  if (!/^cs_\w{8,200}$/.test(sessionId)) return <Message title="Payment not found">This payment link is not valid.</Message>;
  try {
    await syncCheckoutSession(sessionId, new Date());
  } catch {
    // Stripe unreachable for a moment: show what we know; the webhook or reconciliation settles it.
  }
  const view = await paymentStatusView({ sessionId });
  if (!view) return <Message title="Payment not found">This payment link is not valid.</Message>;
  const amount = formatMoney(view.amountCents, view.currency);
  if (view.status === "succeeded") {
    if (view.appointmentStatus === "confirmed") {
      return (
        <Message title="You're booked">
          <p>Thank you: {amount} paid to {view.practiceName} for {view.description}.</p>
          <p className="mt-2">We emailed a confirmation with a calendar file and a receipt. To reschedule or cancel, use the link in that email.</p>
        </Message>
      );
    }
    if (view.appointmentStatus === "pending_payment") {
      return (
        <Message title="Your share is paid">
          <p>Thank you: {amount} paid. We are waiting for your partner&apos;s share; the session is confirmed, and you both get a confirmation, as soon as it is paid.</p>
        </Message>
      );
    }
    if (view.appointmentStatus === "expired" || view.appointmentStatus === "cancelled") {
      return (
        <Message title="The time was released">
          <p>Your payment of {amount} arrived after the time had been released, so it is being refunded in full.</p>
          <ButtonLink href={`/book/${view.practiceSlug}`} className="mt-3">
            Choose another time
          </ButtonLink>
        </Message>
      );
    }
    if (view.kind === "product") {
      return <Message title="Payment received">Thank you: {amount} paid to {view.practiceName}. Your download link and a receipt are on their way by email.</Message>;
    }
    return <Message title="Payment received">Thank you: {amount} paid to {view.practiceName} for {view.description}. A receipt is on its way.</Message>;
  }
  if (view.status === "pending") return <Message title="Confirming your payment">Your payment is being confirmed. You will get an email as soon as it is done; you can close this page.</Message>;
  return (
    <Message title="This payment did not go through">
      <p>Nothing was charged. {view.appointmentStatus ? "The time was released." : ""}</p>
      <ButtonLink href={`/book/${view.practiceSlug}`} className="mt-3">
        Book again
      </ButtonLink>
    </Message>
  );
}

function Message({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <div className="mt-2">{children}</div>
    </Card>
  );
}
