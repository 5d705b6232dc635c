import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import type { ConfirmResponse, HoldResponse } from "@/lib/booking/public-api";
import type { PublicService } from "@/lib/booking/public-services";
import { placeLabel, type WizardLocation } from "./place";

/** Step 5: booked, or waiting for the partner's payment. */
export function DoneStep({
  service,
  hold,
  booked,
  clinicianName,
  zone,
  locale,
  locations,
}: {
  service: PublicService;
  hold: HoldResponse;
  booked: ConfirmResponse;
  clinicianName: string;
  zone: string;
  locale: string | null;
  locations: readonly WizardLocation[];
}) {
  const where = (
    <p className="mt-2">
      <span className="font-medium">Where:</span> {placeLabel(service.format, hold.locationId, locations)}
    </p>
  );
  if (booked.awaitingPayment) {
    return (
      <Card>
        <h2 className="text-2xl font-semibold">Waiting for your partner&apos;s payment</h2>
        <p className="mt-2">
          {service.name} with {clinicianName} on <strong>{formatDateTime(hold.start, { zone, locale })}</strong> is held for you.
        </p>
        {where}
        <p className="mt-2">We emailed your partner a link to pay. The session is confirmed, and you both get a confirmation, once it is paid.</p>
      </Card>
    );
  }
  return (
    <Card>
      <h2 className="text-2xl font-semibold">You&apos;re booked</h2>
      <p className="mt-2">
        {service.name} with {clinicianName} on <strong>{formatDateTime(hold.start, { zone, locale })}</strong>.
      </p>
      {where}
      <p className="mt-2">We emailed a confirmation with a calendar file to {booked.emailedTo.join(" and ")}.</p>
      {booked.usedCredit ? <p className="mt-2">One session credit was used.</p> : null}
      {booked.signedIn ? (
        <p className="mt-2">
          It&apos;s in your portal.
          {booked.emailedTo.length === 2 ? " We've emailed your partner a link to confirm it's them; once they do, the session is on their record too." : ""}
        </p>
      ) : (
        <p className="mt-2">
          We&apos;ve emailed {booked.emailedTo.length === 2 ? "each of you" : "you"} a link to confirm it&apos;s you. It adds the session to your record and your portal.
        </p>
      )}
      <p className="mt-2 text-muted">To reschedule or cancel, use the link in that email. No password needed.</p>
    </Card>
  );
}
