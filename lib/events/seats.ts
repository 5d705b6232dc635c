import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { clients, eventRegistrations, eventSessions, eventWaitlist, groupEvents, payments, practices, type EventRegistration, type GroupEvent } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { openCheckout } from "@/lib/billing/open-checkout";
import { practiceStripe } from "@/lib/billing/practice-billing";
import { queueSystemRefund, submitRefund } from "@/lib/billing/refunds";
import { expireCheckout } from "@/lib/billing/sync-payments";
import { pgError, logError } from "@/lib/db/pg-error";
import { conflict, expired, invalid, notFound, paymentFailed, type Conflict, type Expired, type Invalid, type NotFound, type PaymentFailed } from "@/lib/errors/domain-error";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { coupleIdOf, eventCreditsHeld, eventCreditsLeft, returnEventCredits, takeEventCredits } from "@/lib/billing/event-credits";
import { ownClientRecord } from "@/lib/clients/own-record";
import { env } from "@/lib/env";
import { TOKEN_PURPOSES, signToken, verifyToken } from "@/lib/tokens";
import { eventSignUpSchema } from "./event-schema";
import { queueEventNotice, queueEventReminders, queueForAttendees, sendEventNotices } from "./notices";

/**
 * Seats of group events (decision 0055). The database keeps the count
 * (group_events.seats_taken, moved by a trigger whenever a registration
 * enters or leaves held/confirmed) and refuses the statement that would pass
 * the capacity (group_events_seats_within_capacity): however many buyers race
 * for the last seat, one statement wins it and the others are told "full"
 * and offered the waitlist. Everything here passes `now`; nothing sleeps.
 */

/** How long Checkout keeps a paid seat: Stripe's shortest checkout (30 minutes). */
export const CHECKOUT_HOLD_MINUTES = 30;
/** How long a waitlist offer holds its seat. */
export const OFFER_HOLD_HOURS = 12;

const SEATS_FULL = "group_events_seats_within_capacity";
const EVENT_CLOSED = "group_events_open";

export type SignUpResult =
  | { ok: true; status: "confirmed"; registrationId: string; emailedTo: string[]; credits: number }
  | { ok: true; status: "awaiting_payment"; registrationId: string; checkoutUrl: string; holdExpiresAt: Date }
  | { ok: true; status: "waitlisted"; waitlistId: string; placeInLine: number }
  | Invalid
  | NotFound
  | Conflict<"closed">
  | PaymentFailed;

interface Follow {
  refundIds: string[];
  expireSessions: { sessionId: string; account: string | null }[];
}
const follow = (): Follow => ({ refundIds: [], expireSessions: [] });

/** After commit: Stripe refunds and checkouts to close, then the queued emails. */
async function runFollow(f: Follow, now: Date): Promise<void> {
  for (const id of f.refundIds) await submitRefund(id, now).catch((e) => logError("events", `refund ${id} failed`, e));
  for (const s of f.expireSessions) await expireCheckout(s.sessionId, s.account, now).catch((e) => logError("events", `expire ${s.sessionId} failed`, e));
  await sendEventNotices(now).catch((e) => logError("events", "notices failed", e));
}

function manageUrl(slug: string, registrationId: string, until: Date): string {
  return new URL(`/book/${slug}/events/manage?t=${encodeURIComponent(signToken(TOKEN_PURPOSES.eventManage, { registrationId }, until))}`, env.APP_URL).toString();
}
function offerUrl(slug: string, registrationId: string, until: Date): string {
  return new URL(`/book/${slug}/events/offer?t=${encodeURIComponent(signToken(TOKEN_PURPOSES.eventOffer, { registrationId }, until))}`, env.APP_URL).toString();
}

async function lastEnd(tx: Tx | typeof db, eventId: string): Promise<{ first: Date | null; last: Date | null }> {
  const [row] = await tx
    .select({ first: sql<Date | null>`min(${eventSessions.startsAt})`, last: sql<Date | null>`max(${eventSessions.endsAt})` })
    .from(eventSessions)
    .where(eq(eventSessions.eventId, eventId));
  return { first: row?.first ? new Date(row.first) : null, last: row?.last ? new Date(row.last) : null };
}

