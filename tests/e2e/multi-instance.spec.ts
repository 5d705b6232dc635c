import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, request, test } from "@playwright/test";
import PgBoss from "pg-boss";
import postgres from "postgres";
import { ensureEmbeddedPostgres, removeEmbeddedCluster, stopEmbeddedPostgres } from "@/db/embedded";
import { startStandIn, type StandIn } from "@/dev/stripe-standin/server";
import { STANDIN_WEBHOOK_SECRET } from "@/lib/billing/stripe-client";
import { createBookingFixture } from "../../scripts/bench/booking-fixture";
import { raceHolds } from "../../scripts/lib/hold-race";
import { freePorts, startBalancer, startInstances, startWorker, type Balancer, type WorkerProcess } from "../../scripts/lib/instances";
import type { ProdServer } from "../../scripts/lib/prod-server";

/**
 * Two production app instances (A and B, the standalone server of the build e2e made)
 * and a worker (`npm run worker`), then a second one, all on one PostgreSQL
 * that this file starts, as behind a load balancer: the same DATABASE_URL,
 * AUTH_SECRET and APP_URL. APP_URL is the origin of a small balancer in this
 * process (scripts/lib/instances.ts), the one site a browser sees; the test
 * pins it to A or B for each step and reads which instance served what.
 * The API calls go to A and B directly. The Stripe stand-in runs in this
 * process and delivers every webhook to B only. The instances run no jobs
 * (JOB_RUNNER=off); the workers do. docs/decisions/0024-several-instances.md.
 */

test.describe.configure({ mode: "serial" });

/** This file's data directory (the database's cluster, the instances' DATA_DIR); made in beforeAll, in the worker that runs the tests. */
let root = "";
const servers: ProdServer[] = [];
const workers: WorkerProcess[] = [];
/** Every webhook the stand-in delivered to B, with B's answer. */
const deliveries: { type: string; status: number }[] = [];
let sql: postgres.Sql;
let databaseUrl = "";
let standIn: StandIn | null = null;
let balancer: Balancer | null = null;
let shared: Record<string, string> = {};
let a = "";
let b = "";

/** A documentation-range address per test and visitor: the per-IP limits see separate people. */
const visitor = (testNo: number, i = 0) => `2001:db8:16:${testNo}::${(i + 1).toString(16)}`;

