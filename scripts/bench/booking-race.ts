import { raceHolds } from "../lib/hold-race";
import { createBookingFixture } from "./booking-fixture";
import { log, printResult } from "./lib";
import { withBenchServer } from "./with-server";

/**
 * `npm run bench:booking-race`: 200 visitors try to hold the same time with
 * the same clinician at once, through the real holds route of a production
 * build on real PostgreSQL. Exactly one may win; everyone else must get a
 * clear 409 conflict (with next free times), and nobody an error. Each
 * visitor comes from its own address: the bench plays the one trusted proxy
 * (TRUSTED_PROXY_HOPS=1), so the per-IP hold limits see 200 people.
 *
 * `-- --instances 2`: two production servers on the one database (as behind
 * a load balancer), the attempts alternating between them (A, B, A, ...).
 */
const ATTEMPTS = 200;

function instancesArg(argv: string[]): number {
  const i = argv.findIndex((a) => a === "--instances" || a.startsWith("--instances="));
  if (i === -1) return 1;
  const raw = argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 8) {
    process.stderr.write(`--instances wants a whole number from 1 to 8, not ${raw ?? "nothing"}.\n`);
    process.exit(2);
  }
  return n;
}

const instances = instancesArg(process.argv.slice(2));

const result = await withBenchServer(
  "race",
  { app: 3203, pg: 54373 },
  async ({ servers, sql }) => {
    const fixture = await createBookingFixture(sql, 1);
    const from = new Date(Date.now() + 24 * 3_600_000);
    const params = new URLSearchParams({ service: fixture.serviceId, clinician: fixture.memberIds[0]!, from: from.toISOString(), to: new Date(from.getTime() + 3 * 86_400_000).toISOString() });
    const slotsRes = await fetch(`${servers[0]!.url}/api/book/${fixture.slug}/slots?${params}`);
    const { slots } = (await slotsRes.json()) as { slots: { start: string; clinicianId: string }[] };
    const target = slots[0];
    if (!target) throw new Error("no free slot to race for");
    log(`racing ${ATTEMPTS} holds for ${target.start} over ${servers.length} instance(s)`);

    const race = await raceHolds({
      urls: servers.map((s) => s.url),
      slug: fixture.slug,
      hold: { serviceId: fixture.serviceId, clinicianId: target.clinicianId, start: target.start },
      attempts: ATTEMPTS,
      ip: (i) => `2001:db8:2::${(i + 1).toString(16)}`,
    });
    for (const line of race.unexpected) log(`unexpected ${line}`);
    const [{ n: live } = { n: -1 }] = await sql<{ n: number }[]>`
      select count(*)::int as n from appointments where member_id = ${target.clinicianId} and starts_at = ${target.start} and status in ('held','confirmed')`;
    return {
      bench: "booking-race",
      instances: servers.length,
      attempts: ATTEMPTS,
      successes: race.successes,
      conflicts: race.conflicts,
      errors: race.errors,
      appointmentsInDatabase: live,
      elapsedMs: race.elapsedMs,
      // Where the answers came from, with more than one instance (the winner may be on either).
      ...(servers.length > 1 ? { perInstance: race.byInstance.map(({ successes, conflicts, errors }) => ({ successes, conflicts, errors })) } : {}),
      pass: race.successes === 1 && race.conflicts === ATTEMPTS - 1 && race.errors === 0 && live === 1,
    };
  },
  { TRUSTED_PROXY_HOPS: "1" },
  instances,
);
printResult(result);
process.exit(result.pass ? 0 : 1);
