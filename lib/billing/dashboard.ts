import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { members, services } from "@/db/schema";

export interface FilterOption {
  id: string;
  name: string;
}

/** The billing dashboard's filter choices: the practice's joined members and its live services, by name. */
export async function billingFilterOptions(practiceId: string): Promise<{ clinicians: FilterOption[]; services: FilterOption[] }> {
  const [clinicians, serviceOptions] = await Promise.all([
    db.select({ id: members.id, name: members.displayName }).from(members).where(and(eq(members.practiceId, practiceId), isNotNull(members.joinedAt))).orderBy(asc(members.displayName)),
    db.select({ id: services.id, name: services.name }).from(services).where(and(eq(services.practiceId, practiceId), isNull(services.archivedAt))).orderBy(asc(services.name)),
  ]);
  return { clinicians, services: serviceOptions };
}

/** The No Surprises Act's dispute threshold: a bill this far above the estimate may be disputed (45 CFR 149.620). */
export const GFE_DISPUTE_THRESHOLD_CENTS = 40_000;

export interface GfeOverage {
  clientId: string;
  clientName: string;
  gfeId: string;
  estimateCents: number;
  billedCents: number;
  currency: string;
}

/**
 * Clients whose billed total exceeds their latest Good Faith Estimate by
 * $400 or more (decision 0053): the practice should re-issue the estimate
 * or expect a dispute. Billed = the price of each of the client's sessions
 * inside the estimate's period that is booked and not cancelled (confirmed,
 * completed, no-show), in the estimate's currency. Latest = the newest
 * estimate not superseded by a re-issue.
 */
export async function gfeOverages(practiceId: string): Promise<GfeOverage[]> {
  const rows = await db.execute<{ client_id: string; first_name: string; last_name: string; gfe_id: string; estimate: number; billed: number; currency: string }>(sql`
    with latest as (
      select distinct on (g.client_id) g.id, g.client_id, g.total_cents, g.snapshot->>'currency' as currency,
             (g.snapshot->'period'->>'from')::date as period_from, (g.snapshot->'period'->>'to')::date as period_to
      from good_faith_estimates g
      where g.practice_id = ${practiceId}
        and not exists (select 1 from good_faith_estimates n where n.supersedes_id = g.id)
      order by g.client_id, g.issued_at desc, g.version desc
    )
    select l.client_id, c.first_name, c.last_name, l.id as gfe_id, l.total_cents as estimate, l.currency,
           coalesce(sum(a.price_cents), 0)::int as billed
    from latest l
    join clients c on c.id = l.client_id
    join practices p on p.id = c.practice_id
    left join appointment_attendees aa on aa.client_id = l.client_id
    left join appointments a on a.id = aa.appointment_id
      and a.practice_id = ${practiceId}
      and a.status in ('confirmed', 'completed', 'no_show')
      and a.currency = l.currency
      and (a.starts_at at time zone p.time_zone)::date between l.period_from and l.period_to
    group by l.client_id, c.first_name, c.last_name, l.id, l.total_cents, l.currency
    having coalesce(sum(a.price_cents), 0) - l.total_cents >= ${GFE_DISPUTE_THRESHOLD_CENTS}
    order by c.last_name, c.first_name
  `);
  return [...rows].map((r) => ({ clientId: r.client_id, clientName: `${r.first_name} ${r.last_name}`, gfeId: r.gfe_id, estimateCents: Number(r.estimate), billedCents: Number(r.billed), currency: r.currency }));
}
