import "../lib/local-tooling";
import path from "node:path";
import { ensureEmbeddedPostgres, embeddedUrl, stopEmbeddedPostgres } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { log, makeDataDir, pickPort, printResult, removeDataDir } from "./lib";

/**
 * `npm run bench:webhooks`: a full booking-payment-refund story (a couple
 * books a paid session and splits it, both pay on the stand-in's checkout
 * page, part of one share is refunded in Stripe), with every Stripe event
 * it produced delivered to the real webhook route handler, signed as
 * Stripe signs, in two ways on two identical stories:
 *
 *   A. each event once, in the order Stripe emitted it;
 *   B. each event three times, in shuffled order, four at a time.
 *
 * Reports whether B's final database state equals A's, how many emails
 * each email-worthy event produced (must be 1), and the handling time per
 * delivery (p50/p99). Real PostgreSQL (embedded), the official SDK over
 * HTTP to the stand-in. Last line: one JSON object.
 */

const dataDir = await makeDataDir("bench-webhooks");
const pgPort = await pickPort(54391);
const stripePort = await pickPort(12191, [pgPort]);
let exitCode = 0;
try {
  log(`embedded postgres on ${pgPort}, stripe stand-in on ${stripePort}`);
  await ensureEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort, database: "tandem", flags: ["-c", "fsync=off", "-c", "synchronous_commit=off"] });
  const url = embeddedUrl(pgPort, "tandem");
  await runMigrations(url);
  Object.assign(process.env, { DATABASE_URL: url, DATA_DIR: dataDir, STRIPE_STANDIN_PORT: String(stripePort), SEED_DEMO: "never" });
  for (const k of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "STRIPE_CONNECT", "RESEND_API_KEY"]) delete process.env[k];
  const result = await run();
  printResult(result);
} catch (error) {
  log(`failed: ${(error as Error).stack ?? error}`);
  exitCode = 1;
} finally {
  await stopEmbeddedPostgres().catch(() => undefined);
  await removeDataDir(dataDir).catch(() => undefined);
}
process.exit(exitCode);

