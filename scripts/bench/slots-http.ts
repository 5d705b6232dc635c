import autocannon from "autocannon";
import { createBookingFixture } from "./booking-fixture";
import { log, printResult } from "./lib";
import { withBenchServer } from "./with-server";

/**
 * `npm run bench:slots-http`: the public slots endpoint under autocannon
 * (10 connections, 10 s) against a production build: "first available"
 * across 3 clinicians, a 7-day window (what the booking page asks for), with
 * 300 existing appointments in the practice.
 */
const CONNECTIONS = 10;
const DURATION_SEC = 10;

const result = await withBenchServer("slots-http", { app: 3204, pg: 54374 }, async ({ server, sql }) => {
  const fixture = await createBookingFixture(sql, 3);
  // Existing bookings: every clinician has sessions on most days.
  const base = new Date();
  base.setUTCHours(17, 0, 0, 0); // 9:00 or 10:00 in Los Angeles
  let made = 0;
  for (let day = 1; day <= 50 && made < 300; day++) {
    for (const [i, memberId] of fixture.memberIds.entries()) {
      for (let k = 0; k < 2 && made < 300; k++) {
        const start = new Date(base.getTime() + day * 86_400_000 + (i + k * 3) * 3_600_000);
        const end = new Date(start.getTime() + 50 * 60_000);
        await sql`insert into appointments (practice_id, service_id, member_id, format, starts_at, ends_at, blocked_from, blocked_to, status, price_cents, currency)
                  values (${fixture.practiceId}, ${fixture.serviceId}, ${memberId}, 'online', ${start}, ${end}, ${start}, ${new Date(end.getTime() + 10 * 60_000)}, 'confirmed', 19000, 'USD')`;
        made++;
      }
    }
  }
  const from = new Date(Date.now() + 86_400_000);
  const params = new URLSearchParams({ service: fixture.serviceId, clinician: "any", from: from.toISOString(), to: new Date(from.getTime() + 7 * 86_400_000).toISOString() });
  const url = `${server.url}/api/book/${fixture.slug}/slots?${params}`;
  const check = await fetch(url);
  const body = (await check.json()) as { slots?: unknown[] };
  if (check.status !== 200 || !body.slots?.length) throw new Error(`slots endpoint answered ${check.status} with ${body.slots?.length ?? 0} slots`);
  log(`${body.slots.length} slots in the window; warming up`);
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SEC });
  return {
    bench: "slots-http",
    connections: CONNECTIONS,
    durationSec: DURATION_SEC,
    rps: Math.round(r.requests.average * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    slotsPerResponse: body.slots.length,
    clinicians: 3,
    appointments: made,
  };
});
printResult(result);
