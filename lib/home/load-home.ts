import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db/client";
import { appointments, clients, formResponses, formTemplates, locations, members, payments, serviceBilling, services } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { outstandingBalances } from "@/lib/billing/billing-queries";
import { LIVE_STATUSES } from "@/lib/booking/lifecycle/transitions";
import { practiceReader } from "@/lib/dates";
import { loadActiveHomework } from "@/lib/homework/load-active";
import { listOpenFlags, type OpenFlag } from "@/lib/safety/open-flags";
import { loadSetupChecklist, type SetupChecklist } from "@/lib/setup/checklist";
import { shapeBilling, type HomeBilling, type OpenPaymentRow } from "./billing";
import { shapeAnswered, shapeAwaiting, type AwaitingRow, type HomeAnswered, type HomeAwaiting } from "./forms";
import { homeworkFlagRows, type HomeHomeworkFlag } from "./homework-flags";
import { homeSectionsFor, type HomeSectionKey } from "./sections";
import { shapeSessions, type HomeDays, type SessionRow } from "./sessions";
import { homeWindow, type HomeWindow } from "./window";

/** How far back the home looks for answers, failed charges and waiting payments. */
export const ANSWERED_DAYS = 60;
export const PAYMENT_DAYS = 30;
const ANSWERED_LIMIT = 20;
const PAYMENTS_LIMIT = 50;
const AWAITING_LIMIT = 30;

export interface ClinicHome {
  /** The sections this role sees, in order (slots included: the page fills them). */
  sections: HomeSectionKey[];
  window: HomeWindow;
  /** "yours": a clinician's own sessions and clients; "practice": everyone's. */
  reach: "yours" | "practice";
  days: HomeDays;
  /** Open safety flags, the member's own first (lib/safety/open-flags). Clinical roles only; null for the others. */
  safetyFlags: OpenFlag[] | null;
  /** The guided setup (lib/setup), for the roles that run it; the card hides itself once complete. */
  setup: SetupChecklist | null;
  /** Clinical roles only; null for the others. */
  answered: HomeAnswered[] | null;
  homeworkFlags: HomeHomeworkFlag[] | null;
  awaiting: HomeAwaiting[];
  /** Billing roles only; null for the others. */
  billing: HomeBilling | null;
}

const iso = (d: Date) => d.toISOString();
const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/**
 * Everything the clinic home shows for the signed-in member, in a fixed
 * number of queries however many sessions, clients or payments there are
 * (each list is one statement; the homework flags are loadActiveHomework's
 * few; one audit event when clinical lists are shown). What a role sees
 * follows lib/auth/roles: a clinician their own sessions and clients;
 * owners, admins and the front desk the practice's; answers and homework
 * flags only with `clinical.read`; money only with `billing.read`.
 * `database` lets a caller read inside its transaction (the seed's test);
 * the homework flags and open fees come from their own modules' reads.
 */
export async function loadClinicHome(scope: PracticeScope, now: Date, database: DbOrTx = db): Promise<ClinicHome> {
  const practiceId = scope.practice.id;
  const zone = scope.practice.timeZone;
  const window = homeWindow(zone, now);
  const clinical = can(scope.role, "clinical.read");
  const billingRole = can(scope.role, "billing.read");
  const ownOnly = scope.role === "clinician";
  const sections = homeSectionsFor(scope.role);

  // A clinician's clients: anyone with a session with them.
  const mine = (clientId: AnyPgColumn | SQL): SQL | undefined =>
    ownOnly
      ? sql`exists (select 1 from appointment_attendees mine_aa join appointments mine_a on mine_a.id = mine_aa.appointment_id where mine_aa.client_id = ${clientId} and mine_a.member_id = ${scope.memberId})`
      : undefined;

  const [flags, setup, sessionRows, answeredRows, awaitingRows, active, feeRows, paymentRows] = await Promise.all([
    clinical ? listOpenFlags(scope, {}, database) : null,
    sections.includes("setup_checklist") ? loadSetupChecklist(practiceId, database) : null,
    loadSessions(database, practiceId, window, ownOnly ? scope.memberId : null, now),
    clinical ? loadAnswered(database, practiceId, now, mine) : null,
    loadAwaiting(database, practiceId, now, ownOnly ? scope.memberId : null),
    clinical ? loadActiveHomework(now, 28, practiceId) : null,
    billingRole ? outstandingBalances(practiceId) : null,
    billingRole ? loadOpenPayments(database, practiceId, now) : null,
  ]);

  const home: ClinicHome = {
    sections,
    window,
    reach: ownOnly ? "yours" : "practice",
    days: shapeSessions(sessionRows, { memberId: scope.memberId, seesAmounts: billingRole }, window, practiceReader(scope.practice), now),
    safetyFlags: flags,
    setup,
    answered: answeredRows ? shapeAnswered(answeredRows, practiceReader(scope.practice)) : null,
    homeworkFlags: active ? homeworkFlagRows(active, window.today, ownOnly ? scope.memberId : null) : null,
    awaiting: shapeAwaiting(awaitingRows, zone),
    billing: feeRows && paymentRows ? shapeBilling(feeRows, paymentRows, zone) : null,
  };
  if (clinical) {
    // Names with form titles and homework flags are clinical: the read is audited (counts only).
    await recordAudit(
      byMember(scope, "home.read", { type: "practice", id: practiceId }, { sessions: sessionRows.length, safetyFlags: flags!.length, answered: home.answered!.length, homeworkFlags: home.homeworkFlags!.length }),
      database,
    );
  }
  return home;
}

