import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { acceptOfferAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "A place opened", robots: { index: false } };

const OUTCOMES: Record<string, string> = {
  confirmed: "You have the place. We emailed a confirmation with a calendar file.",
  expired: "This offer has expired; the place has passed to the next person on the waitlist.",
  not_found: "This offer was not found.",
  payment_failed: "The payment page could not be opened. Please try again.",
  no_credit: "Taking this place needs a package credit for each seat, and you have fewer left. Buy the package in your portal, then open the link in your email again while the offer lasts.",
};

/** A waitlist offer's link (decision 0055): take the held place, or be told it has passed on. */
export default async function EventOfferPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ t?: string; outcome?: string }> }) {
  const { slug } = await params;
  const { t = "", outcome } = await searchParams;
  return (
    <Card>
      <h1 className="text-2xl font-semibold">A place opened for you</h1>
      {outcome ? (
        <p role="status" className="mt-3">{OUTCOMES[outcome] ?? OUTCOMES.not_found}</p>
      ) : (
        <form action={acceptOfferAction} className="mt-4">
          <input type="hidden" name="slug" value={slug} />
          <input type="hidden" name="t" value={t} />
          <Button type="submit">Take the place</Button>
        </form>
      )}
    </Card>
  );
}
