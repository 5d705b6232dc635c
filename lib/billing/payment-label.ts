import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, fees, services, type Fee, type Payment } from "@/db/schema";
import { formatDateTime, readerZone, type Reader } from "@/lib/dates";

export const FEE_LABELS: Record<Fee["kind"], string> = { late_cancel: "Late-cancellation fee", no_show: "No-show fee" };

type Labelled = Pick<Payment, "id" | "kind" | "splitPart" | "description" | "appointmentId" | "feeId"> & { clientId?: string };
type Session = { serviceName: string; startsAt: Date; zones?: Map<string, string | null> };

/**
 * What a payment was for, in words: "Couples session, Tuesday 9 December
 * 2026, 10:00 AM PST (share 1 of 2)", "No-show fee: Couples session, …".
 * It names the appointment as it is now, not as it was when the payment
 * was made: a reschedule moves the date on every page and email that shows
 * it (issue 11, problem 7; decision 0034). The stored description (what
 * Stripe was sent) stays for what has no appointment: a package.
 */
export function paymentLabel(p: Pick<Payment, "kind" | "splitPart" | "description">, session: Session | null, timeZone: string | Reader, feeKind?: Fee["kind"]): string {
  if (!session) return p.description;
  const when = `${session.serviceName}, ${formatDateTime(session.startsAt, timeZone)}`;
  if (p.kind === "fee" && feeKind) return `${FEE_LABELS[feeKind]}: ${when}`;
  if (p.kind !== "session" && p.kind !== "deposit") return p.description;
  return `${when}${p.kind === "deposit" ? " (deposit)" : ""}${p.splitPart ? ` (share ${p.splitPart} of 2)` : ""}`;
}

/**
 * `paymentLabel` for several payments of one practice: their fees and
 * appointments read in two queries. `forPayer`: the words are for the
 * client who pays (their pages and emails), so each reads in the zone that
 * client booked the session in, with the clinic's time noted (decision 0039);
 * staff pages leave it off and read in the practice's zone. `who`: the
 * practice's zone, or its Reader (zone and locale, decision 0044).
 */
export async function paymentLabels(practiceId: string, who: string | Reader, rows: readonly Labelled[], options: { forPayer?: boolean } = {}): Promise<Map<string, string>> {
  const practice: Reader = typeof who === "string" ? { zone: who } : who;
  const feeIds = [...new Set(rows.map((r) => r.feeId).filter((id): id is string => id !== null))];
  const feeRows = feeIds.length ? await db.select({ id: fees.id, kind: fees.kind, appointmentId: fees.appointmentId }).from(fees).where(and(eq(fees.practiceId, practiceId), inArray(fees.id, feeIds))) : [];
  const feeById = new Map(feeRows.map((f) => [f.id, f]));
  const sessions = await sessionsById(practiceId, [...rows.map((r) => r.appointmentId), ...feeRows.map((f) => f.appointmentId)]);
  return new Map(
    rows.map((r) => {
      const fee = r.feeId ? feeById.get(r.feeId) : undefined;
      const appointmentId = fee?.appointmentId ?? r.appointmentId;
      const session = (appointmentId && sessions.get(appointmentId)) || null;
      const reader = options.forPayer && r.clientId ? payerReader(session, r.clientId, practice) : practice;
      return [r.id, paymentLabel(r, session, reader, fee?.kind)];
    }),
  );
}

/** A fee not yet paid (nothing charged): "No-show fee: Couples session, Tuesday 9 December …", from its appointment now. */
export async function feeLabel(practiceId: string, feeId: string, who: string | Reader): Promise<string | null> {
  const practice: Reader = typeof who === "string" ? { zone: who } : who;
  const [fee] = await db.select({ kind: fees.kind, appointmentId: fees.appointmentId, clientId: fees.clientId }).from(fees).where(and(eq(fees.id, feeId), eq(fees.practiceId, practiceId)));
  if (!fee) return null;
  const session = (await sessionsById(practiceId, [fee.appointmentId])).get(fee.appointmentId) ?? null;
  // A fee is always told to the client who owes it: in their zone.
  return session ? paymentLabel({ kind: "fee", splitPart: null, description: FEE_LABELS[fee.kind] }, session, payerReader(session, fee.clientId, practice), fee.kind) : FEE_LABELS[fee.kind];
}

/** The payer reads in the zone they booked the session in; the clinic's is noted when its clock differs. */
function payerReader(session: Session | null, clientId: string, practice: Reader): Reader {
  return { zone: readerZone(session?.zones?.get(clientId), practice.zone), practiceZone: practice.zone, locale: practice.locale };
}

async function sessionsById(practiceId: string, ids: readonly (string | null)[]): Promise<Map<string, Session>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const found = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt, serviceName: services.name })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(and(eq(appointments.practiceId, practiceId), inArray(appointments.id, wanted)));
  const attendees = await db
    .select({ appointmentId: appointmentAttendees.appointmentId, clientId: appointmentAttendees.clientId, timeZone: appointmentAttendees.timeZone })
    .from(appointmentAttendees)
    .where(and(eq(appointmentAttendees.practiceId, practiceId), inArray(appointmentAttendees.appointmentId, wanted)));
  return new Map(
    found.map((a) => [
      a.id,
      { serviceName: a.serviceName, startsAt: a.startsAt, zones: new Map(attendees.filter((p) => p.appointmentId === a.id).map((p) => [p.clientId, p.timeZone])) },
    ]),
  );
}