/** Today's and tomorrow's live sessions with their people, missing forms and payments: one statement. */
async function loadSessions(database: DbOrTx, practiceId: string, window: HomeWindow, memberId: string | null, now: Date): Promise<SessionRow[]> {
  const attendees = sql<SessionRow["attendees"]>`coalesce((
    select json_agg(json_build_object('clientId', c.id, 'firstName', c.first_name, 'lastName', c.last_name) order by c.last_name, c.first_name, c.id)
    from appointment_attendees aa join clients c on c.id = aa.client_id
    where aa.appointment_id = ${appointments.id}), '[]'::json)`;
  const missingForms = sql<SessionRow["missingForms"]>`coalesce((
    select json_agg(json_build_object('clientId', fa.client_id, 'title', ft.title) order by ft.title, fa.client_id)
    from form_assignments fa join form_templates ft on ft.id = fa.template_id
    where fa.practice_id = ${appointments.practiceId} and fa.status <> 'completed'
      and fa.client_id in (select aa2.client_id from appointment_attendees aa2 where aa2.appointment_id = ${appointments.id})
      and (fa.appointment_id = ${appointments.id} or fa.appointment_id is null)), '[]'::json)`;
  const paid = sql<{ prepaid: number; failed: number; pending: number }>`(
    select json_build_object(
      'prepaid', coalesce(sum(p.amount_cents - p.refunded_cents) filter (where p.status = 'succeeded'), 0),
      'failed', count(*) filter (where p.status = 'failed'),
      'pending', count(*) filter (where p.status = 'pending' and (p.checkout_expires_at is null or p.checkout_expires_at > ${iso(now)}::timestamptz)))
    from payments p where p.appointment_id = ${appointments.id} and p.kind in ('session', 'deposit'))`;
  const rows = await database
    .select({
      id: appointments.id,
      status: appointments.status,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      format: appointments.format,
      coupleId: appointments.coupleId,
      priceCents: appointments.priceCents,
      currency: appointments.currency,
      serviceName: services.name,
      memberId: members.id,
      memberName: members.displayName,
      // The appointment's own join link, fixed when it was booked (lib/video, decision 0033).
      videoUrl: appointments.videoUrl,
      locationName: locations.name,
      paymentMode: serviceBilling.paymentMode,
      attendees,
      missingForms,
      paid,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(members, eq(members.id, appointments.memberId))
    .leftJoin(locations, eq(locations.id, appointments.locationId))
    .leftJoin(serviceBilling, eq(serviceBilling.serviceId, appointments.serviceId))
    .where(
      and(
        eq(appointments.practiceId, practiceId),
        gte(appointments.startsAt, window.from),
        lt(appointments.startsAt, window.to),
        inArray(appointments.status, [...LIVE_STATUSES]),
        // A hold past its expiry is nobody's session, even before the sweep job runs.
        or(sql`${appointments.status} <> 'held'`, gt(appointments.holdExpiresAt, now)),
        memberId ? eq(appointments.memberId, memberId) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(members.displayName), asc(appointments.id));
  return rows.map(({ paid: p, ...r }) => ({ ...r, prepaidCents: Number(p.prepaid), failedPayments: Number(p.failed), pendingPayments: Number(p.pending) }));
}

/**
 * Responses submitted since each client's last visit (within ANSWERED_DAYS), newest first: one statement.
 * A visit is a session that took place and has ended: one in progress does not hide what was answered for it.
 */
async function loadAnswered(database: DbOrTx, practiceId: string, now: Date, mine: (clientId: AnyPgColumn) => SQL | undefined) {
  const lastVisit = sql<string | null>`(
    select max(v_a.starts_at) from appointment_attendees v_aa join appointments v_a on v_a.id = v_aa.appointment_id
    where v_aa.client_id = ${formResponses.clientId} and v_a.ends_at <= ${iso(now)}::timestamptz and v_a.status in ('confirmed', 'completed'))`;
  const rows = await database
    .select({
      responseId: formResponses.id,
      clientId: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      title: formTemplates.title,
      submittedAt: formResponses.submittedAt,
      lastVisitAt: lastVisit,
    })
    .from(formResponses)
    .innerJoin(clients, eq(clients.id, formResponses.clientId))
    .innerJoin(formTemplates, eq(formTemplates.id, formResponses.templateId))
    .where(
      and(
        eq(formResponses.practiceId, practiceId),
        eq(formResponses.status, "submitted"),
        gte(formResponses.submittedAt, new Date(now.getTime() - ANSWERED_DAYS * 86_400_000)),
        sql`${formResponses.submittedAt} > coalesce(${lastVisit}, '-infinity'::timestamptz)`,
        mine(formResponses.clientId),
      ),
    )
    .orderBy(desc(formResponses.submittedAt), asc(formResponses.id))
    .limit(ANSWERED_LIMIT);
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt!, lastVisitAt: r.lastVisitAt === null ? null : toDate(r.lastVisitAt) }));
}