/** Queues the confirmation for each attendee, with their own manage link. */
async function queueConfirmed(tx: Tx, reg: EventRegistration, slug: string, now: Date) {
  const { last } = await lastEnd(tx, reg.eventId);
  const until = last && last > now ? last : new Date(now.getTime() + 86_400_000);
  await queueForAttendees(tx, reg, "confirmed", { eventId: reg.eventId, actionUrl: manageUrl(slug, reg.id, until) });
}

/**
 * Public sign-up: an individual (one seat) or a couple (two seats, one
 * booking, each partner their own unverified client record, as for a
 * booking: decision 0012). A portal session (from the cookie, never the body)
 * signs up as that client and may pay with package credits, one a seat
 * (decision 0060). Free or paid by credits: confirmed at once. Paid: the
 * seats are held while Checkout is open; its completion confirms them.
 * Full: a waitlist place (credits are spent when the offer is taken).
 */
export async function signUp(practiceId: string, eventId: string, input: unknown, now: Date, booker: { userId: string | null } = { userId: null }): Promise<SignUpResult> {
  const parsed = eventSignUpSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const people = parsed.data.attendees;
  const seats = people.length;
  const useCredit = parsed.data.useCredit;

  const [event] = await db
    .select({ event: groupEvents, slug: practices.slug, practiceName: practices.name })
    .from(groupEvents)
    .innerJoin(practices, eq(practices.id, groupEvents.practiceId))
    .where(and(eq(groupEvents.id, eventId), eq(groupEvents.practiceId, practiceId)));
  if (!event) return notFound("That event was not found.");
  if (event.event.status !== "scheduled" || event.event.signupCutoff <= now) return conflict("closed", "Sign-up for this event has closed.");
  const signedIn = booker.userId ? await ownClientRecord(practiceId, booker.userId) : null;
  const creditPackageId = event.event.creditPackageId;
  if (useCredit && !creditPackageId) return invalid({ useCredit: ["This event does not take package credits"] });
  if (useCredit && !signedIn) return invalid({ useCredit: ["Sign in to your portal to use your package credits"] });
  if (!useCredit && creditPackageId && event.event.priceCents === null) return invalid({ useCredit: ["Seats for this event are paid with a package credit: sign in to your portal to use yours"] });
  if (signedIn && people[1] && people[1].email === signedIn.email) return invalid({ "attendees.1.email": ["Each partner needs their own email address"] });
  // Told now rather than when a waitlist offer comes; the transaction below checks again under a lock.
  if (useCredit && signedIn && creditPackageId && (await eventCreditsLeft({ practiceId, packageId: creditPackageId, clientId: signedIn.id, now })) < seats) return invalid({ useCredit: [noCreditMessage(seats)] });
  const paid = !useCredit && event.event.priceCents !== null && (await practiceStripe(practiceId)).canTakePayments;

  const f = follow();
  const outcome = await db
    .transaction(async (tx) => {
      // Lapsed holds give their seats back first, and the waitlist is offered them before a newcomer.
      await releaseLapsed(tx, eventId, now, f);
      await offerFreedSeats(tx, eventId, event.slug, now);
      const ids: string[] = [];
      for (const [i, p] of people.entries()) {
        // The signed-in client is the first attendee whatever was typed for them.
        if (i === 0 && signedIn) {
          ids.push(signedIn.id);
          continue;
        }
        const [c] = await tx
          .insert(clients)
          .values({ practiceId, userId: null, firstName: p.firstName, lastName: p.lastName, email: p.email, unverifiedSince: now })
          .returning({ id: clients.id });
        ids.push(c!.id);
      }
      const holdExpiresAt = paid ? new Date(now.getTime() + CHECKOUT_HOLD_MINUTES * 60_000) : null;
      let reg: EventRegistration | null = null;
      try {
        // A savepoint: a refusal by the seat check rolls back only the registration, and the people join the waitlist.
        reg = await tx.transaction(async (sp) => {
          const [row] = await sp
            .insert(eventRegistrations)
            .values({ practiceId, eventId, clientId: ids[0]!, partnerClientId: ids[1] ?? null, seats, status: paid ? "held" : "confirmed", holdExpiresAt, createdAt: now, updatedAt: now })
            .returning();
          return row!;
        });
      } catch (error) {
        const e = pgError(error);
        if (e?.constraint === EVENT_CLOSED) return { kind: "closed" as const };
        if (e?.constraint !== SEATS_FULL) throw error;
      }
      if (!reg) {
        const [entry] = await tx
          .insert(eventWaitlist)
          .values({ practiceId, eventId, clientId: ids[0]!, partnerClientId: ids[1] ?? null, seats, createdAt: now, updatedAt: now })
          .returning({ id: eventWaitlist.id, position: eventWaitlist.position });
        const [{ ahead } = { ahead: 0 }] = await tx
          .select({ ahead: sql<number>`count(*)::int` })
          .from(eventWaitlist)
          .where(and(eq(eventWaitlist.eventId, eventId), eq(eventWaitlist.status, "waiting"), sql`${eventWaitlist.position} < ${entry!.position}`));
        await recordAudit({ practiceId, actor: { kind: "system" }, action: "event.waitlist_join", subjectType: "group_event", subjectId: eventId, detail: { waitlistId: entry!.id, seats } }, tx);
        return { kind: "waitlisted" as const, waitlistId: entry!.id, placeInLine: ahead + 1 };
      }
      if (useCredit && signedIn && creditPackageId) {
        const owner = { clientId: signedIn.id, coupleId: await coupleIdOf(signedIn.id, tx) };
        const taken = await takeEventCredits(tx, { practiceId, registrationId: reg.id, eventId, packageId: creditPackageId, seats, owner, now });
        // Thrown, not returned: the registration (and its seats) must roll back with it.
        if (!taken) throw new Refused({ useCredit: [noCreditMessage(seats)] });
      }
      await recordAudit(
        { practiceId, actor: signedIn ? { kind: "client", userId: booker.userId! } : { kind: "system" }, action: "event.sign_up", subjectType: "group_event", subjectId: eventId, detail: { registrationId: reg.id, seats, paid, credits: useCredit ? seats : 0 } },
        tx,
      );
      if (!paid) {
        await queueConfirmed(tx, reg, event.slug, now);
        return { kind: "confirmed" as const, reg };
      }
      const account = await practiceStripe(practiceId, tx);
      const [payment] = await tx
        .insert(payments)
        .values({
          practiceId,
          kind: "event_seat",
          amountCents: event.event.priceCents! * seats,
          currency: event.event.currency,
          clientId: ids[0]!,
          eventRegistrationId: reg.id,
          description: `${event.event.title} (${seats === 2 ? "2 seats" : "1 seat"})`,
          stripeAccountId: account.stripeAccountId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      return { kind: "payment" as const, reg, payment: payment! };
    })
    .catch((error: unknown) => {
      if (error instanceof Refused) return { kind: "refused" as const, errors: error.errors };
      throw error;
    });
  if (outcome.kind === "refused") return invalid(outcome.errors);
  if (outcome.kind === "closed") {
    await runFollow(f, now);
    return conflict("closed", "Sign-up for this event has closed.");
  }
  if (outcome.kind === "waitlisted") {
    await runFollow(f, now);
    return { ok: true, status: "waitlisted", waitlistId: outcome.waitlistId, placeInLine: outcome.placeInLine };
  }
  if (outcome.kind === "confirmed") {
    await runFollow(f, now);
    return { ok: true, status: "confirmed", registrationId: outcome.reg.id, emailedTo: people.map((p) => p.email), credits: useCredit ? seats : 0 };
  }
  const opened = await openSeatCheckout(outcome.payment, outcome.reg, event.slug, event.practiceName, now);
  await runFollow(f, now);
  return opened.ok ? { ok: true, status: "awaiting_payment", registrationId: outcome.reg.id, checkoutUrl: opened.url, holdExpiresAt: opened.expiresAt } : opened;
}

function noCreditMessage(seats: number): string {
  return seats === 2 ? "Two seats need two package credits, and you have fewer left" : "You have no package credit left for this event";
}

/** A refusal found after writing: thrown so the transaction rolls back. */
class Refused extends Error {
  constructor(readonly errors: FieldErrors) {
    super("sign-up refused");
  }
}

/** Opens Checkout for a seat payment; the hold lasts as long as Checkout can be paid. Stripe failing frees the seats. */
async function openSeatCheckout(
  payment: typeof payments.$inferSelect,
  reg: EventRegistration,
  slug: string,
  practiceName: string,
  now: Date,
): Promise<{ ok: true; url: string; expiresAt: Date } | PaymentFailed> {
  const expiresAt = new Date(Math.max(now.getTime() + CHECKOUT_HOLD_MINUTES * 60_000, reg.holdExpiresAt?.getTime() ?? 0));
  try {
    const opened = await openCheckout(payment, { practiceName, expiresAt, successPath: "/pay/return", cancelPath: `/pay/${payment.id}/cancel` });
    await db
      .update(eventRegistrations)
      .set({ holdExpiresAt: new Date(Math.max(opened.expiresAt.getTime(), reg.holdExpiresAt?.getTime() ?? 0)), updatedAt: now })
      .where(and(eq(eventRegistrations.id, reg.id), eq(eventRegistrations.status, "held")));
    return { ok: true, url: opened.url, expiresAt: opened.expiresAt };
  } catch (error) {
    logError("events", `checkout for registration ${reg.id} failed`, error);
    await db.transaction(async (tx) => {
      await tx.update(payments).set({ status: "cancelled", failureMessage: "Checkout could not be opened", updatedAt: now }).where(and(eq(payments.id, payment.id), eq(payments.status, "pending")));
      await tx.update(eventRegistrations).set({ status: "expired", updatedAt: now }).where(and(eq(eventRegistrations.id, reg.id), eq(eventRegistrations.status, "held")));
      await offerFreedSeats(tx, reg.eventId, slug, now);
    });
    return paymentFailed("The payment page could not be opened, so your seat was released. Please try again.");
  }
}

/** Held registrations past their hold give their seats back; their open checkouts are closed after commit. */
async function releaseLapsed(tx: Tx, eventId: string, now: Date, f: Follow): Promise<number> {
  const lapsed = await tx
    .update(eventRegistrations)
    .set({ status: "expired", updatedAt: now })
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "held"), lte(eventRegistrations.holdExpiresAt, now)))
    .returning({ id: eventRegistrations.id });
  if (lapsed.length === 0) return 0;
  const ids = lapsed.map((r) => r.id);
  await tx.update(eventWaitlist).set({ status: "expired", updatedAt: now }).where(and(inArray(eventWaitlist.registrationId, ids), eq(eventWaitlist.status, "offered")));
  const open = await tx
    .select({ sessionId: payments.stripeCheckoutSessionId, account: payments.stripeAccountId })
    .from(payments)
    .where(and(inArray(payments.eventRegistrationId, ids), eq(payments.status, "pending")));
  for (const p of open) if (p.sessionId) f.expireSessions.push({ sessionId: p.sessionId, account: p.account });
  return lapsed.length;
}

