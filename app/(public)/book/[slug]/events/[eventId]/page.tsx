import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EventSignUpForm } from "@/components/events/event-sign-up-form";
import { Card } from "@/components/ui/card";
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
            <dd className="inline">{event.priceCents ? `${formatMoney(event.priceCents, event.currency)} a seat` : "Free"}</dd>
          </div>
          <div>
            <dt className="inline font-medium">Seats left: </dt>
            <dd className="inline">{event.seatsLeft > 0 ? event.seatsLeft : "None: sign up to join the waitlist"}</dd>
          </div>
        </dl>
        <h2 className="mt-4 font-semibold">Cancellation policy</h2>
        <p className="text-sm">
          {event.cancellationPolicy || `Cancel up to ${event.cancellationHours} hours before the first date for a full refund.`}
        </p>
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">Sign up</h2>
        {event.signupOpen ? <EventSignUpForm slug={practice.slug} eventId={event.id} paid={Boolean(event.priceCents)} /> : <p>Sign-up has closed.</p>}
      </Card>
    </div>
  );
}
