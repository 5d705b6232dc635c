import type { Metadata } from "next";
import Link from "next/link";
import { PortalGfeCard } from "@/components/gfe/portal-gfe-card";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { PortalPastSessions, PortalUpcomingSessions } from "@/components/booking/schedule/portal-sessions";
import { requireClient } from "@/lib/auth/guards";
import { balanceDue } from "@/lib/billing/portal-billing";
import { listClientSessions } from "@/lib/booking/list-client-sessions";
import { PortalFormsCard } from "@/components/intake/portal-forms-card";
import { PortalDocumentsCard } from "@/components/documents/portal-documents-card";
import { PortalPlanCard } from "@/components/plans/portal-plan-card";
import { listOwnForms } from "@/lib/intake/respond";
import { IdentityRows } from "@/components/portal/identity-rows";
import { PortalThisWeek } from "@/components/homework/portal-this-week";
import { getPortalHomework } from "@/lib/homework/portal";
import { formatMoney } from "@/lib/money";
import { formatCalendarDate } from "@/lib/dates/format";
import { listPortalProducts } from "@/lib/products/gift";

export const metadata: Metadata = { title: "Your portal" };
export const dynamic = "force-dynamic";

/**
 * The client's home, ordered by what is due (issue 11, problem 11; decision
 * 0035): forms to do, payments due, the next sessions (with the join link),
 * homework; then past and cancelled sessions, and the client's details.
 * Every date reads "Monday 9 March" (lib/dates formatDay/formatDayTime/formatCalendarDay).
 */
export default async function PortalClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practice, practiceDisplayName } = await requireClient(clientId);
  const now = new Date();
  const [sessions, forms, homework, owed, workbooks] = await Promise.all([
    listClientSessions(client, now),
    listOwnForms({ id: client.id, practiceId: client.practiceId }),
    getPortalHomework({ client, practice }, now),
    balanceDue(client),
    listPortalProducts(client),
  ]);
  const sessionPractice = { name: practiceDisplayName, slug: practice.slug, timeZone: practice.timeZone, locale: practice.locale };
  const billingHref = `/portal/${client.id}/billing`;
  return (
    <>
      <PageHeader title={`Hello, ${client.preferredName ?? client.firstName}`} description={practiceDisplayName} />
      <div className="space-y-4">
        <PortalFormsCard clientId={client.id} forms={forms} timeZone={practice.timeZone} />
        <PortalDocumentsCard client={client} />
        <PortalPlanCard client={client} />
        <Card>
          <h2 className="font-semibold">Messages</h2>
          <p className="mt-1">
            <Link href={`/portal/${client.id}/messages`} className="text-brand underline underline-offset-2">
              Write to your care team, or read their replies
            </Link>
          </p>
        </Card>
        {/* Only for a client who has one: a card that always says "nothing here" is noise on a phone. */}
        {workbooks.length > 0 ? (
          <Card>
            <h2 className="font-semibold">Workbooks</h2>
            <p className="mt-1">
              <Link href={`/portal/${client.id}/products`} className="text-brand underline underline-offset-2">
                {workbooks.length === 1 ? `Open ${workbooks[0]!.title}` : `Your ${workbooks.length} workbooks`}
              </Link>
            </p>
          </Card>
        ) : null}
        <Card>
          <h2 className="font-semibold">Payments</h2>
          {owed.length === 0 ? (
            <p className="mt-1 text-muted">You owe nothing.</p>
          ) : (
            <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
              <p>
                Balance due:{" "}
                {owed.map((b, i) => (
                  <span key={b.currency}>
                    {i > 0 ? " and " : ""}
                    <strong>{formatMoney(b.amountCents, b.currency)}</strong>
                  </span>
                ))}
              </p>
              <Link href={billingHref} className={buttonClass("primary", "sm")}>
                Pay your balance
              </Link>
            </div>
          )}
          <p className="mt-2">
            <Link href={billingHref} className="text-brand underline underline-offset-2">
              Payments, receipts, balance and session credits
            </Link>
          </p>
        </Card>
        <PortalUpcomingSessions practice={sessionPractice} upcoming={sessions.upcoming} clientId={client.id} />
        <Card>
          <h2 className="font-semibold">Waitlist</h2>
          <p className="mt-1">
            <Link href={`/portal/${client.id}/waitlist`} className="text-brand underline underline-offset-2">
              Wait for a time that suits you, or see where you are waiting
            </Link>
          </p>
        </Card>
        <PortalThisWeek clientId={client.id} data={homework} />
        <PortalPastSessions practice={sessionPractice} past={sessions.past} />
        {/* A right to know about, not something due: after the sessions, before the client's details. */}
        <PortalGfeCard clientId={client.id} practice={practice} />
        <Card>
          <h2 className="mb-2 font-semibold">Your details</h2>
          {/* minmax(0, 1fr) and min-w-0 let a long address wrap inside the card at 375 px instead of widening it. */}
          <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-y-1">
            <IdentityRows client={client} />
            <dt className="text-sm text-muted">Phone</dt>
            <dd className="min-w-0 break-words">{client.phone ?? "—"}</dd>
            <dt className="text-sm text-muted">Date of birth</dt>
            <dd className="min-w-0">{client.dateOfBirth ? formatCalendarDate(client.dateOfBirth, practice.locale) : "—"}</dd>
            <dt className="text-sm text-muted">Address</dt>
            <dd className="min-w-0 break-words">
              {client.addressLine1
                ? [client.addressLine1, client.addressLine2, [client.city, client.region, client.postalCode].filter(Boolean).join(" "), client.country].filter(Boolean).join(", ")
                : "—"}
            </dd>
          </dl>
          <p className="mt-2">
            <Link href={`/portal/${client.id}/details`} className="text-brand underline underline-offset-2">
              Change your details
            </Link>
          </p>
        </Card>
      </div>
    </>
  );
}