/**
 * Offers free seats to the waitlist in order: the first in line whose party
 * fits (a couple waiting for two seats keeps its place while one seat goes to
 * the next single person), each offer a held registration with its own link.
 */
export async function offerFreedSeats(tx: Tx, eventId: string, slug: string, now: Date): Promise<number> {
  const [event] = await tx.select().from(groupEvents).where(eq(groupEvents.id, eventId)).for("update");
  if (!event || event.status !== "scheduled" || event.signupCutoff <= now) return 0;
  let free = event.capacity - event.seatsTaken;
  let offered = 0;
  if (free <= 0) return 0;
  const { first } = await lastEnd(tx, eventId);
  const waiting = await tx.select().from(eventWaitlist).where(and(eq(eventWaitlist.eventId, eventId), eq(eventWaitlist.status, "waiting"))).orderBy(asc(eventWaitlist.position));
  for (const w of waiting) {
    if (free <= 0) break;
    if (w.seats > free) continue;
    const cap = Math.min(now.getTime() + OFFER_HOLD_HOURS * 3_600_000, event.signupCutoff.getTime(), first?.getTime() ?? Infinity);
    const holdExpiresAt = new Date(cap);
    const [reg] = await tx
      .insert(eventRegistrations)
      .values({ practiceId: event.practiceId, eventId, clientId: w.clientId, partnerClientId: w.partnerClientId, seats: w.seats, status: "held", holdExpiresAt, createdAt: now, updatedAt: now })
      .returning();
    await tx.update(eventWaitlist).set({ status: "offered", registrationId: reg!.id, offeredAt: now, updatedAt: now }).where(eq(eventWaitlist.id, w.id));
    // The booker answers the offer; one message, to them.
    await queueEventNotice(tx, {
      practiceId: event.practiceId,
      key: `event:offer:${reg!.id}`,
      clientId: w.clientId,
      registrationId: reg!.id,
      kind: "offer",
      data: { eventId, actionUrl: offerUrl(slug, reg!.id, holdExpiresAt), holdUntil: holdExpiresAt.toISOString() },
    });
    await recordAudit({ practiceId: event.practiceId, actor: { kind: "system" }, action: "event.waitlist_offer", subjectType: "group_event", subjectId: eventId, detail: { waitlistId: w.id, registrationId: reg!.id } }, tx);
    free -= w.seats;
    offered++;
  }
  return offered;
}

