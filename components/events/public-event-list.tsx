import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatDateTime, type Reader } from "@/lib/dates";
import { listPublicEvents } from "@/lib/events/public-events";
import { formatMoney } from "@/lib/money";

/** The practice's upcoming group events on its booking page (decision 0055); nothing when there are none. */
export async function PublicEventList({ practiceId, slug, reader, now }: { practiceId: string; slug: string; reader: Reader; now: Date }) {
  const events = await listPublicEvents(practiceId, now);
  if (events.length === 0) return null;
  return (
    <Card>
      <h2 className="font-semibold">Groups and webinars</h2>
      <ul className="mt-2 space-y-3">
        {events.map((e) => (
          <li key={e.id}>
            <Link href={`/book/${slug}/events/${e.id}`} className="font-medium underline">
              {e.title}
            </Link>
            <span className="block text-sm text-muted">
              {e.dates[0] ? formatDateTime(e.dates[0].startsAt, reader) : ""}
              {e.dates.length > 1 ? ` and ${e.dates.length - 1} more date${e.dates.length > 2 ? "s" : ""}` : ""} · {e.format === "online" ? "Online" : e.location} ·{" "}
              {e.priceCents ? formatMoney(e.priceCents, e.currency) : "Free"} · {e.seatsLeft > 0 ? `${e.seatsLeft} seat${e.seatsLeft === 1 ? "" : "s"} left` : "Full (waitlist open)"}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
