import { and, eq, inArray, or } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { appointmentAttendees, appointments, clients, couples, practices, serviceBilling, services } from "@/db/schema";
import { asksSuperbillDetails } from "@/lib/clients/address-schema";
import { ownClientRecord } from "@/lib/clients/own-record";
import { chargeForBooking } from "@/lib/billing/booking-charge";
import { openBookingCheckouts } from "@/lib/billing/open-checkout";
import { checkoutMinutesFor } from "@/lib/billing/payment-plan";
import { recordAudit } from "@/lib/audit/record-audit";
import { bookingDetailsSchema } from "@/lib/booking/booking-schema";
import { awaitPayment, confirm } from "@/lib/booking/lifecycle";
import { TOKEN_PURPOSES, verifyToken } from "@/lib/tokens";
import { expired as expiredError, invalid, paymentFailed, type Expired, type Invalid, type PaymentFailed } from "@/lib/errors/domain-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { selfPayFrom } from "@/lib/gfe/self-pay-field";

export type ConfirmResult =
  | { ok: true; appointmentId: string; attendeeEmails: string[]; signedIn: boolean; credit?: boolean; payment?: { checkoutUrl: string | null; partnerEmailed: boolean } }
  | Invalid
  | Expired
  | PaymentFailed;

type Person = { firstName: string; lastName: string; email: string; phone: string | null };

/** Who is booking: a client signed in to their own portal at this practice, or nobody known. */
export interface Booker {
  /** The signed-in user's id (from the session, never from the request body). */
  userId: string | null;
}

/**
 * Turns a visitor's hold into a confirmed appointment.
 *
 * Identity is proven, never typed (decision 0012): a typed address gets a
 * fresh, unverified client record of its own, with no portal account, no
 * couple, no credits and no saved card, even when the practice already has
 * a client with that address. Each attendee's confirmation carries a link
 * that proves their address and joins the booking to their record. Only a
 * client signed in to their portal books as their own record, and only they
 * may spend their (or their couple's) session credits.
 *
 * A use case above booking and billing (lib/appointments): billing decides
 * the charge inside the booking's transaction, the lifecycle moves the hold
 * (to confirmed, or pending_payment) and queues what follows, and the
 * outbox runs for this appointment right after commit (its job retries).
 */