export type AcceptOfferResult =
  | { ok: true; status: "confirmed"; registrationId: string }
  | { ok: true; status: "awaiting_payment"; registrationId: string; checkoutUrl: string }
  | Expired
  | NotFound
  | PaymentFailed
  | Conflict<"no_credit">;

/** The waitlisted person takes the offered place: free, confirmed; paid, on to Checkout with the same hold. After the hold: refused. */
export async function acceptOffer(practiceId: string, token: string, now: Date): Promise<AcceptOfferResult> {
  const verified = verifyToken<{ registrationId?: string }>(TOKEN_PURPOSES.eventOffer, token, now);
  if (!verified.ok) return expired(verified.reason === "expired" ? "This offer has expired; the place has passed to the next person on the waitlist." : "This link is not valid.");
  const registrationId = String(verified.data.registrationId ?? "");
  const f = follow();
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ reg: eventRegistrations, event: groupEvents, slug: practices.slug, practiceName: practices.name })
      .from(eventRegistrations)
      .innerJoin(groupEvents, eq(groupEvents.id, eventRegistrations.eventId))
      .innerJoin(practices, eq(practices.id, eventRegistrations.practiceId))
      .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.practiceId, practiceId)))
      .for("update", { of: eventRegistrations });
    if (!row) return { kind: "missing" as const };
    if (row.reg.status === "confirmed") return { kind: "confirmed" as const, reg: row.reg };
    if (row.reg.status !== "held" || !row.reg.holdExpiresAt || row.reg.holdExpiresAt <= now) {
      await releaseLapsed(tx, row.reg.eventId, now, f);
      await offerFreedSeats(tx, row.reg.eventId, row.slug, now);
      return { kind: "expired" as const };
    }
    // An event that takes credits spends the waitlisted client's (or their couple's) first, one a seat (decision 0060).
    const packageId = row.event.creditPackageId;
    const byCredit =
      packageId !== null &&
      (await takeEventCredits(tx, {
        practiceId,
        registrationId,
        eventId: row.event.id,
        packageId,
        seats: row.reg.seats,
        owner: { clientId: row.reg.clientId, coupleId: await coupleIdOf(row.reg.clientId, tx) },
        now,
      }));
    if (packageId !== null && !byCredit && row.event.priceCents === null) return { kind: "no_credit" as const };
    await tx.update(eventWaitlist).set({ status: "accepted", updatedAt: now }).where(and(eq(eventWaitlist.registrationId, registrationId), eq(eventWaitlist.status, "offered")));
    const paid = !byCredit && row.event.priceCents !== null && (await practiceStripe(practiceId, tx)).canTakePayments;
    if (!paid) {
      const [reg] = await tx.update(eventRegistrations).set({ status: "confirmed", holdExpiresAt: null, updatedAt: now }).where(eq(eventRegistrations.id, registrationId)).returning();
      await queueConfirmed(tx, reg!, row.slug, now);
      return { kind: "confirmed" as const, reg: reg! };
    }
    const [existing] = await tx.select().from(payments).where(and(eq(payments.eventRegistrationId, registrationId), eq(payments.status, "pending")));
    const account = await practiceStripe(practiceId, tx);
    const payment =
      existing ??
      (
        await tx
          .insert(payments)
          .values({
            practiceId,
            kind: "event_seat",
            amountCents: row.event.priceCents! * row.reg.seats,
            currency: row.event.currency,
            clientId: row.reg.clientId,
            eventRegistrationId: registrationId,
            description: `${row.event.title} (${row.reg.seats === 2 ? "2 seats" : "1 seat"})`,
            stripeAccountId: account.stripeAccountId,
            createdAt: now,
            updatedAt: now,
          })
          .returning()
      )[0]!;
    return { kind: "payment" as const, reg: row.reg, payment, slug: row.slug, practiceName: row.practiceName };
  });
  if (result.kind === "missing") return notFound("That offer was not found.");
  if (result.kind === "no_credit") return conflict("no_credit", "Taking this place needs a package credit for each seat, and you have fewer left. Buy the package in your portal, then open this link again while the offer lasts.");
  if (result.kind === "expired") {
    await runFollow(f, now);
    return expired("This offer has expired; the place has passed to the next person on the waitlist.");
  }
  if (result.kind === "confirmed") {
    await runFollow(f, now);
    return { ok: true, status: "confirmed", registrationId: result.reg.id };
  }
  if (result.payment.checkoutUrl && result.payment.checkoutExpiresAt && result.payment.checkoutExpiresAt > now) {
    return { ok: true, status: "awaiting_payment", registrationId: result.reg.id, checkoutUrl: result.payment.checkoutUrl };
  }
  const opened = await openSeatCheckout(result.payment, result.reg, result.slug, result.practiceName, now);
  await runFollow(f, now);
  return opened.ok ? { ok: true, status: "awaiting_payment", registrationId: result.reg.id, checkoutUrl: opened.url } : opened;
}

