import { randomUUID } from "node:crypto";
import { log, printResult } from "./lib";
import { withBenchServer } from "./with-server";

/**
 * `npm run bench:event-race`: 100 buyers at once for the last 3 seats of a
 * paid webinar, through the real sign-up route of a production build (Stripe
 * stand-in) on real PostgreSQL. Exactly 3 may get a seat (held while they
 * pay at Checkout); the other 97 must get a clean answer: a waitlist place
 * (202) or "closed" (409), never an error; and nobody may be asked to pay
 * twice or sold a seat past the capacity (decision 0055).
 */
const BUYERS = 100;
const CAPACITY = 10;
const LEFT = 3;

// The bench plays the load balancer (TRUSTED_PROXY_HOPS=1): each buyer has their own address, so the
// per-IP sign-up limit sees 100 people, as it would in production.
const result = await withBenchServer("event-race", { app: 3441, pg: 54451 }, async ({ server, sql }) => {
  const tag = randomUUID().slice(0, 8);
  const [practice] = await sql<{ id: string }[]>`
    insert into practices (name, slug, kind, time_zone, published_at) values (${`Bench ${tag}`}, ${`bench-${tag}`}, 'pelvic_pt', 'America/New_York', now()) returning id`;
  const practiceId = practice!.id;
  const [event] = await sql<{ id: string }[]>`
    insert into group_events (practice_id, title, format, capacity, price_cents, currency, signup_cutoff)
    values (${practiceId}, 'Desire mismatch: a webinar', 'online', ${CAPACITY}, 4000, 'USD', now() + interval '4 days') returning id`;
  const eventId = event!.id;
  await sql`insert into event_sessions (practice_id, event_id, starts_at, ends_at) values (${practiceId}, ${eventId}, now() + interval '5 days', now() + interval '5 days 1 hour')`;
  // Seven seats already sold: three left.
  for (let i = 0; i < CAPACITY - LEFT; i++) {
    const [c] = await sql<{ id: string }[]>`insert into clients (practice_id, first_name, last_name, email) values (${practiceId}, 'Early', ${`Buyer${i}`}, ${`early${i}-${tag}@bench.tandem.test`}) returning id`;
    await sql`insert into event_registrations (practice_id, event_id, client_id, seats, status) values (${practiceId}, ${eventId}, ${c!.id}, 1, 'confirmed')`;
  }
  log(`racing ${BUYERS} buyers for the last ${LEFT} seats`);
  const started = performance.now();
  const answers = await Promise.all(
    Array.from({ length: BUYERS }, async (_, i) => {
      try {
        const res = await fetch(`${server.url}/api/book/bench-${tag}/events/${eventId}/sign-up`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `2001:db8:3::${(i + 1).toString(16)}` },
          body: JSON.stringify({ kind: "individual", attendees: [{ firstName: "Racer", lastName: `N${i}`, email: `racer${i}-${tag}@bench.tandem.test` }], agreePolicy: true }),
        });
        const body = (await res.json().catch(() => ({}))) as { status?: string; checkoutUrl?: string };
        return { status: res.status, kind: body.status ?? null, checkout: Boolean(body.checkoutUrl) };
      } catch {
        return { status: 0, kind: null, checkout: false };
      }
    }),
  );
  const elapsedMs = Math.round(performance.now() - started);
  const sold = answers.filter((a) => a.status === 201 && a.kind === "awaiting_payment" && a.checkout).length;
  const refusedOrWaitlisted = answers.filter((a) => a.status === 202 || a.status === 409).length;
  const errors = BUYERS - sold - refusedOrWaitlisted;
  const [{ taken } = { taken: -1 }] = await sql<{ taken: number }[]>`select seats_taken as taken from group_events where id = ${eventId}`;
  const [{ live } = { live: -1 }] = await sql<{ live: number }[]>`select coalesce(sum(seats), 0)::int as live from event_registrations where event_id = ${eventId} and status in ('held', 'confirmed')`;
  // Asked to pay twice: a registration with more than one live payment, or a payment for a seat that is not live.
  const [{ doubleCharged } = { doubleCharged: -1 }] = await sql<{ doubleCharged: number }[]>`
    select (
      (select count(*) from (select event_registration_id from payments p join event_registrations r on r.id = p.event_registration_id
         where r.event_id = ${eventId} and p.status in ('pending', 'succeeded') group by event_registration_id having count(*) > 1) x)
      + (select count(*) from payments p join event_registrations r on r.id = p.event_registration_id
         where r.event_id = ${eventId} and p.status in ('pending', 'succeeded') and r.status not in ('held', 'confirmed'))
    )::int as "doubleCharged"`;
  const [{ waitlisted } = { waitlisted: -1 }] = await sql<{ waitlisted: number }[]>`select count(*)::int as waitlisted from event_waitlist where event_id = ${eventId}`;
  return {
    bench: "event-race",
    buyers: BUYERS,
    capacity: CAPACITY,
    seatsLeftBefore: LEFT,
    sold,
    refusedOrWaitlisted,
    waitlisted,
    errors,
    doubleCharged,
    seatsTaken: taken,
    liveSeatsInDatabase: live,
    elapsedMs,
    pass: sold === LEFT && refusedOrWaitlisted === BUYERS - LEFT && errors === 0 && doubleCharged === 0 && taken === CAPACITY && live === CAPACITY,
  };
}, { TRUSTED_PROXY_HOPS: "1" });
printResult(result);
process.exit(result.pass ? 0 : 1);
