import Link from "next/link";
import { formatCalendarDate, formatDateTime, formatDateTimeMedium, type Reader } from "@/lib/dates";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import type { HomeBilling, HomePaymentLine } from "@/lib/home/billing";
import type { HomeAnswered, HomeAwaiting } from "@/lib/home/forms";
import type { HomeHomeworkFlag } from "@/lib/home/homework-flags";
import type { HomeSession } from "@/lib/home/sessions";
import type { OverdueGfe } from "@/lib/gfe/staff";
import type { PlanReviewDue } from "@/lib/plans/reviews";
import type { OpenFlag } from "@/lib/safety/open-flags";

/**
 * The clinic home's cards (app/(clinic)/clinic/[practice]/page.tsx). Server
 * components over lib/home's shaped data: no logic here beyond markup.
 */

const link = "font-medium text-brand underline underline-offset-2";

function HomeCard({ title, id, children, action }: { title: string; id: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card className="min-w-0">
      <div aria-labelledby={id} role="region" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={id} className="text-lg font-semibold">
            {title}
          </h2>
          {action}
        </div>
        {children}
      </div>
    </Card>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return <p className="text-muted">{children}</p>;
}

/** The four places people go from here, kept as one compact row. */
export function HomeNav({ slug, links }: { slug: string; links: { href: string; label: string }[] }) {
  return (
    <nav aria-label="Go to" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={`/clinic/${slug}/${l.href}`} className={buttonClass("secondary", "sm")}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SessionItem({ slug, s }: { slug: string; s: HomeSession }) {
  return (
    <li className="rounded-md border border-line p-3" data-testid="home-session">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <p className="font-semibold tabular-nums">{s.time}</p>
        <Link href={`/clinic/${slug}/schedule/${s.id}`} className="text-sm text-brand underline underline-offset-2">
          Open session<span className="sr-only">: {s.who}, {s.time}</span>
        </Link>
      </div>
      <p className="mt-1 break-words">
        {s.clientId ? (
          <Link href={`/clinic/${slug}/clients/${s.clientId}`} className={link}>
            {s.who}
          </Link>
        ) : (
          s.who
        )}
        {s.isCouple ? <span className="text-sm text-muted"> (couple)</span> : null}
      </p>
      <p className="text-sm text-muted">
        {s.service} · {s.where}
        {s.clinician ? ` · with ${s.clinician}` : ""}
      </p>
      {s.status || s.formsMissing.length > 0 || s.paymentText ? (
        <ul className="mt-2 flex flex-wrap gap-2" aria-label="Needs attention">
          {s.status ? (
            <li>
              <Badge tone="warn">{s.status}</Badge>
            </li>
          ) : null}
          {s.formsMissing.length > 0 ? (
            <li>
              <Badge tone="warn">Forms missing: {s.formsMissing.join(", ")}</Badge>
            </li>
          ) : null}
          {s.paymentText ? (
            <li>
              <Badge tone="warn">{s.paymentText}</Badge>
            </li>
          ) : null}
        </ul>
      ) : null}
      {s.joinUrl ? (
        <a href={s.joinUrl} target="_blank" rel="noopener noreferrer" className={buttonClass("primary", "sm", "mt-3")}>
          Join video<span className="sr-only"> with {s.who} (opens in a new tab)</span>
        </a>
      ) : null}
    </li>
  );
}

export function SessionsCard({ slug, id, title, sessions, empty }: { slug: string; id: string; title: string; sessions: HomeSession[]; empty: string }) {
  return (
    <HomeCard id={id} title={title} action={<Link href={`/clinic/${slug}/schedule`} className="text-sm text-brand underline underline-offset-2">Schedule</Link>}>
      {sessions.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <ol className="space-y-2" aria-labelledby={id}>
          {sessions.map((s) => (
            <SessionItem key={s.id} slug={slug} s={s} />
          ))}
        </ol>
      )}
    </HomeCard>
  );
}

export function AnsweredCard({ slug, answered }: { slug: string; answered: HomeAnswered[] }) {
  return (
    <HomeCard id="home-answered" title="Forms answered since the last visit">
      {answered.length === 0 ? (
        <Empty>No new answers.</Empty>
      ) : (
        <ul className="space-y-2">
          {answered.map((a) => (
            <li key={a.responseId}>
              <Link href={`/clinic/${slug}/responses/${a.responseId}`} className={link}>
                {a.who}: {a.title}
              </Link>
              <p className="text-sm text-muted">
                {a.when} · {a.since}
              </p>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}

export function HomeworkFlagsCard({ slug, rows }: { slug: string; rows: HomeHomeworkFlag[] }) {
  return (
    <HomeCard id="home-homework" title="Homework flags" action={<Link href={`/clinic/${slug}/homework/clients`} className="text-sm text-brand underline underline-offset-2">All homework</Link>}>
      {rows.length === 0 ? (
        <Empty>No homework flags.</Empty>
      ) : (
        <ul className="space-y-2">
          {rows.map((r) => (
            <li key={r.clientId}>
              <Link href={`/clinic/${slug}/homework/clients/${r.clientId}`} className={link}>
                {r.who}
              </Link>
              <ul className="list-disc pl-5 text-sm">
                {r.flags.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}

export function AwaitingCard({ slug, rows }: { slug: string; rows: HomeAwaiting[] }) {
  return (
    <HomeCard id="home-awaiting" title="Waiting on clients">
      {rows.length === 0 ? (
        <Empty>Nothing waits for a signature or a reply.</Empty>
      ) : (
        <ul className="space-y-2">
          {rows.map((r) => (
            <li key={r.id}>
              <Link href={`/clinic/${slug}/clients/${r.clientId}`} className={link}>
                {r.who}
              </Link>
              <p className="text-sm">
                {r.text} <span className="text-muted">· {r.since}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}

function PaymentLines({ slug, label, lines, empty }: { slug: string; label: string; lines: HomePaymentLine[]; empty: string }) {
  return (
    <div>
      <h3 className="font-medium">{label}</h3>
      {lines.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <ul className="mt-1 space-y-1">
          {lines.map((p) => (
            <li key={p.paymentId}>
              <Link href={`/clinic/${slug}/billing/payments/${p.paymentId}`} className={link}>
                {p.who}: {p.amount}
              </Link>{" "}
              <span className="text-sm text-muted">
                {p.description} · {p.since}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function BillingCard({ slug, billing }: { slug: string; billing: HomeBilling }) {
  return (
    <HomeCard id="home-billing" title="Money" action={<Link href={`/clinic/${slug}/billing`} className="text-sm text-brand underline underline-offset-2">Billing</Link>}>
      <div>
        <h3 className="font-medium">Balances due</h3>
        {billing.balances.length === 0 ? (
          <Empty>No balances due.</Empty>
        ) : (
          <>
            <p className="text-2xl font-semibold" data-testid="home-total-due">
              {billing.totalDue}
            </p>
            <ul className="mt-1 space-y-1">
              {billing.balances.map((b) => (
                <li key={b.clientId}>
                  <Link href={`/clinic/${slug}/clients/${b.clientId}`} className={link}>
                    {b.who}: {b.amount}
                  </Link>{" "}
                  <span className="text-sm text-muted">
                    {b.what} · {b.since}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <PaymentLines slug={slug} label="Failed charges" lines={billing.failed} empty="No failed charges." />
      <PaymentLines slug={slug} label="Payments waiting" lines={billing.waiting} empty="No payments waiting." />
    </HomeCard>
  );
}

/**
 * Open safety flags, first on the page. Only who and which form: the answer itself is on the
 * record, where acknowledging it (with a note of what was done) closes the flag.
 */
export function SafetyFlagsCard({ slug, flags, reader }: { slug: string; flags: OpenFlag[]; reader: Reader }) {
  return (
    <section aria-labelledby="home-safety" className="min-w-0 rounded-lg border-2 border-danger bg-danger-soft p-4 sm:p-6 lg:col-span-2">
      <h2 id="home-safety" className="text-lg font-semibold text-danger">
        {flags.length === 1 ? "A safety answer needs your attention" : `${flags.length} safety answers need your attention`}
      </h2>
      <ul className="mt-3 space-y-2">
        {flags.map((f) => (
          <li key={f.id}>
            <Link href={`/clinic/${slug}/clients/${f.clientId}`} className={link}>
              {f.clientName}
            </Link>
            <p className="text-sm text-ink">
              {f.formTitle} · raised {formatDateTime(f.raisedAt, reader)}
              {f.mine ? " · you were told" : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Treatment plans whose review date is a week away or past (lib/plans/reviews.ts), soonest first. */
export function PlanReviewsCard({ slug, rows, locale }: { slug: string; rows: PlanReviewDue[]; locale: string | null }) {
  return (
    <HomeCard id="home-plan-reviews" title="Treatment plan reviews">
      <ul className="space-y-2">
        {rows.map((r) => (
          <li key={r.planId} className="flex flex-wrap items-baseline gap-x-2">
            <Link href={`/clinic/${slug}/clients/${r.clientId}/plan/${r.planId}`} className={link}>
              {r.clientName}
            </Link>
            <span className="text-sm text-muted">Review {formatCalendarDate(r.reviewDate, locale)}</span>
            {r.overdue ? <Badge tone="warn">Past its review date</Badge> : null}
          </li>
        ))}
      </ul>
    </HomeCard>
  );
}

/** Good Faith Estimates past their deadline and not delivered (decision 0053): the front desk chases them too. Names and dates only. */
export function GfeOverdueCard({ slug, rows, reader }: { slug: string; rows: OverdueGfe[]; reader: Reader }) {
  return (
    <HomeCard id="home-gfe-overdue" title={`Good Faith Estimates overdue · ${rows.length}`}>
      <ul className="space-y-2">
        {rows.slice(0, 5).map((r) => (
          <li key={r.id} className="flex flex-wrap items-baseline gap-x-2">
            <span>{r.clientName}</span>
            <span className="text-sm text-muted">due {formatDateTimeMedium(r.dueBy, reader)}</span>
            {!r.hasEmail ? <Badge tone="warn">No email on file</Badge> : null}
          </li>
        ))}
      </ul>
      <Link href={`/clinic/${slug}/estimates`} className={`${link} mt-3 inline-block`}>
        {rows.length > 5 ? `See all ${rows.length} overdue estimates` : "Open the estimates due"}
      </Link>
    </HomeCard>
  );
}