// ---------------------------------------------------------------------------
// Billing's hooks (lib/billing/sync-payments.ts calls these inside its transaction).

/** A seat payment succeeded: the held seats are confirmed; if the hold had ended (or the event was cancelled), the money goes back. */
export async function settleEventSeat(tx: Tx, payment: { id: string; amountCents: number; eventRegistrationId: string | null }, now: Date, refundIds: string[]): Promise<void> {
  if (!payment.eventRegistrationId) return;
  const [row] = await tx
    .select({ reg: eventRegistrations, slug: practices.slug, eventStatus: groupEvents.status })
    .from(eventRegistrations)
    .innerJoin(groupEvents, eq(groupEvents.id, eventRegistrations.eventId))
    .innerJoin(practices, eq(practices.id, eventRegistrations.practiceId))
    .where(eq(eventRegistrations.id, payment.eventRegistrationId))
    .for("update", { of: eventRegistrations });
  if (!row) return;
  if (row.reg.status === "held" && row.eventStatus === "scheduled") {
    const [reg] = await tx.update(eventRegistrations).set({ status: "confirmed", holdExpiresAt: null, updatedAt: now }).where(eq(eventRegistrations.id, row.reg.id)).returning();
    await tx.update(eventWaitlist).set({ status: "accepted", updatedAt: now }).where(and(eq(eventWaitlist.registrationId, row.reg.id), eq(eventWaitlist.status, "offered")));
    await queueConfirmed(tx, reg!, row.slug, now);
    await recordAudit({ practiceId: reg!.practiceId, actor: { kind: "system" }, action: "event.seat_paid", subjectType: "group_event", subjectId: reg!.eventId, detail: { registrationId: reg!.id } }, tx);
    return;
  }
  if (row.reg.status === "held" || row.reg.status === "expired" || row.reg.status === "cancelled" || row.reg.status === "refunded") {
    // Paid after the seats were released (or the event was cancelled): the seats cannot stand, the money goes back once.
    if (row.reg.status === "held") await tx.update(eventRegistrations).set({ status: "refunded", updatedAt: now }).where(eq(eventRegistrations.id, row.reg.id));
    const refundId = await queueSystemRefund(tx, payment.id, payment.amountCents, "The seat had been released before this payment arrived", now);
    if (refundId) refundIds.push(refundId);
  }
}