test.use({ extraHTTPHeaders: { "x-forwarded-for": visitor(9) } });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  root = mkdtempSync(path.join(os.tmpdir(), "tandem-multi-"));
  const [pgPort, portA, portB, stripePort, balancerPort] = await freePorts(5);
  databaseUrl = await ensureEmbeddedPostgres({ dataDir: root, port: pgPort!, database: "tandem", flags: ["-c", "fsync=off", "-c", "synchronous_commit=off"] });
  sql = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  a = `http://127.0.0.1:${portA}`;
  b = `http://127.0.0.1:${portB}`;
  balancer = await startBalancer([a, b], balancerPort!);
  standIn = await startStandIn({
    port: stripePort!,
    webhookSecret: STANDIN_WEBHOOK_SECRET,
    sweepIntervalMs: 600_000,
    // What the stand-in's own delivery does (POST, signed), to B, keeping B's answer.
    deliver: async (d) => {
      const res = await fetch(`${b}/api/stripe/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": d.signature },
        body: d.payload,
        signal: AbortSignal.timeout(10_000),
      });
      await res.text();
      deliveries.push({ type: d.event.type, status: res.status });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    },
  });
  shared = {
    DATABASE_URL: databaseUrl,
    APP_URL: balancer.url,
    STRIPE_API_BASE: standIn.url,
    JOB_RUNNER: "off",
    SEED_DEMO: "never",
    TRUSTED_PROXY_HOPS: "1",
    DATA_DIR: path.join(root, "app"),
  };
  // All three at once: their migrations take turns (an advisory lock), none seeds.
  const [started, worker] = await Promise.allSettled([startInstances({ ports: [portA!, portB!], env: shared }), startWorker(shared)]);
  if (started.status === "fulfilled") servers.push(...started.value);
  if (worker.status === "fulfilled") workers.push(worker.value);
  for (const s of [started, worker]) if (s.status === "rejected") throw s.reason;
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await Promise.all([...servers.map((s) => s.stop()), ...workers.map((w) => w.stop())]);
  await standIn?.close();
  await balancer?.close();
  await sql?.end({ timeout: 5 });
  await stopEmbeddedPostgres();
  if (root) {
    await removeEmbeddedCluster(root);
    rmSync(root, { recursive: true, force: true });
  }
});

async function firstFreeTime(url: string, fixture: { slug: string; serviceId: string; memberIds: string[] }) {
  const from = new Date(Date.now() + 24 * 3_600_000);
  const params = new URLSearchParams({ service: fixture.serviceId, clinician: fixture.memberIds[0]!, from: from.toISOString(), to: new Date(from.getTime() + 3 * 86_400_000).toISOString() });
  const res = await fetch(`${url}/api/book/${fixture.slug}/slots?${params}`);
  expect(res.status).toBe(200);
  const { slots } = (await res.json()) as { slots: { start: string; clinicianId: string }[] };
  expect(slots.length).toBeGreaterThan(0);
  return slots[0]!;
}

test("200 holds for one time over both instances: exactly one wins, 199 clean conflicts, no errors", async () => {
  test.setTimeout(90_000);
  const fixture = await createBookingFixture(sql, 1);
  const target = await firstFreeTime(b, fixture);
  const race = await raceHolds({
    urls: [a, b],
    slug: fixture.slug,
    hold: { serviceId: fixture.serviceId, clinicianId: target.clinicianId, start: target.start },
    attempts: 200,
    ip: (i) => visitor(1, i),
  });
  expect(race.unexpected).toEqual([]);
  expect({ successes: race.successes, conflicts: race.conflicts, errors: race.errors }).toEqual({ successes: 1, conflicts: 199, errors: 0 });
  // Both instances answered their hundred, each with only 201s and clean 409s.
  expect(race.byInstance.map((s) => s.successes + s.conflicts)).toEqual([100, 100]);
  const live = await sql`select id from appointments where member_id = ${target.clinicianId} and starts_at = ${target.start} and status in ('held', 'confirmed')`;
  expect(live).toHaveLength(1);
});

/** The booker of the paid session, shared by the next two tests. */
const booker = { firstName: "Robin", lastName: "Twohosts", email: `robin-${Date.now()}@e2e.tandem.test` };
let booked: { practiceId: string; appointmentId: string } | null = null;

test("a checkout created through instance A is settled by the webhook delivered to instance B", async () => {
  const fixture = await createBookingFixture(sql, 1);
  await sql`insert into service_billing (practice_id, service_id, payment_mode) values (${fixture.practiceId}, ${fixture.serviceId}, 'full')`;
  const target = await firstFreeTime(a, fixture);
  const api = await request.newContext({ extraHTTPHeaders: { "x-forwarded-for": visitor(2) } });
  try {
    const hold = await api.post(`${a}/api/book/${fixture.slug}/holds`, { data: { serviceId: fixture.serviceId, clinicianId: target.clinicianId, start: target.start } });
    expect(hold.status()).toBe(201);
    const { holdToken } = (await hold.json()) as { holdToken: string };
    const confirm = await api.post(`${a}/api/book/${fixture.slug}/confirm`, { data: { holdToken, attendees: [{ ...booker, phone: "" }], agreePolicy: true } });
    expect(confirm.status()).toBe(200);
    const body = (await confirm.json()) as { appointmentId: string; checkoutUrl: string | null; awaitingPayment: boolean };
    expect(body.awaitingPayment).toBe(true);
    expect(body.checkoutUrl?.startsWith(`${standIn!.url}/checkout/`)).toBe(true);
    booked = { practiceId: fixture.practiceId, appointmentId: body.appointmentId };

    // Paying on Stripe's page; the visitor never comes back to A's success page, so only the webhook can settle it.
    const pay = await fetch(`${body.checkoutUrl}/pay`, { method: "POST", body: "card=4242", headers: { "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });
    expect(pay.status).toBe(303);
    await expect
      .poll(async () => (await sql<{ status: string }[]>`select status from appointments where id = ${body.appointmentId}`)[0]?.status, { timeout: 30_000 })
      .toBe("confirmed");
    const payments = await sql<{ status: string; amount_cents: number }[]>`select status, amount_cents from payments where appointment_id = ${body.appointmentId}`;
    expect(payments.map((p) => [p.status, p.amount_cents])).toEqual([["succeeded", 19000]]);
    // B took the completed checkout (its answer may land just after the change it made), and every delivery to it was accepted.
    await expect.poll(() => deliveries.find((d) => d.type === "checkout.session.completed")?.status, { timeout: 10_000 }).toBe(200);
    expect(deliveries.filter((d) => d.status !== 200)).toEqual([]);
  } finally {
    await api.dispose();
  }
});

test("a sign-in link requested on A signs in on B; a manage link made on A opens on B", async ({ page }) => {
  expect(booked, "the paid booking of the previous test").not.toBeNull();
  // The booker proved their address and the practice gave them portal access: a user with that address on their client record.
  const [user] = await sql<{ id: string }[]>`insert into users (email, name) values (${booker.email}, ${`${booker.firstName} ${booker.lastName}`}) returning id`;
  const [client] = await sql<{ id: string }[]>`
    update clients set user_id = ${user!.id}, unverified_since = null where practice_id = ${booked!.practiceId} and email = ${booker.email} returning id`;
  expect(client).toBeTruthy();

  const site = balancer!;
  const servedBy = (method: string, path: RegExp) => [...new Set(site.served.filter((r) => r.method === method && path.test(r.path)).map((r) => "AB"[r.instance]))];

  site.pin(0);
  await page.goto(`${site.url}/sign-in`);
  await page.getByLabel("Email address").fill(booker.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  expect(servedBy("POST", /^\/sign-in$/), "the request for a link").toEqual(["A"]);
  const [message] = await sql<{ text: string }[]>`select text from email_messages where "to" = ${booker.email} and template = 'sign-in' order by created_at desc limit 1`;
  const link = /https?:\/\/\S+\/sign-in\/verify\?\S+/.exec(message!.text)![0].replace(/[\])>.,]+$/, "");
  expect(new URL(link).origin, "links are built on APP_URL").toBe(site.url);

  site.pin(1);
  await page.goto(link);
  await expect(page.getByText(`Continue as ${booker.email}?`)).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/${client!.id}$`));
  await expect(page.getByRole("heading", { name: `Hello, ${booker.firstName}` })).toBeVisible();
  // B checked the one-time token A stored and opened the session.
  expect(servedBy("GET", /^\/api\/auth\/callback\/email$/), "the sign-in").toEqual(["B"]);
  const [session] = await sql<{ n: number }[]>`select count(*)::int as n from sessions where user_id = ${user!.id}`;
  expect(session!.n).toBe(1);

  // A honours the session too, and makes the paid session's manage link (a signed token)...
  site.pin(0);
  await page.goto(`${site.url}/portal/${client!.id}`);
  await expect(page.getByRole("heading", { name: `Hello, ${booker.firstName}` })).toBeVisible();
  const href = await page.getByRole("link", { name: "Reschedule or cancel" }).getAttribute("href");
  expect(href).toMatch(/^\/manage\//);
  expect(servedBy("GET", new RegExp(`^/portal/${client!.id}$`))).toEqual(["B", "A"]);

  // ...which B opens.
  site.pin(1);
  await page.goto(`${site.url}${href}`);
  await expect(page.getByRole("heading", { name: "Your session" })).toBeVisible();
  await expect(page.getByText("Confirmed", { exact: true })).toBeVisible();
  expect(servedBy("GET", /^\/manage\//)).toEqual(["B"]);
});

test("with two workers, every reminder is sent exactly once", async () => {
  test.setTimeout(90_000);
  workers.push(await startWorker(shared));
  const fixture = await createBookingFixture(sql, 1);
  const memberId = fixture.memberIds[0]!;
  const now = Date.now();
  // Due now: two within 2 h ("2h"), four within 24 h ("24h"); far from either edge, 50 minutes each, none overlapping.
  const leadMinutes = [30, 90, 5 * 60, 8 * 60, 11 * 60, 14 * 60];
  const expected: string[] = [];
  for (const [i, lead] of leadMinutes.entries()) {
    const startsAt = new Date(now + lead * 60_000);
    const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
    const [client] = await sql<{ id: string }[]>`
      insert into clients (practice_id, first_name, last_name, email) values (${fixture.practiceId}, ${`Reminded${i}`}, 'Client', ${`reminded${i}-${fixture.slug}@e2e.tandem.test`}) returning id`;
    const [appointment] = await sql<{ id: string }[]>`
      insert into appointments (practice_id, service_id, member_id, format, starts_at, ends_at, blocked_from, blocked_to, status, price_cents, currency)
      values (${fixture.practiceId}, ${fixture.serviceId}, ${memberId}, 'online', ${startsAt}, ${endsAt}, ${startsAt}, ${endsAt}, 'confirmed', 19000, 'USD') returning id`;
    await sql`insert into appointment_attendees (practice_id, appointment_id, client_id) values (${fixture.practiceId}, ${appointment!.id}, ${client!.id})`;
    expected.push(`reminder:${lead <= 120 ? "2h" : "24h"}:${appointment!.id}:${client!.id}`);
  }
  const reminders = () => sql<{ key: string; to: string }[]>`
    select key, "to" from email_messages where practice_id = ${fixture.practiceId} and template like 'booking-reminder-%' order by key`;

  // The schedule ticks every 5 minutes; a job sent now is the same run, sooner. Either worker may take each one.
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", supervise: false, schedule: false, migrate: false, max: 2 });
  boss.on("error", () => {});
  await boss.start();
  try {
    /** Sends a run; with the queue's "stately" policy a send while one is queued is refused (null): try until one is queued. */
    const sendRun = async (): Promise<string> => {
      const queued: string[] = [];
      await expect
        .poll(async () => {
          const id = await boss.send("send-reminders", {});
          if (id) queued.push(id);
          return queued.length;
        }, { timeout: 30_000 })
        .toBe(1);
      return queued[0]!;
    };
    const completed = (id: string) => expect.poll(async () => (await boss.getJobById("send-reminders", id))?.state, { timeout: 30_000 }).toBe("completed");

    await completed(await sendRun());
    await completed(await sendRun());
    await expect.poll(async () => (await reminders()).length, { timeout: 30_000 }).toBe(expected.length);
    // One more run after all of them went out sends nothing again.
    await completed(await sendRun());
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const sent = await reminders();
  expect(sent.map((r) => r.key)).toEqual([...expected].sort());
  expect(new Set(sent.map((r) => r.to)).size).toBe(expected.length);
  expect(workers).toHaveLength(2);
});
