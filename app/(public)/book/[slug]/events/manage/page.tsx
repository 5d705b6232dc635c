import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cancelPlaceAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your place", robots: { index: false } };

const OUTCOMES: Record<string, string> = {
  refunded: "Your place is cancelled and your payment is being refunded.",
  credits_returned: "Your place is cancelled and the package credits it used are back in your account.",
  cancelled: "Your place is cancelled.",
  conflict: "This place is already cancelled.",
  expired: "This link has expired.",
  not_found: "This place was not found.",
};

/** An attendee's own link from their confirmation (decision 0055): cancel the place under the event's policy. */
export default async function EventManagePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ t?: string; outcome?: string }> }) {
  const { slug } = await params;
  const { t = "", outcome } = await searchParams;
  return (
    <Card>
      <h1 className="text-2xl font-semibold">Your place</h1>
      {outcome ? (
        <p role="status" className="mt-3">{OUTCOMES[outcome] ?? OUTCOMES.not_found}</p>
      ) : (
        <form action={cancelPlaceAction} className="mt-4 space-y-3">
          <p>Cancelling gives your place to the next person on the waitlist. Within the event&apos;s cancellation policy you are refunded in full, or your package credits are returned.</p>
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="t" value={t} />
          <Button type="submit" variant="secondary">Cancel my place</Button>
        </form>
      )}
    </Card>
  );
}