/** A seat checkout expired unpaid: the seats go back and the waitlist is offered them. */
export async function releaseEventSeat(tx: Tx, payment: { eventRegistrationId: string | null }, now: Date): Promise<void> {
  if (!payment.eventRegistrationId) return;
  const [reg] = await tx
    .update(eventRegistrations)
    .set({ status: "expired", updatedAt: now })
    .where(and(eq(eventRegistrations.id, payment.eventRegistrationId), eq(eventRegistrations.status, "held")))
    .returning();
  if (!reg) return;
  await tx.update(eventWaitlist).set({ status: "expired", updatedAt: now }).where(and(eq(eventWaitlist.registrationId, reg.id), eq(eventWaitlist.status, "offered")));
  const [p] = await tx.select({ slug: practices.slug }).from(practices).where(eq(practices.id, reg.practiceId));
  await offerFreedSeats(tx, reg.eventId, p!.slug, now);
}

// ---------------------------------------------------------------------------
// Cancelling.

/**
 * Refunds a registration's paid seats (whatever is left of each payment:
 * queueSystemRefund never refunds past the amount, so a second call refunds
 * nothing) and closes open checkouts. Returns whether anything was paid.
 */
async function refundRegistration(tx: Tx, registrationId: string, reason: string, now: Date, f: Follow): Promise<boolean> {
  const rows = await tx.select().from(payments).where(eq(payments.eventRegistrationId, registrationId));
  let paid = false;
  for (const p of rows) {
    if (p.status === "succeeded") {
      paid = true;
      const id = await queueSystemRefund(tx, p.id, p.amountCents, reason, now);
      if (id) f.refundIds.push(id);
    }
    if (p.status === "pending" && p.stripeCheckoutSessionId) f.expireSessions.push({ sessionId: p.stripeCheckoutSessionId, account: p.stripeAccountId });
  }
  return paid;
}

