import "../lib/local-tooling";
import { log, makeDataDir, onInterrupt, pickPort, printResult, removeDataDir } from "./lib";

/**
 * `npm run bench:feed`: a clinician's calendar feed with 2,000 sessions
 * (half of them couple sessions, 1 in 10 cancelled), on real PostgreSQL
 * (embedded, or DATABASE_URL), read through renderFeed — what
 * /api/calendar/<token>.ics answers, the token check included. For both
 * practice settings ("Session" and initials): statements per request (a
 * fixed few, never one per session), p50/p99 over 100 reads and the bytes.
 * The feed is parsed once with ical.js to prove it holds every session.
 */
const RUNS = 100;
const WARMUP = 5;
const SESSIONS = 2000;

const external = Boolean(process.env.DATABASE_URL);
const pgPort = external ? null : await pickPort(54383);
const dataDir = external ? null : await makeDataDir("bench-feed");
if (!external) {
  process.env.DATA_DIR = dataDir!;
  process.env.EMBEDDED_PG_PORT = String(pgPort);
}
const { prepareDatabase } = await import("@/db/boot");
const { sql } = await import("@/db/client");
const { stopEmbeddedPostgres } = await import("@/db/embedded");
const { renderFeed, feedUrl } = await import("@/lib/calendar/feeds");
const { countQueries } = await import("./homework-fixture");
const { createBookingFixture } = await import("./booking-fixture");
const ICAL = (await import("ical.js")).default;

const cleanup = onInterrupt(async () => {
  await sql.end({ timeout: 5 }).catch(() => undefined);
  if (!external) {
    await stopEmbeddedPostgres();
    await removeDataDir(dataDir!);
  }
});

async function measure(token: string, now: Date) {
  const ms: number[] = [];
  const counts: number[] = [];
  let body = "";
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    const { result, queries } = await countQueries(() => renderFeed(token, now));
    const elapsed = performance.now() - started;
    if (result.kind !== "ok") throw new Error(`feed answered ${result.kind}`);
    if (i < WARMUP) continue;
    ms.push(elapsed);
    counts.push(queries);
    body = result.body;
  }
  ms.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]! * 100) / 100;
  const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent");
  return {
    events: events.length,
    cancelled: events.filter((e) => e.getFirstPropertyValue("status") === "CANCELLED").length,
    bytes: Buffer.byteLength(body, "utf8"),
    queries: Math.max(...counts),
    queriesConstant: Math.min(...counts) === Math.max(...counts),
    p50Ms: pct(50),
    p99Ms: pct(99),
    body,
  };
}

try {
  log(external ? "using DATABASE_URL" : `embedded postgres on port ${pgPort}, data dir ${dataDir}`);
  await prepareDatabase({ seed: false, quiet: true });
  const now = new Date();
  const fixture = await createBookingFixture(sql, 1);
  const memberId = fixture.memberIds[0]!;
  // 2,000 sessions, four a day at 9, 11, 13 and 15 o'clock Los Angeles time, from 80 days ago on
  // (inside the feed's 90 days back / 18 months ahead), computed in the zone so DST is real.
  const [rows] = await sql<{ n: number }[]>`
    with days as (
      select d::date as day from generate_series((now() at time zone ${fixture.timeZone})::date - 80, (now() at time zone ${fixture.timeZone})::date + 600, interval '1 day') d
    ), slots as (
      select ((day + make_time(h, 0, 0)) at time zone ${fixture.timeZone}) as starts_at, row_number() over (order by day, h) as n
      from days cross join unnest(array[9, 11, 13, 15]) h
    )
    insert into appointments (practice_id, service_id, member_id, format, starts_at, ends_at, blocked_from, blocked_to, status, price_cents, currency, cancelled_at)
    select ${fixture.practiceId}::uuid, ${fixture.serviceId}::uuid, ${memberId}::uuid, 'online', starts_at, starts_at + interval '50 minutes', starts_at, starts_at + interval '60 minutes',
           (case when n % 10 = 0 then 'cancelled' when starts_at < now() then 'completed' else 'confirmed' end)::appointment_status, 19000, 'USD',
           case when n % 10 = 0 then now() end
    from slots where n <= ${SESSIONS}
    returning 1 as n`.then((r) => [{ n: r.length }]);
  // Each session with one client, every other one with a partner too.
  await sql`
    with a as (select id, row_number() over (order by starts_at) as n from appointments where practice_id = ${fixture.practiceId}),
    c as (
      insert into clients (practice_id, first_name, last_name, user_id)
      select ${fixture.practiceId}::uuid, 'Client' || n, 'Bench' || n, null from generate_series(1, 200) n returning id, first_name
    ), cc as (select id, row_number() over (order by first_name) as k from c)
    insert into appointment_attendees (practice_id, appointment_id, client_id)
    select ${fixture.practiceId}::uuid, a.id, cc.id from a join cc on cc.k = (a.n % 100) + 1
    union all
    select ${fixture.practiceId}::uuid, a.id, cc.id from a join cc on cc.k = (a.n % 100) + 101 where a.n % 2 = 0`;
  const [feed] = await sql<{ id: string }[]>`insert into calendar_feeds (practice_id, member_id) values (${fixture.practiceId}, ${memberId}) returning id`;
  await sql`analyze`;
  const token = new URL(feedUrl(feed!.id)).pathname.split("/").pop()!.replace(/\.ics$/, "");

  const plain = await measure(token, now);
  await sql`insert into calendar_settings (practice_id, feed_summary) values (${fixture.practiceId}, 'initials')`;
  const initials = await measure(token, now);
  const namesLeak = /Client\d|Bench\d/.test(plain.body + initials.body);

  printResult({
    bench: "feed",
    runs: RUNS,
    sessions: rows!.n,
    session: { events: plain.events, cancelled: plain.cancelled, bytes: plain.bytes, queries: plain.queries, queriesConstant: plain.queriesConstant, p50Ms: plain.p50Ms, p99Ms: plain.p99Ms },
    initials: { events: initials.events, cancelled: initials.cancelled, bytes: initials.bytes, queries: initials.queries, queriesConstant: initials.queriesConstant, p50Ms: initials.p50Ms, p99Ms: initials.p99Ms },
    namesInFeed: namesLeak,
    pass: rows!.n === SESSIONS && plain.events === SESSIONS && initials.events === SESSIONS && plain.queries <= 3 && initials.queries <= 4 && plain.queriesConstant && initials.queriesConstant && !namesLeak,
  });
} finally {
  await cleanup();
}