/** Consents and policies not signed yet, and new addresses not confirmed yet: one statement. */
async function loadAwaiting(database: DbOrTx, practiceId: string, now: Date, memberId: string | null): Promise<AwaitingRow[]> {
  const mine = (column: string) =>
    memberId
      ? sql`and exists (select 1 from appointment_attendees mine_aa join appointments mine_a on mine_a.id = mine_aa.appointment_id where mine_aa.client_id = ${sql.raw(column)} and mine_a.member_id = ${memberId})`
      : sql``;
  const rows = await database.execute<{ kind: AwaitingRow["kind"]; id: string; client_id: string; first_name: string; last_name: string; title: string | null; since: string }>(sql`
    select * from (
      select 'signature' as kind, fa.id, c.id as client_id, c.first_name, c.last_name, ft.title, fa.sent_at as since
      from form_assignments fa join form_templates ft on ft.id = fa.template_id join clients c on c.id = fa.client_id
      where fa.practice_id = ${practiceId} and fa.status <> 'completed' and ft.kind in ('consent', 'policy') ${mine("fa.client_id")}
      union all
      select 'email_confirmation' as kind, ec.id, c.id, c.first_name, c.last_name, null, ec.created_at
      from client_email_changes ec join clients c on c.id = ec.client_id
      where ec.practice_id = ${practiceId} and ec.confirmed_at is null and ec.cancelled_at is null and ec.expires_at > ${iso(now)}::timestamptz ${mine("ec.client_id")}
    ) waiting order by since, id limit ${AWAITING_LIMIT}`);
  return rows.map((r) => ({ kind: r.kind, id: r.id, clientId: r.client_id, firstName: r.first_name, lastName: r.last_name, title: r.title, since: toDate(r.since) }));
}

/**
 * Failed charges and payments still waiting (an open checkout), within
 * PAYMENT_DAYS, leaving out any that a later payment for the same thing
 * settled or replaced: one statement.
 */
async function loadOpenPayments(database: DbOrTx, practiceId: string, now: Date): Promise<OpenPaymentRow[]> {
  const rows = await database
    .select({
      id: payments.id,
      status: payments.status,
      amountCents: payments.amountCents,
      currency: payments.currency,
      description: payments.description,
      clientId: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      createdAt: payments.createdAt,
    })
    .from(payments)
    .innerJoin(clients, eq(clients.id, payments.clientId))
    .where(
      and(
        eq(payments.practiceId, practiceId),
        gte(payments.createdAt, new Date(now.getTime() - PAYMENT_DAYS * 86_400_000)),
        or(eq(payments.status, "failed"), and(eq(payments.status, "pending"), sql`(${payments.checkoutExpiresAt} is null or ${payments.checkoutExpiresAt} > ${iso(now)}::timestamptz)`)),
        sql`not exists (
          select 1 from payments later
          where later.practice_id = ${payments.practiceId} and later.id <> ${payments.id} and later.client_id = ${payments.clientId} and later.kind = ${payments.kind}
            and later.appointment_id is not distinct from ${payments.appointmentId} and later.fee_id is not distinct from ${payments.feeId}
            and later.purchase_id is not distinct from ${payments.purchaseId}
            and (later.status = 'succeeded' or (${payments.status} = 'failed' and later.created_at > ${payments.createdAt})))`,
      ),
    )
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .limit(PAYMENTS_LIMIT);
  return rows.map((r) => ({ ...r, status: r.status as OpenPaymentRow["status"] }));
}