export async function confirmBooking(practiceId: string, input: unknown, now: Date, booker: Booker = { userId: null }): Promise<ConfirmResult> {
  const parsed = bookingDetailsSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const { holdToken, attendees, payer, useCredit, superbillDetails, timeZone: readerZone, usesInsurance } = parsed.data;
  const token = verifyToken(TOKEN_PURPOSES.hold, holdToken, now);
  if (!token.ok) return expired();
  const appointmentId = String((token.data as { appointmentId?: unknown }).appointmentId ?? "");
  const signedIn = booker.userId ? await ownClientRecord(practiceId, booker.userId) : null;
  if (useCredit && !signedIn) return invalid({ useCredit: ["Sign in to your portal to use your session credits"] });
  if (signedIn && attendees[1] && attendees[1].email === signedIn.email) {
    return invalid({ "attendees.1.email": ["Each partner needs their own email address"] });
  }

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
        country: practices.country,
        asks: serviceBilling.asksSuperbillDetails,
      })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(practices, eq(practices.id, appointments.practiceId))
      .leftJoin(serviceBilling, eq(serviceBilling.serviceId, services.id))
      .where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, practiceId)))
      .for("update", { of: appointments });
    if (!appt || appt.status !== "held" || !appt.holdExpiresAt || appt.holdExpiresAt <= now) return "expired" as const;
    if (appt.attendance === "couple" && attendees.length !== 2) {
      return fieldError("attendees", "A couple session needs both partners' names and email addresses");
    }
    if (appt.attendance === "individual" && attendees.length !== 1) {
      return fieldError("attendees", "This session is for one person");
    }
    if (asksSuperbillDetails(appt.asks) && !superbillDetails) {
      return fieldError("superbillDetails.dateOfBirth", "Date of birth is required");
    }
    // The signed-in client is the first attendee whatever was typed for them; everyone typed stands on their own.
    const clientIds: string[] = [];
    for (const [i, person] of attendees.entries()) {
      clientIds.push(i === 0 && signedIn ? signedIn.id : await createUnverifiedClient(tx, practiceId, person, now));
    }
    if (superbillDetails) {
      // What the service asked for goes on the booker's own record (typed just now, so it is theirs and current).
      const { dateOfBirth, ...address } = superbillDetails;
      await tx.update(clients).set({ dateOfBirth, ...address, updatedAt: now }).where(and(eq(clients.id, clientIds[0]!), eq(clients.practiceId, practiceId)));
    }
    // The insurance answer (US practices ask it) marks who is self-pay, before the outbox's GFE effect reads it.
    const selfPay = appt.country === "US" ? selfPayFrom(usesInsurance) : undefined;
    if (selfPay !== undefined) await tx.update(clients).set({ selfPay, updatedAt: now }).where(and(eq(clients.practiceId, practiceId), inArray(clients.id, clientIds)));
    // Both attendees read in the zone the booking page showed (one booking, one household's clock); null: the practice's.
    await tx
      .insert(appointmentAttendees)
      .values(clientIds.map((clientId) => ({ practiceId, appointmentId, clientId, provenAt: signedIn?.id === clientId ? now : null, timeZone: readerZone ?? null })));
    // Billing decides: a package credit (signed in, asked for), a checkout (the booking waits for payment), or nothing online.
    const charge = await chargeForBooking(tx, {
      practiceId,
      appointmentId,
      serviceId: appt.serviceId,
      clientIds,
      coupleId: null,
      credit: useCredit && signedIn ? { clientId: signedIn.id, coupleId: await coupleOf(tx, signedIn.id) } : null,
      payer: clientIds.length === 2 ? payer : "me",
      startsAt: appt.startsAt,
      timeZone: appt.timeZone,
      readerZone: readerZone ?? null,
      now,
    });
    // Thrown, not returned: the attendees written above must roll back with it.
    if (charge.kind === "no_credit") throw new Refused(fieldError("useCredit", "You have no session credit left for this service").errors);
    const moved = charge.kind === "payments" ? await awaitPayment(tx, { practiceId, appointmentId, now }) : await confirm(tx, { practiceId, appointmentId, now });
    if (!moved) return "expired" as const;
    await recordAudit(
      {
        practiceId,
        actor: signedIn ? { kind: "client", userId: booker.userId! } : { kind: "system" },
        action: "appointment.book",
        subjectType: "appointment",
        subjectId: appointmentId,
        detail: { clientIds, via: signedIn ? "portal" : "public", charge: charge.kind },
      },
      tx,
    );
    return { ok: true as const, charge, bookerClientId: clientIds[0]!, practiceName: appt.practiceName };
  }).catch((error: unknown) => {
    if (error instanceof Refused) return { ok: false as const, errors: error.errors };
    throw error;
  });
  if (outcome === "expired") return expired();
  if (!outcome.ok) {
    // A refused booking changes nothing: the transaction rolled back, the hold stands.
    return invalid(outcome.errors);
  }
  const emailedTo = attendees.map((a, i) => (i === 0 && signedIn ? signedIn.email : a.email));
  if (outcome.charge.kind === "payments") {
    // Never a confirmation before the payment: the checkout's completion confirms the booking.
    const expiresAt = new Date(now.getTime() + checkoutMinutesFor(outcome.charge.count, payer) * 60_000);
    const opened = await openBookingCheckouts({ appointmentId, practiceName: outcome.practiceName, bookerClientId: outcome.bookerClientId, expiresAt, now });
    if (!opened.ok) return paymentFailed(opened.message);
    return { ok: true, appointmentId, attendeeEmails: emailedTo, signedIn: Boolean(signedIn), payment: { checkoutUrl: opened.checkoutUrl, partnerEmailed: opened.partnerEmailed } };
  }
  // The confirmation (with .ics) and the service's forms, from the outbox row written with the change.
  await runAppointmentEvents(now, { appointmentId });
  return { ok: true, appointmentId, attendeeEmails: emailedTo, signedIn: Boolean(signedIn), credit: outcome.charge.kind === "credit" };
}

/** A refusal found after writing: thrown so the transaction rolls back. */
class Refused extends Error {
  constructor(readonly errors: FieldErrors) {
    super("booking refused");
  }
}

function expired(): Expired {
  return expiredError("Your hold on this time ran out. Please choose a time again.");
}

async function coupleOf(tx: Tx, clientId: string): Promise<string | null> {
  const [row] = await tx.select({ id: couples.id }).from(couples).where(or(eq(couples.clientAId, clientId), eq(couples.clientBId, clientId)));
  return row?.id ?? null;
}

/**
 * A typed attendee's own record: unverified, no portal account, never
 * matched to an existing client by the address (that would hand a stranger
 * the client's record; and telling the visitor whether an address is known
 * would disclose who is a client of the practice).
 */
async function createUnverifiedClient(tx: Tx, practiceId: string, person: Person, now: Date): Promise<string> {
  const [created] = await tx
    .insert(clients)
    .values({ practiceId, userId: null, firstName: person.firstName, lastName: person.lastName, email: person.email, phone: person.phone, unverifiedSince: now })
    .returning({ id: clients.id });
  return created!.id;
}
