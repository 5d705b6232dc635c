import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventSignUpForm } from "@/components/events/event-sign-up-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { eventCreditsLeft } from "@/lib/billing/event-credits";
import { portalBooker } from "@/lib/booking/portal-booker";
import { ownClientRecord } from "@/lib/clients/own-record";
import { formatDateTime } from "@/lib/dates";
import { loadPublicEvent } from "@/lib/events/public-events";
import { isUuid } from "@/lib/ids";
import { formatMoney } from "@/lib/money";
import { getPublicPractice } from "@/lib/practices/public-practices";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Event" };

/** A group event's public page (decision 0055): what, when, where, price, seats left. Nobody who signed up is named. */
export default async function PublicEventPage({ params }: { params: Promise<{ slug: string; eventId: string }> }) {
  const { slug, eventId } = await params;
  const practice = await getPublicPractice(slug);
  if (!practice || !isUuid(eventId)) notFound();
  const now = new Date();
  const event = await loadPublicEvent(practice.id, eventId, now);
  if (!event) notFound();
  const reader = { zone: practice.timeZone, locale: practice.locale };
  // Signed in to their portal here: details prefilled, and the event's package credits offered (decision 0060).
  const userId = (await getCurrentUser())?.id ?? null;
  const booker = await portalBooker(practice.id, userId, async () => []);
  const own = booker && userId ? await ownClientRecord(practice.id, userId) : null;
  const creditsLeft =
    own && event.creditPackage ? await eventCreditsLeft({ practiceId: practice.id, packageId: event.creditPackage.id, clientId: own.id, now }) : 0;
  const creditOnly = Boolean(event.creditPackage) && !event.priceCents;
  const priceText = event.creditPackage
    ? event.priceCents
      ? `${formatMoney(event.priceCents, event.currency)} a seat, or one ${event.creditPackage.name} credit a seat`
      : `One ${event.creditPackage.name} credit a seat`
    : event.priceCents
      ? `${formatMoney(event.priceCents, event.currency)} a seat`
      : "Free";
  const here = `/book/${practice.slug}/events/${event.id}`;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-muted">{practice.name}</p>
        <h1 className="text-3xl font-semibold tracking-tight">{event.title}</h1>
      </div>
      <Card>
        {event.description ? <p className="whitespace-pre-line">{event.description}</p> : null}
        <dl className="mt-3 space-y-1 text-sm">
          <div>
            <dt className="inline font-medium">{event.dates.length > 1 ? "Dates: " : "When: "}</dt>
            <dd className="inline">{event.dates.map((d) => formatDateTime(d.startsAt, reader)).join("; ")}</dd>
          </div>
          <div>
            <dt className="inline font-medium">Where: </dt>
            <dd className="inline">{event.format === "online" ? "Online (the link comes in your confirmation)" : event.location}</dd>
          </div>
          <div>
            <dt className="inline font-medium">Price: </dt>
            <dd className="inline">{priceText}</dd>
          </div>
          <div>
            <dt className="inline font-medium">Seats left: </dt>
            <dd className="inline">{event.seatsLeft > 0 ? event.seatsLeft : "None: sign up to join the waitlist"}</dd>
          </div>
        </dl>
        <h2 className="mt-4 font-semibold">Cancellation policy</h2>
        <p className="text-sm">
          {event.cancellationPolicy ||
            `Cancel up to ${event.cancellationHours} hours before the first date for a full refund${event.creditPackage ? " (or, if you used package credits, to have them returned)" : ""}.`}
        </p>
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">Sign up</h2>
        {!event.signupOpen ? (
          <p>Sign-up has closed.</p>
        ) : event.creditPackage && !own ? (
          <div className="space-y-3">
            <p>
              {creditOnly
                ? `Seats are paid with credits from the ${event.creditPackage.name} package, one a seat.`
                : `Have ${event.creditPackage.name} credits? Sign in to use them instead of paying.`}{" "}
              <Link href={`/sign-in?${new URLSearchParams({ callbackUrl: here })}`} className="font-medium text-brand underline underline-offset-2">
                Sign in to your portal
              </Link>
            </p>
            {creditOnly ? null : <EventSignUpForm slug={practice.slug} eventId={event.id} paid={Boolean(event.priceCents)} />}
          </div>
        ) : creditOnly && creditsLeft === 0 ? (
          <p>
            You have no {event.creditPackage!.name} credits left.{" "}
            <Link href={`/portal/${own!.id}/billing`} className="font-medium text-brand underline underline-offset-2">
              Buy the package in your portal
            </Link>
          </p>
        ) : (
          <EventSignUpForm
            slug={practice.slug}
            eventId={event.id}
            paid={Boolean(event.priceCents)}
            self={booker?.self ?? null}
            partner={booker?.partner ?? null}
            credit={event.creditPackage && creditsLeft > 0 ? { packageName: event.creditPackage.name, left: creditsLeft, required: creditOnly } : null}
          />
        )}
      </Card>
    </div>
  );
}