async function run() {
  // App modules read the environment when first imported: only now.
  const { eq, inArray } = await import("drizzle-orm");
  const { db, sql } = await import("@/db/client");
  const schema = await import("@/db/schema");
  const { startStandIn } = await import("@/dev/stripe-standin/server");
  const { STANDIN_WEBHOOK_SECRET, stripe } = await import("@/lib/billing/stripe-client");
  const { sendBillingNotifications } = await import("@/lib/billing/notifications");
  // A paid booking's confirmation is the appointment outbox's (lib/booking/lifecycle), not billing's.
  const { runAppointmentEvents } = await import("@/lib/jobs/appointment-events");
  const { POST } = await import("@/app/api/stripe/webhook/route");
  const { paidPractice, bookPaid } = await import("../../tests/integration/helpers/billing-fixture");

  type Delivery = { event: { id: string; type: string }; payload: string; signature: string };
  let capture: Delivery[] = [];
  const standIn = await startStandIn({ port: stripePort, webhookSecret: STANDIN_WEBHOOK_SECRET, deliver: (d) => void capture.push(d as Delivery), sweepIntervalMs: 600_000 });
  const timings: number[] = [];
  const statuses = new Map<number, number>();

  async function deliver(d: Delivery) {
    const started = performance.now();
    // A fresh signature per delivery, as Stripe re-signs retries.
    const { signPayload } = await import("@/dev/stripe-standin/server");
    const res = await POST(new Request("http://bench/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signPayload(d.payload, STANDIN_WEBHOOK_SECRET, Math.floor(Date.now() / 1000)) }, body: d.payload }));
    await res.text();
    timings.push(performance.now() - started);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }

  /** One story, up to the moment Stripe has sent its events (none delivered yet). */
  async function story(label: string) {
    capture = [];
    const { practice, service } = await paidPractice();
    const booked = await bookPaid(practice, service.id, { payer: "split", people: [
      { firstName: "Ana", lastName: label, email: `ana-${practice.slug}@bench.test` },
      { firstName: "Ben", lastName: label, email: `ben-${practice.slug}@bench.test` },
    ] });
    const parts = await db.select().from(schema.payments).where(eq(schema.payments.appointmentId, booked.appointmentId)).orderBy(schema.payments.splitPart);
    for (const p of parts) {
      const res = await fetch(`${standIn.url}/checkout/${p.stripeCheckoutSessionId}/pay`, { method: "POST", body: "card=4242", headers: { "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });
      if (res.status !== 303) throw new Error(`pay answered ${res.status}`);
    }
    // Let the stand-in hand over its queued events.
    await new Promise((r) => setTimeout(r, 50));
    const session = await stripe().checkout.sessions.retrieve(parts[0]!.stripeCheckoutSessionId!);
    await stripe().refunds.create({ payment_intent: String(session.payment_intent), amount: 2500, reason: "requested_by_customer" }, { idempotencyKey: `bench-refund:${parts[0]!.id}` });
    await new Promise((r) => setTimeout(r, 50));
    return { practiceId: practice.id, appointmentId: booked.appointmentId, events: [...capture], emails: booked.people.map((p) => p.email) };
  }

  async function snapshot(s: { practiceId: string; appointmentId: string; emails: string[] }) {
    const [appt] = await db.select({ status: schema.appointments.status }).from(schema.appointments).where(eq(schema.appointments.id, s.appointmentId));
    const pays = await db.select().from(schema.payments).where(eq(schema.payments.appointmentId, s.appointmentId)).orderBy(schema.payments.splitPart);
    const refunds = pays.length ? await db.select().from(schema.refunds).where(inArray(schema.refunds.paymentId, pays.map((p) => p.id))) : [];
    const mails = await db.select().from(schema.emailMessages).where(inArray(schema.emailMessages.to, s.emails));
    const cards = await db.select().from(schema.stripeCustomers).where(eq(schema.stripeCustomers.practiceId, s.practiceId));
    const partOf = (email: string) => (email === s.emails[0] ? "A" : "B");
    return {
      appointment: appt!.status,
      payments: pays.map((p) => ({ part: p.splitPart, status: p.status, amount: p.amountCents, refunded: p.refundedCents, paid: Boolean(p.paidAt) })),
      refunds: refunds.map((r) => ({ part: pays.find((p) => p.id === r.paymentId)!.splitPart, amount: r.amountCents, status: r.status, reason: r.reason })).sort((a, b) => a.amount - b.amount),
      cardsOnFile: cards.filter((c) => c.paymentMethodId).length,
      emails: mails.map((m) => `${partOf(m.to)}:${m.template}`).sort(),
    };
  }

  log("story A: each event once, in order");
  const a = await story("InOrder");
  for (const d of a.events) await deliver(d);
  await sendBillingNotifications(new Date());
  await runAppointmentEvents(new Date());
  const stateA = await snapshot(a);

  log("story B: each event three times, shuffled, four at a time");
  const b = await story("Shuffled");
  const times3 = [...b.events, ...b.events, ...b.events];
  let seed = 20260322;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = times3.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [times3[i], times3[j]] = [times3[j]!, times3[i]!];
  }
  const inFlight = [...times3];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let d = inFlight.shift(); d; d = inFlight.shift()) await deliver(d);
  }));
  await sendBillingNotifications(new Date());
  await runAppointmentEvents(new Date());
  // A second pass of the job sends nothing new.
  await sendBillingNotifications(new Date());
  await runAppointmentEvents(new Date());
  const stateB = await snapshot(b);

  const perEmail = new Map<string, number>();
  for (const e of stateB.emails) perEmail.set(e, (perEmail.get(e) ?? 0) + 1);
  const sorted = [...timings].sort((x, y) => x - y);
  const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
  await standIn.close();
  await sql.end({ timeout: 5 });
  const equal = JSON.stringify(stateA) === JSON.stringify(stateB);
  if (!equal) log(`A: ${JSON.stringify(stateA)}\nB: ${JSON.stringify(stateB)}`);
  return {
    bench: "webhooks",
    eventTypes: [...new Set(a.events.map((e) => e.event.type))].sort(),
    eventsPerStory: a.events.length,
    deliveriesShuffled: times3.length,
    finalStateEqualsInOrder: equal,
    finalState: { appointment: stateB.appointment, payments: stateB.payments, refunds: stateB.refunds },
    emailsSent: stateB.emails.length,
    emailsPerEvent: Math.max(...perEmail.values()),
    emailsPerEventByKind: Object.fromEntries(perEmail),
    statuses: Object.fromEntries(statuses),
    p50Ms: pct(50),
    p99Ms: pct(99),
  };
}
