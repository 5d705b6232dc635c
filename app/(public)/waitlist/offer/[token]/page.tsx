import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime, formatIsoDay, formatTime } from "@/lib/dates";
import { OFFER_EXPIRED, OFFER_TAKEN, describeOffer } from "@/lib/waitlist/accept-offer";
import { OFFER_DECLINED } from "@/lib/waitlist/leave";
import { acceptWaitlistOfferAction, declineWaitlistOfferAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "A time opened", robots: { index: false }, referrer: "no-referrer" };

/** A session waitlist offer's link (decision 0057): see the held time, and confirm it while it is held. */
export default async function WaitlistOfferPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ outcome?: string }> }) {
  const { token: raw } = await params;
  const { outcome } = await searchParams;
  const token = decodeURIComponent(raw);
  const now = new Date();
  const view = await describeOffer(token, now);
  if (!view.ok) {
    return (
      <Card>
        <h1 className="text-2xl font-semibold">{view.code === "expired" ? "This offer has expired" : "This link is not valid"}</h1>
        <p className="mt-3">{view.message}</p>
      </Card>
    );
  }
  const reader = { zone: view.zone, locale: view.locale };
  const when = formatDateTime(view.startsAt, reader);
  // The time alone when the hold ends today; the date too when it runs past midnight.
  const heldUntil = formatIsoDay(view.expiresAt, view.zone) === formatIsoDay(now, view.zone) ? formatTime(view.expiresAt, reader) : formatDateTime(view.expiresAt, reader);
  return (
    <Card>
      <h1 className="text-2xl font-semibold">{view.status === "accepted" ? "You're booked" : "A time opened for you"}</h1>
      <p className="mt-3">
        {view.serviceName} with {view.practiceName}: <strong>{when}</strong>.
      </p>
      {view.status === "accepted" ? (
        <p role="status" className="mt-3">
          {outcome === "booked" ? "Done: the time is yours. " : ""}We have emailed a confirmation with a calendar file and a link to change or cancel it.
        </p>
      ) : view.status === "taken" ? (
        <p role="status" className="mt-3">{OFFER_TAKEN}</p>
      ) : view.status === "expired" ? (
        <p role="status" className="mt-3">{OFFER_EXPIRED}</p>
      ) : view.status === "declined" ? (
        <p role="status" className="mt-3">{OFFER_DECLINED}</p>
      ) : (
        <div className="mt-4 space-y-3">
          <p className="text-sm text-muted">
            It is held for you until {heldUntil}. If it does not suit, say so: it passes to the next person at once, and you keep your place in line.
          </p>
          <div className="flex flex-wrap gap-2">
            <form action={acceptWaitlistOfferAction}>
              <input type="hidden" name="token" value={token} />
              <Button type="submit">Book this time</Button>
            </form>
            <form action={declineWaitlistOfferAction}>
              <input type="hidden" name="token" value={token} />
              <Button type="submit" variant="secondary">
                This time does not suit
              </Button>
            </form>
          </div>
        </div>
      )}
    </Card>
  );
}