export type CancelEventResult = { ok: true; alreadyCancelled: boolean; refunded: number; creditsReturned: number; notified: number } | NotFound;

/** Staff cancel a whole event: every paid seat refunded once, every attendee told in their own email, the waitlist closed. */
export async function cancelEventSeats(practiceId: string, eventId: string, actor: { userId: string }, now: Date): Promise<CancelEventResult> {
  const f = follow();
  const result = await db.transaction(async (tx) => {
    const [event] = await tx.select().from(groupEvents).where(and(eq(groupEvents.id, eventId), eq(groupEvents.practiceId, practiceId))).for("update");
    if (!event) return null;
    if (event.status === "cancelled") return { alreadyCancelled: true, refunded: 0, creditsReturned: 0, notified: 0 };
    await tx.update(groupEvents).set({ status: "cancelled", cancelledAt: now, updatedAt: now }).where(eq(groupEvents.id, eventId));
    const live = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ["held", "confirmed"])));
    let refunded = 0;
    let notified = 0;
    let creditsReturned = 0;
    for (const reg of live) {
      const paid = await refundRegistration(tx, reg.id, `${event.title} was cancelled by the practice`, now, f);
      if (paid) refunded++;
      const credits = await returnEventCredits(tx, reg.id, now);
      creditsReturned += credits;
      await tx.update(eventRegistrations).set({ status: paid ? "refunded" : reg.status === "held" ? "expired" : "cancelled", cancelledAt: now, holdExpiresAt: null, updatedAt: now }).where(eq(eventRegistrations.id, reg.id));
      if (reg.status === "confirmed") {
        await queueForAttendees(tx, reg, "event-cancelled", { eventId, refunded: paid ? 1 : 0, creditsReturned: credits });
        notified++;
      }
    }
    await tx.update(eventWaitlist).set({ status: "left", updatedAt: now }).where(and(eq(eventWaitlist.eventId, eventId), inArray(eventWaitlist.status, ["waiting", "offered"])));
    await recordAudit({ practiceId, actor: { kind: "member", userId: actor.userId }, action: "event.cancel", subjectType: "group_event", subjectId: eventId, detail: { refunded, creditsReturned, registrations: live.length } }, tx);
    return { alreadyCancelled: false, refunded, creditsReturned, notified };
  });
  if (!result) return notFound("That event was not found.");
  await runFollow(f, now);
  return { ok: true, ...result };
}

