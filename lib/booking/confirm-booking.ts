import { and, eq, inArray, or } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { appointmentAttendees, appointments, clients, couples, practices, services } from "@/db/schema";
import { chargeForBooking } from "@/lib/billing/booking-charge";
import { openBookingCheckouts } from "@/lib/billing/open-checkout";
import { checkoutMinutesFor } from "@/lib/billing/payment-plan";
import { recordAudit } from "@/lib/audit/record-audit";
import { upsertUserByEmail } from "@/lib/clients/upsert-portal-user";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { bookingDetailsSchema } from "./booking-schema";
import { verifyToken } from "./manage-token";
import { assignFormsAfterBooking } from "@/lib/intake/assign-forms";
import { notifyAttendees } from "./notify-attendees";
import { transitionAppointment } from "./transition-appointment";

export type ConfirmResult =
  | { ok: true; appointmentId: string; attendeeEmails: string[]; payment?: { checkoutUrl: string | null; partnerEmailed: boolean } }
  | { ok: false; status: 400; errors: FieldErrors }
  | { ok: false; status: 410 | 502; message: string };

type Person = { firstName: string; lastName: string; email: string; phone: string | null };

/**
 * Turns a visitor's hold into a confirmed appointment: each attendee gets
 * their own client record (a returning client is matched by email within the
 * practice) with portal access, two attendees become (or reuse) a couple,
 * then each gets a confirmation with their own manage link.
 */
export async function confirmBooking(practiceId: string, input: unknown, now: Date): Promise<ConfirmResult> {
  const parsed = bookingDetailsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: zodFieldErrors(parsed.error) };
  const { holdToken, attendees, payer } = parsed.data;
  const token = verifyToken("hold", holdToken, now);
  if (!token.ok) return expired();
  const appointmentId = String((token.data as { appointmentId?: unknown }).appointmentId ?? "");

  const outcome = await db.transaction(async (tx) => {
    const [appt] = await tx
      .select({
        id: appointments.id,
        status: appointments.status,
        holdExpiresAt: appointments.holdExpiresAt,
        attendance: services.attendance,
        serviceId: appointments.serviceId,
        startsAt: appointments.startsAt,
        practiceName: practices.name,
        timeZone: practices.timeZone,
      })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(practices, eq(practices.id, appointments.practiceId))
      .where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, practiceId)))
      .for("update", { of: appointments });
    if (!appt || appt.status !== "held" || !appt.holdExpiresAt || appt.holdExpiresAt <= now) return "expired" as const;
    if (appt.attendance === "couple" && attendees.length !== 2) {
      return fieldError("attendees", "A couple session needs both partners' names and email addresses");
    }
    if (appt.attendance === "individual" && attendees.length !== 1) {
      return fieldError("attendees", "This session is for one person");
    }
    const clientIds = [];
    for (const person of attendees) clientIds.push(await findOrCreateClient(tx, practiceId, person));
    const coupleId = clientIds.length === 2 ? await findOrLinkCouple(tx, practiceId, clientIds[0]!, clientIds[1]!) : null;
    await tx.insert(appointmentAttendees).values(clientIds.map((clientId) => ({ practiceId, appointmentId, clientId })));
    if (coupleId) await tx.update(appointments).set({ coupleId }).where(eq(appointments.id, appointmentId));
    // Billing decides: a package credit, a checkout (the booking waits for payment), or nothing online.
    const charge = await chargeForBooking(tx, {
      practiceId,
      appointmentId,
      serviceId: appt.serviceId,
      clientIds,
      coupleId,
      payer: clientIds.length === 2 ? payer : "me",
      startsAt: appt.startsAt,
      timeZone: appt.timeZone,
      now,
    });
    const to = charge.kind === "payments" ? "pending_payment" : "confirmed";
    if (!(await transitionAppointment(tx, { practiceId, appointmentId, to, now }))) return "expired" as const;
    await recordAudit(
      { practiceId, actor: { kind: "system" }, action: "appointment.book", subjectType: "appointment", subjectId: appointmentId, detail: { clientIds, via: "public", charge: charge.kind } },
      tx,
    );
    return { ok: true as const, charge, bookerClientId: clientIds[0]!, practiceName: appt.practiceName };
  });
  if (outcome === "expired") return expired();
  if (!outcome.ok) return { ok: false, status: 400, errors: outcome.errors };
  if (outcome.charge.kind === "payments") {
    // Never a confirmation before the payment: the checkout's completion confirms the booking.
    const expiresAt = new Date(now.getTime() + checkoutMinutesFor(outcome.charge.count, payer) * 60_000);
    const opened = await openBookingCheckouts({ appointmentId, practiceName: outcome.practiceName, bookerClientId: outcome.bookerClientId, expiresAt, now });
    if (!opened.ok) return { ok: false, status: 502, message: opened.message };
    return { ok: true, appointmentId, attendeeEmails: attendees.map((a) => a.email), payment: { checkoutUrl: opened.checkoutUrl, partnerEmailed: opened.partnerEmailed } };
  }
  await assignFormsAfterBooking(appointmentId, now);
  await notifyAttendees(appointmentId, { kind: "confirmation" }, now);
  return { ok: true, appointmentId, attendeeEmails: attendees.map((a) => a.email) };
}

function expired(): { ok: false; status: 410; message: string } {
  return { ok: false, status: 410, message: "Your hold on this time ran out. Please choose a time again." };
}

async function findOrCreateClient(tx: Tx, practiceId: string, person: Person): Promise<string> {
  const userId = await upsertUserByEmail(tx, person.email, `${person.firstName} ${person.lastName}`);
  const [existing] = await tx
    .select({ id: clients.id, userId: clients.userId, phone: clients.phone })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), eq(clients.email, person.email)))
    .for("update");
  if (existing) {
    // A returning client keeps their record; fill in what was missing.
    if (!existing.userId || (!existing.phone && person.phone)) {
      await tx
        .update(clients)
        .set({ userId: existing.userId ?? userId, phone: existing.phone ?? person.phone, updatedAt: new Date() })
        .where(eq(clients.id, existing.id));
    }
    return existing.id;
  }
  const [created] = await tx
    .insert(clients)
    .values({ practiceId, userId, firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone })
    .returning({ id: clients.id });
  return created!.id;
}

/** The couple these two already form, or a new one if neither is in a couple. */
async function findOrLinkCouple(tx: Tx, practiceId: string, first: string, second: string): Promise<string | null> {
  const [a, b] = [first, second].sort() as [string, string];
  const existing = await tx
    .select({ id: couples.id, clientAId: couples.clientAId, clientBId: couples.clientBId })
    .from(couples)
    .where(and(eq(couples.practiceId, practiceId), or(inArray(couples.clientAId, [a, b]), inArray(couples.clientBId, [a, b]))));
  const together = existing.find((c) => c.clientAId === a && c.clientBId === b);
  if (together) return together.id;
  // One of them is linked with someone else: book them together, leave the
  // links for the practice to sort out.
  if (existing.length > 0) return null;
  const [created] = await tx.insert(couples).values({ practiceId, clientAId: a, clientBId: b }).returning({ id: couples.id });
  return created!.id;
}
