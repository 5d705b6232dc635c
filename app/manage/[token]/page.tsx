import type { Metadata } from "next";
import { ManageAppointment } from "@/components/booking/manage-appointment";
import { PoweredByFooter, PublicHeader } from "@/components/layout/public-header";
import { brandStyle, loadBrand } from "@/lib/brand/load-brand";
import { Card } from "@/components/ui/card";
import { STATUS_LABELS } from "@/lib/booking/lifecycle/transitions";
import { formatMoney } from "@/lib/money";
import { formatDateTime, readerZone, type Reader } from "@/lib/dates";
import { openManageLink } from "@/lib/booking/manage-link";
import { cancellationEffects, cancellationPreview } from "@/lib/billing/cancellation-policy";
import { FORMAT_LABELS } from "@/lib/booking/service-labels";
import { JoinVideo } from "@/components/video/join-video";
import { joinState } from "@/lib/video/join-window";

export const metadata: Metadata = { title: "Your session", robots: { index: false } };
export const dynamic = "force-dynamic";

/** The emailed manage link: no password, the signed token is the key. */
export default async function ManagePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const now = new Date();
  const link = await openManageLink(decodeURIComponent(token), now);
  const preview = link.ok && link.canChange ? await cancellationPreview(link.appointment.practiceId, link.appointment.id) : null;
  // The link's practice: its name, logo and colour (decision 0040).
  const brand = link.ok ? await loadBrand(link.appointment.practiceId) : null;
  // The attendee reads in the zone they booked in, the clinic's noted beside it (decision 0039).
  const clinicZone = link.ok ? link.appointment.practice.timeZone : "UTC";
  const reader: Reader = { zone: link.ok ? readerZone(link.appointment.attendees.find((p) => p.clientId === link.clientId)?.timeZone, clinicZone) : clinicZone, practiceZone: clinicZone, locale: link.ok ? link.appointment.practice.locale : null };
  return (
    <div style={brandStyle(brand)} className="min-h-dvh">
      <PublicHeader brand={brand} />
      <main id="main" className="mx-auto max-w-2xl px-4 py-8">
        {!link.ok ? (
          <Card>
            <h1 className="text-2xl font-semibold">We can&apos;t open this session</h1>
            <p className="mt-2">{link.message}</p>
          </Card>
        ) : (
          <Card>
            <h1 className="text-2xl font-semibold">Your session</h1>
            <dl className="mt-3 grid grid-cols-1 gap-y-1 sm:grid-cols-[9rem_1fr]">
              <dt className="text-sm text-muted">Status</dt>
              <dd className="font-medium">{STATUS_LABELS[link.appointment.status]}</dd>
              <dt className="text-sm text-muted">Session</dt>
              <dd>
                {link.appointment.service.name} with {link.appointment.clinician.displayName}
              </dd>
              <dt className="text-sm text-muted">When</dt>
              <dd>{formatDateTime(link.appointment.startsAt, reader)}</dd>
              <dt className="text-sm text-muted">Where</dt>
              <dd>{link.appointment.location ? `${link.appointment.location.name}, ${link.appointment.location.address}` : FORMAT_LABELS[link.appointment.format]}</dd>
              <dt className="text-sm text-muted">Practice</dt>
              <dd>{brand?.name ?? link.appointment.practice.name}</dd>
            </dl>
            <JoinVideo state={joinState(link.appointment, now)} timeZone={reader.zone} locale={reader.locale} className="mt-4" />
            {/* Mounted whatever the status, so the "cancelled" / "moved" notice survives the refresh that follows the change. */}
            <ManageAppointment
              canChange={link.canChange}
              token={token}
              timeZone={reader.zone}
              clinicTimeZone={clinicZone}
              locale={link.appointment.practice.locale}
              lateNow={link.lateNow}
              windowHours={link.appointment.service.cancellationWindowHours}
              lateFee={link.appointment.service.lateCancelFeeCents > 0 ? formatMoney(link.appointment.service.lateCancelFeeCents, link.appointment.currency) : null}
              when={formatDateTime(link.appointment.startsAt, reader)}
              emailed={[...link.appointment.attendees]
                .filter((p) => p.email)
                .sort((x, y) => Number(y.clientId === link.clientId) - Number(x.clientId === link.clientId))
                .map((p) => (p.clientId === link.clientId ? "You" : `${p.firstName} ${p.lastName}`))}
              cancelEffects={preview ? cancellationEffects(preview, link.lateNow, "client") : []}
            />
          </Card>
        )}
      </main>
      {brand ? <PoweredByFooter /> : null}
    </div>
  );
}