export type CancelRegistrationResult = { ok: true; refunded: boolean; creditsReturned: number } | Expired | NotFound | Conflict<"not_live">;

/**
 * An attendee cancels their place from the link in their email: refunded in
 * full until the policy's hours before the first date, not after; the seats
 * go to the waitlist either way.
 */
export async function cancelRegistration(practiceId: string, token: string, now: Date): Promise<CancelRegistrationResult> {
  const verified = verifyToken<{ registrationId?: string }>(TOKEN_PURPOSES.eventManage, token, now);
  if (!verified.ok) return expired("This link has expired.");
  return cancelRegistrationById(practiceId, String(verified.data.registrationId ?? ""), { kind: "attendee" }, now);
}

export async function cancelRegistrationById(practiceId: string, registrationId: string, by: { kind: "attendee" } | { kind: "member"; userId: string }, now: Date): Promise<CancelRegistrationResult> {
  const f = follow();
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ reg: eventRegistrations, event: groupEvents, slug: practices.slug })
      .from(eventRegistrations)
      .innerJoin(groupEvents, eq(groupEvents.id, eventRegistrations.eventId))
      .innerJoin(practices, eq(practices.id, eventRegistrations.practiceId))
      .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.practiceId, practiceId)))
      .for("update", { of: eventRegistrations });
    if (!row) return null;
    if (row.reg.status !== "confirmed" && row.reg.status !== "held") return "not_live" as const;
    const { first } = await lastEnd(tx, row.event.id);
    // Staff cancelling a place always refund it; an attendee, within the policy.
    const inTime = by.kind === "member" || !first || now.getTime() <= first.getTime() - row.event.cancellationHours * 3_600_000;
    const paid = inTime ? await refundRegistration(tx, row.reg.id, "Cancelled within the event's cancellation policy", now, f) : false;
    // Credits come back within the policy, as money does; after it, the seat is spent (decision 0060).
    const credits = inTime ? await returnEventCredits(tx, row.reg.id, now) : 0;
    const forfeited = inTime ? 0 : await eventCreditsHeld(tx, row.reg.id);
    await tx.update(eventRegistrations).set({ status: paid ? "refunded" : "cancelled", cancelledAt: now, holdExpiresAt: null, updatedAt: now }).where(eq(eventRegistrations.id, row.reg.id));
    await queueForAttendees(tx, row.reg, "registration-cancelled", { eventId: row.event.id, refunded: paid ? 1 : 0, creditsReturned: credits });
    await recordAudit(
      { practiceId, actor: by.kind === "member" ? { kind: "member", userId: by.userId } : { kind: "system" }, action: "event.registration_cancel", subjectType: "group_event", subjectId: row.event.id, detail: { registrationId, refunded: paid, creditsReturned: credits, creditsKept: forfeited } },
      tx,
    );
    await offerFreedSeats(tx, row.event.id, row.slug, now);
    return { refunded: paid, creditsReturned: credits };
  });
  if (!result) return notFound("That registration was not found.");
  if (result === "not_live") return conflict("not_live", "This place is already cancelled.");
  await runFollow(f, now);
  return { ok: true, refunded: result.refunded, creditsReturned: result.creditsReturned };
}

/** The `events` job: lapsed holds and offers everywhere give their seats back, the waitlist is offered them, emails go. */
export async function sweepEvents(now: Date): Promise<{ released: number; sent: number }> {
  const events = await db
    .selectDistinct({ eventId: eventRegistrations.eventId, slug: practices.slug })
    .from(eventRegistrations)
    .innerJoin(practices, eq(practices.id, eventRegistrations.practiceId))
    .where(and(eq(eventRegistrations.status, "held"), lte(eventRegistrations.holdExpiresAt, now)))
    .limit(100);
  let released = 0;
  const f = follow();
  for (const e of events) {
    released += await db.transaction(async (tx) => {
      const n = await releaseLapsed(tx, e.eventId, now, f);
      await offerFreedSeats(tx, e.eventId, e.slug, now);
      return n;
    });
  }
  await runFollow(f, now);
  await queueEventReminders(now);
  return { released, sent: await sendEventNotices(now) };
}

export type { GroupEvent };
