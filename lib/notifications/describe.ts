import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, clients, formResponses, formTemplates, payments, services, type StaffNotification } from "@/db/schema";
import { formatDateTime, type Reader } from "@/lib/dates/format";
import { formatMoney } from "@/lib/money/format";
import { isNotificationKind, type NotificationKind } from "./kinds";

/**
 * What a notice says, read from its subject as it is now (a notice holds ids
 * only). Two voices: `inApp` is shown behind sign-in to the member it was
 * for, who may see the subject anyway; `email` leaves the app and so names
 * nothing clinical: a booking's service and time, never who; a form is "a
 * form", a flag "a response", a payment its amount.
 */
export interface NoticeText {
  title: string;
  /** In the app: who and what. */
  detail: string | null;
  /** In an email: the lines it may carry. */
  emailLines: string[];
  /** Path inside the practice's workspace, from `/clinic/<slug>`. */
  path: string;
}

export const TITLES: Record<NotificationKind, string> = {
  booking_new: "New booking",
  booking_changed: "Booking rescheduled",
  booking_cancelled: "Booking cancelled",
  form_completed: "A client completed a form",
  safety_flag: "A form response needs your attention",
  payment_failed: "A payment did not go through",
  plan_review: "A treatment plan is due for review",
};

type Row = Pick<StaffNotification, "id" | "kind" | "appointmentId" | "clientId" | "paymentId" | "responseId">;

export async function describeNotices(practiceId: string, timeZone: string | Reader, rows: readonly Row[]): Promise<Map<string, NoticeText>> {
  const ids = (pick: (r: Row) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => v !== null))];
  const appointmentIds = ids((r) => r.appointmentId);
  const responseIds = ids((r) => r.responseId);
  const paymentIds = ids((r) => r.paymentId);
  const clientIds = ids((r) => r.clientId);

  const [appts, attendees, responses, pays, people] = await Promise.all([
    appointmentIds.length
      ? db
          .select({ id: appointments.id, startsAt: appointments.startsAt, service: services.name })
          .from(appointments)
          .innerJoin(services, eq(services.id, appointments.serviceId))
          .where(and(eq(appointments.practiceId, practiceId), inArray(appointments.id, appointmentIds)))
      : [],
    appointmentIds.length
      ? db
          .select({ appointmentId: appointmentAttendees.appointmentId, firstName: clients.firstName, lastName: clients.lastName })
          .from(appointmentAttendees)
          .innerJoin(clients, eq(clients.id, appointmentAttendees.clientId))
          .where(and(eq(appointmentAttendees.practiceId, practiceId), inArray(appointmentAttendees.appointmentId, appointmentIds)))
          .orderBy(clients.firstName)
      : [],
    responseIds.length
      ? db
          .select({ id: formResponses.id, title: formTemplates.title })
          .from(formResponses)
          .innerJoin(formTemplates, eq(formTemplates.id, formResponses.templateId))
          .where(and(eq(formResponses.practiceId, practiceId), inArray(formResponses.id, responseIds)))
      : [],
    paymentIds.length
      ? db
          .select({ id: payments.id, amountCents: payments.amountCents, currency: payments.currency })
          .from(payments)
          .where(and(eq(payments.practiceId, practiceId), inArray(payments.id, paymentIds)))
      : [],
    clientIds.length
      ? db
          .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
          .from(clients)
          .where(and(eq(clients.practiceId, practiceId), inArray(clients.id, clientIds)))
      : [],
  ]);
  const apptById = new Map(appts.map((a) => [a.id, a]));
  const namesByAppt = new Map<string, string[]>();
  for (const a of attendees) namesByAppt.set(a.appointmentId, [...(namesByAppt.get(a.appointmentId) ?? []), fullName(a)]);
  const formById = new Map(responses.map((r) => [r.id, r.title]));
  const payById = new Map(pays.map((p) => [p.id, p]));
  const clientById = new Map(people.map((c) => [c.id, fullName(c)]));

  const out = new Map<string, NoticeText>();
  for (const row of rows) {
    if (!isNotificationKind(row.kind)) continue;
    const title = TITLES[row.kind];
    const client = row.clientId ? (clientById.get(row.clientId) ?? null) : null;
    if (row.kind === "booking_new" || row.kind === "booking_changed" || row.kind === "booking_cancelled") {
      const appt = row.appointmentId ? apptById.get(row.appointmentId) : undefined;
      const when = appt ? formatDateTime(appt.startsAt, timeZone) : null;
      const names = row.appointmentId ? (namesByAppt.get(row.appointmentId) ?? []) : [];
      out.set(row.id, {
        title,
        detail: [names.join(" & ") || null, appt?.service ?? null, when].filter(Boolean).join(" · ") || null,
        emailLines: appt ? [`${appt.service}, ${when}`] : [],
        path: row.appointmentId ? `/schedule/${row.appointmentId}` : "/schedule",
      });
    } else if (row.kind === "form_completed") {
      const form = row.responseId ? formById.get(row.responseId) : undefined;
      out.set(row.id, {
        title,
        detail: client && form ? `${client} completed ${form}` : client,
        emailLines: [],
        path: row.responseId ? `/responses/${row.responseId}` : row.clientId ? `/clients/${row.clientId}` : "/clients",
      });
    } else if (row.kind === "plan_review") {
      // The email names nobody (no lines): that someone has a treatment plan is clinical.
      out.set(row.id, { title, detail: client ? `${client}'s treatment plan` : null, emailLines: [], path: row.clientId ? `/clients/${row.clientId}/plan` : "/clients" });
    } else if (row.kind === "safety_flag") {
      out.set(row.id, { title, detail: client, emailLines: [], path: row.clientId ? `/clients/${row.clientId}` : "/clients" });
    } else {
      const pay = row.paymentId ? payById.get(row.paymentId) : undefined;
      const amount = pay ? formatMoney(pay.amountCents, pay.currency) : null;
      out.set(row.id, {
        title,
        detail: [client, amount].filter(Boolean).join(" · ") || null,
        emailLines: amount ? [`Amount: ${amount}`] : [],
        path: row.paymentId ? `/billing/payments/${row.paymentId}` : "/billing",
      });
    }
  }
  return out;
}

function fullName(c: { firstName: string; lastName: string }): string {
  return [c.firstName, c.lastName].filter(Boolean).join(" ");
}
