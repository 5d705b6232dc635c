import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { PRACTICE_LOCALE_LABELS, isPracticeLocale } from "@/lib/dates/locales";
import { PRACTICE_KIND_LABELS } from "@/lib/practices/practice-kinds";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const { practice, role } = await requireMember(slug, "practice.view");
  const address = [practice.addressLine1, practice.addressLine2, practice.city, practice.region, practice.postalCode].filter(Boolean).join(", ");
  return (
    <>
      <PageHeader title="Settings" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">Practice</h2>
          <dl className="grid grid-cols-1 gap-y-2 sm:grid-cols-[9rem_1fr]">
            <dt className="text-sm text-muted">Name</dt>
            <dd>{practice.name}</dd>
            <dt className="text-sm text-muted">Kind</dt>
            <dd>{PRACTICE_KIND_LABELS[practice.kind]}</dd>
            <dt className="text-sm text-muted">Time zone</dt>
            <dd>{practice.timeZone}</dd>
            <dt className="text-sm text-muted">Dates and times</dt>
            <dd>{isPracticeLocale(practice.locale) ? PRACTICE_LOCALE_LABELS[practice.locale] : practice.locale}</dd>
            <dt className="text-sm text-muted">Address</dt>
            <dd>{address || "—"}</dd>
            <dt className="text-sm text-muted">Contact</dt>
            <dd className="break-words">{[practice.email, practice.phone].filter(Boolean).join(" · ") || "—"}</dd>
          </dl>
          {can(role, "settings.manage") ? (
            <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
              <Link href={`/clinic/${slug}/setup/details`} className="font-medium text-brand underline">
                Edit practice details
              </Link>
              <Link href={`/clinic/${slug}/setup`} className="font-medium text-brand underline">
                Setup checklist
              </Link>
            </p>
          ) : null}
        </Card>
        {can(role, "brand.manage") ? (
          <Card>
            <h2 className="mb-2 font-semibold">Name and look</h2>
            <p className="text-muted">The name, logo and colour your clients see on your booking page, portal and emails.</p>
            <Link href={`/clinic/${slug}/settings/brand`} className="mt-3 inline-block font-medium text-brand underline">
              Open name and look
            </Link>
          </Card>
        ) : null}
        <Card>
          <h2 className="mb-2 font-semibold">Team</h2>
          <p className="text-muted">
            {can(role, "team.manage") ? "Invite clinicians and staff, change roles, remove members." : "See who works in this practice."}
          </p>
          <Link href={`/clinic/${slug}/settings/team`} className="mt-3 inline-block font-medium text-brand underline">
            Open team
          </Link>
        </Card>
        {can(role, "settings.manage") ? (
          <Card>
            <h2 className="mb-2 font-semibold">Billing</h2>
            <p className="text-muted">Stripe connection, payment at booking, superbill codes and packages.</p>
            <Link href={`/clinic/${slug}/settings/billing`} className="mt-3 inline-block font-medium text-brand underline">
              Open billing settings
            </Link>
          </Card>
        ) : null}
        {can(role, "settings.manage") || can(role, "notes.templates") ? (
          <Card>
            <h2 className="mb-2 font-semibold">Session notes</h2>
            <p className="text-muted">The templates notes are written on{can(role, "settings.manage") ? ", when an unsigned note counts as overdue, and which clinicians’ notes need a co-signature" : ""}.</p>
            <p className="mt-3 flex flex-wrap gap-x-4 gap-y-2">
              {can(role, "notes.templates") ? (
                <Link href={`/clinic/${slug}/settings/notes/templates`} className="font-medium text-brand underline">
                  Edit note templates
                </Link>
              ) : null}
              {can(role, "settings.manage") ? (
                <Link href={`/clinic/${slug}/settings/notes`} className="font-medium text-brand underline">
                  Open session note settings
                </Link>
              ) : null}
            </p>
          </Card>
        ) : null}
        {can(role, "settings.manage") ? (
          <Card>
            <h2 className="mb-2 font-semibold">Messaging</h2>
            <p className="text-muted">The crisis text shown above every message box, front-desk access and reply templates.</p>
            <Link href={`/clinic/${slug}/settings/messaging`} className="mt-3 inline-block font-medium text-brand underline">
              Open messaging settings
            </Link>
          </Card>
        ) : null}
        {can(role, "data.export") ? (
          <Card>
            <h2 className="mb-2 font-semibold">Export</h2>
            <p className="text-muted">Download the whole practice (CSV and JSON per table) to keep or to move.</p>
            <Link href={`/clinic/${slug}/settings/export`} className="mt-3 inline-block font-medium text-brand underline">
              Open export
            </Link>
          </Card>
        ) : null}
        <Card>
          <h2 className="mb-2 font-semibold">Services</h2>
          <p className="text-muted">
            {can(role, "settings.manage")
              ? "What clients can book: length, price, format, policies and who offers each service."
              : "See the services clients can book."}
          </p>
          <Link href={`/clinic/${slug}/settings/services`} className="mt-3 inline-block font-medium text-brand underline">
            Open services
          </Link>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Video sessions</h2>
          <p className="text-muted">The join link of online sessions: a room per session from your video provider, or each clinician&apos;s own room.</p>
          <Link href={`/clinic/${slug}/settings/video`} className="mt-3 inline-block font-medium text-brand underline">
            Open video settings
          </Link>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Calendar feed</h2>
          <p className="text-muted">Your sessions in Google, Apple or Outlook calendar through a private address, with no client names.</p>
          <Link href={`/clinic/${slug}/settings/calendar`} className="mt-3 inline-block font-medium text-brand underline">
            Open calendar feed
          </Link>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Your notifications</h2>
          <p className="text-muted">What you are told of (bookings, forms, safety flags, failed payments), by email and under the bell.</p>
          <Link href={`/clinic/${slug}/settings/notifications`} className="mt-3 inline-block font-medium text-brand underline">
            Open notification settings
          </Link>
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Your sign-in security</h2>
          <p className="text-muted">Two-step sign-in with an authenticator app or a passkey, and your recovery codes.</p>
          <Link href="/account/security" className="mt-3 inline-block font-medium text-brand underline">
            Open sign-in security
          </Link>
        </Card>
        {can(role, "availability.own") ? (
          <Card>
            <h2 className="mb-2 font-semibold">Availability</h2>
            <p className="text-muted">
              {can(role, "availability.others")
                ? "Weekly hours and date changes for each clinician, and practice closures."
                : "Your weekly hours and days off."}
            </p>
            <Link href={`/clinic/${slug}/settings/availability`} className="mt-3 inline-block font-medium text-brand underline">
              Open availability
            </Link>
          </Card>
        ) : null}
      </div>
    </>
  );
}
