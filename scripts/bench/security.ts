import { spawn } from "node:child_process";
import path from "node:path";
import type postgres from "postgres";
import { createBookingFixture, type BookingFixture } from "./booking-fixture";
import { log, pickPort, printResult } from "./lib";
import { callAction, json, request, sessionCookie } from "./security-http";
import { withBenchServer } from "./with-server";

/**
 * `npm run bench:security`: the attacks of issue 9 against a production build
 * on real PostgreSQL. Each probe first shows that the legitimate request works
 * (so a probe cannot pass because the feature is simply broken), then that the
 * attack changes nothing. Every probe speaks from its own loopback address, so
 * the rate limits of one do not colour another.
 */

interface Probe {
  name: string;
  hole: number;
  legit(ctx: Ctx): Promise<string | null>;
  attack(ctx: Ctx): Promise<string | null>;
}
interface Ctx {
  url: string;
  sql: postgres.Sql;
  fixture: BookingFixture;
}

const SIGN_IN = { file: "app/(public)/sign-in/actions.ts", name: "requestSignInAction" };
const SAVE_CLIENT = { file: "app/(clinic)/clinic/[practice]/clients/actions.ts", name: "saveClientAction" };
const uniq = () => Math.random().toString(36).slice(2, 10);
const fail = (why: string) => why;

async function newUser(sql: postgres.Sql, prefix: string): Promise<{ id: string; email: string }> {
  const email = `${prefix}-${uniq()}@bench.tandem.test`;
  const [u] = await sql<{ id: string }[]>`insert into users (email, name) values (${email}, ${prefix}) returning id`;
  return { id: u!.id, email };
}
async function newMember(ctx: Ctx, role: string) {
  const user = await newUser(ctx.sql, role.replace("_", "-"));
  await ctx.sql`insert into members (practice_id, user_id, role, display_name, joined_at) values (${ctx.fixture.practiceId}, ${user.id}, ${role}, ${role}, now())`;
  return user;
}
async function newPortalClient(ctx: Ctx, first: string) {
  const user = await newUser(ctx.sql, first.toLowerCase());
  const [c] = await ctx.sql<{ id: string }[]>`
    insert into clients (practice_id, user_id, first_name, last_name, email, date_of_birth)
    values (${ctx.fixture.practiceId}, ${user.id}, ${first}, 'Bench', ${user.email}, '1987-03-14') returning id`;
  return { id: c!.id, userId: user.id, email: user.email };
}
async function emailsTo(sql: postgres.Sql, to: string, template: string) {
  return sql<{ html: string | null; text: string | null }[]>`select html, text from email_messages where "to" = ${to} and template = ${template} order by created_at`;
}
async function signInRequest(ctx: Ctx, email: string, from: string, headers: Record<string, string> = {}) {
  return callAction(ctx.url, "/sign-in", SIGN_IN, [{ email }], { from, headers });
}
function linkIn(mail: { text: string | null } | undefined): URL | null {
  const m = mail?.text?.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/);
  return m ? new URL(m[0]) : null;
}

/** Free times of the fixture's first clinician, none overlapping another. */
async function freeTimes(ctx: Ctx, n: number): Promise<string[]> {
  const from = new Date(Date.now() + 2 * 86_400_000);
  const q = new URLSearchParams({ service: ctx.fixture.serviceId, clinician: ctx.fixture.memberIds[0]!, from: from.toISOString(), to: new Date(from.getTime() + 14 * 86_400_000).toISOString() });
  const res = await request(ctx.url, `/api/book/${ctx.fixture.slug}/slots?${q}`);
  const { slots } = JSON.parse(res.body) as { slots: { start: string }[] };
  // Slots overlap (15-minute step, 50-minute sessions): keep ones two hours apart, so each hold stands alone.
  const apart: string[] = [];
  for (const s of slots) {
    const last = apart.at(-1);
    if (!last || Date.parse(s.start) - Date.parse(last) >= 2 * 3_600_000) apart.push(s.start);
  }
  return apart.slice(0, n);
}
let timeCursor = 0;
let times: string[] = [];
async function nextTime(): Promise<string> {
  if (timeCursor >= times.length) throw new Error("ran out of free times");
  return times[timeCursor++]!;
}
async function hold(ctx: Ctx, from: string) {
  const res = await request(ctx.url, `/api/book/${ctx.fixture.slug}/holds`, {
    method: "POST",
    from,
    ...json({ serviceId: ctx.fixture.serviceId, clinicianId: ctx.fixture.memberIds[0], start: await nextTime() }),
  });
  return { status: res.status, body: JSON.parse(res.body || "{}") as { holdToken?: string; message?: string } };
}
async function book(ctx: Ctx, from: string, attendees: { firstName: string; lastName: string; email: string }[]) {
  const h = await hold(ctx, from);
  if (h.status !== 201) return { status: h.status, body: h.body as Record<string, unknown> };
  const res = await request(ctx.url, `/api/book/${ctx.fixture.slug}/confirm`, {
    method: "POST",
    from,
    ...json({ holdToken: h.body.holdToken, attendees: attendees.map((a) => ({ ...a, phone: "" })), agreePolicy: true, payer: "me" }),
  });
  return { status: res.status, body: JSON.parse(res.body || "{}") as Record<string, unknown> };
}

const HEADER_PATHS = ["/", "/sign-in", "/no-such-page-here"];

const probes: Probe[] = [
  {
    name: "sign-in link is built from APP_URL, not the request's host",
    hole: 1,
    async legit(ctx) {
      const m = await newMember(ctx, "clinician");
      await signInRequest(ctx, m.email, "127.0.0.11");
      const link = linkIn((await emailsTo(ctx.sql, m.email, "sign-in")).at(-1));
      return link?.origin === new URL(ctx.url).origin ? null : fail(`no sign-in link on ${ctx.url} (got ${link?.origin ?? "no email"})`);
    },
    async attack(ctx) {
      const m = await newMember(ctx, "clinician");
      await signInRequest(ctx, m.email, "127.0.0.12", { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" });
      const mails = await emailsTo(ctx.sql, m.email, "sign-in");
      if (mails.some((e) => `${e.html}${e.text}`.includes("evil.example"))) return fail("an emailed link points at evil.example");
      return null;
    },
  },
  {
    name: "a public booking with an existing client's email links nothing of hers",
    hole: 2,
    async legit(ctx) {
      const res = await book(ctx, "127.0.0.13", [{ firstName: "New", lastName: "Visitor", email: `new-${uniq()}@bench.tandem.test` }]);
      return res.status === 200 && res.body.appointmentId ? null : fail(`an honest booking failed: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    },
    async attack(ctx) {
      const alice = await newPortalClient(ctx, "Alice");
      const stranger = `stranger-${uniq()}@bench.tandem.test`;
      const res = await book(ctx, "127.0.0.14", [
        { firstName: "Alice", lastName: "Bench", email: alice.email },
        { firstName: "Mallory", lastName: "Bench", email: stranger },
      ]);
      if (res.status !== 200) return fail(`the booking itself was refused (${res.status}); the probe needs it to stand on its own`);
      const [couple] = await ctx.sql`select 1 from couples where client_a_id = ${alice.id} or client_b_id = ${alice.id}`;
      const [attached] = await ctx.sql`select 1 from appointment_attendees where client_id = ${alice.id}`;
      const [account] = await ctx.sql`select 1 from users where email = ${stranger}`;
      if (couple) return fail("Alice is now in a couple with the stranger");
      if (attached) return fail("the booking is attached to Alice's record");
      if (account) return fail("the stranger got a portal account");
      return null;
    },
  },
  {
    name: "staff cannot move a client's portal login to their own address",
    hole: 3,
    async legit(ctx) {
      const desk = await newMember(ctx, "front_desk");
      const bea = await newPortalClient(ctx, "Bea");
      const cookie = await sessionCookie(ctx.sql, desk.id);
      await callAction(ctx.url, `/clinic/${ctx.fixture.slug}/clients/${bea.id}/edit`, SAVE_CLIENT, [ctx.fixture.slug, bea.id, { firstName: "Bea", lastName: "Bench", email: bea.email, phone: "555 0100 22", dateOfBirth: "1987-03-14", portalAccess: true }], { cookie, from: "127.0.0.15" });
      const [row] = await ctx.sql<{ phone: string | null }[]>`select phone from clients where id = ${bea.id}`;
      return row?.phone === "555 0100 22" ? null : fail(`an ordinary edit did not save (phone ${row?.phone})`);
    },
    async attack(ctx) {
      const desk = await newMember(ctx, "front_desk");
      const bea = await newPortalClient(ctx, "Bea");
      const cookie = await sessionCookie(ctx.sql, desk.id);
      for (const email of [desk.email, `desk-private-${uniq()}@bench.tandem.test`]) {
        await callAction(ctx.url, `/clinic/${ctx.fixture.slug}/clients/${bea.id}/edit`, SAVE_CLIENT, [ctx.fixture.slug, bea.id, { firstName: "Bea", lastName: "Bench", email, phone: "", dateOfBirth: "1987-03-14", portalAccess: true }], { cookie, from: "127.0.0.16" });
        const [row] = await ctx.sql<{ email: string; user_id: string }[]>`select email, user_id from clients where id = ${bea.id}`;
        if (row?.email !== bea.email || row.user_id !== bea.userId) return fail(`the portal login moved to ${row?.email}`);
      }
      return null;
    },
  },
  {
    name: "superbills only for roles with clinical and billing reach",
    hole: 4,
    async legit(ctx) {
      const owner = await newMember(ctx, "owner");
      const c = await newPortalClient(ctx, "Cleo");
      const res = await request(ctx.url, `/clinic/${ctx.fixture.slug}/clients/${c.id}/superbill?from=2026-01-01&to=2026-12-31`, { headers: { cookie: await sessionCookie(ctx.sql, owner.id) }, from: "127.0.0.17" });
      return res.status === 200 && String(res.headers["content-type"]).includes("pdf") ? null : fail(`owner got ${res.status} ${res.headers["content-type"]}`);
    },
    async attack(ctx) {
      const c = await newPortalClient(ctx, "Cleo");
      for (const role of ["front_desk", "clinician"]) {
        const m = await newMember(ctx, role);
        const res = await request(ctx.url, `/clinic/${ctx.fixture.slug}/clients/${c.id}/superbill?from=2026-01-01&to=2026-12-31`, { headers: { cookie: await sessionCookie(ctx.sql, m.id) }, from: "127.0.0.18" });
        if (res.status !== 404) return fail(`${role} got ${res.status}`);
        if (res.body.includes("1987") || res.body.includes("%PDF")) return fail(`${role}'s 404 carries record data`);
      }
      return null;
    },
  },
  {
    name: "security headers on a page, a route handler and an error page",
    hole: 5,
    async legit(ctx) {
      const res = await request(ctx.url, "/", { from: "127.0.0.19" });
      return res.status === 200 ? null : fail(`home answered ${res.status}`);
    },
    async attack(ctx) {
      const q = new URLSearchParams({ service: ctx.fixture.serviceId, from: new Date().toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() });
      for (const p of [...HEADER_PATHS, `/api/book/${ctx.fixture.slug}/slots?${q}`]) {
        const h = (await request(ctx.url, p, { from: "127.0.0.19" })).headers;
        const csp = String(h["content-security-policy"] ?? "");
        const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
        if (!p.startsWith("/api") && (!script.includes("'nonce-") || script.includes("unsafe-inline"))) return fail(`${p}: script-src is "${script}"`);
        if (!p.startsWith("/api") && !csp.includes("frame-ancestors 'none'")) return fail(`${p}: no frame-ancestors 'none'`);
        if (h["x-content-type-options"] !== "nosniff") return fail(`${p}: no nosniff`);
        if (h["referrer-policy"] !== "strict-origin-when-cross-origin") return fail(`${p}: referrer-policy ${h["referrer-policy"]}`);
        if (!h["permissions-policy"]) return fail(`${p}: no permissions-policy`);
        if (h["x-frame-options"] !== "DENY" && !csp.includes("frame-ancestors 'none'")) return fail(`${p}: can be framed`);
      }
      return null;
    },
  },
  {
    name: "X-Forwarded-For from a client is not believed; one IP cannot lock a clinician out",
    hole: 6,
    async legit(ctx) {
      const m = await newMember(ctx, "clinician");
      await signInRequest(ctx, m.email, "127.0.0.21");
      return (await emailsTo(ctx.sql, m.email, "sign-in")).length === 1 ? null : fail("an ordinary sign-in request sent no link");
    },
    async attack(ctx) {
      let limited = false;
      for (let i = 0; i < 14 && !limited; i++) {
        const res = await signInRequest(ctx, `nobody-${uniq()}@bench.tandem.test`, "127.0.0.22", { "x-forwarded-for": `198.51.100.${i + 1}` });
        limited = res.body.includes("Too many");
      }
      if (!limited) return fail("14 requests from one address with changing X-Forwarded-For were never limited");
      const victim = await newMember(ctx, "clinician");
      for (let i = 0; i < 6; i++) await signInRequest(ctx, victim.email, "127.0.0.23");
      const before = (await emailsTo(ctx.sql, victim.email, "sign-in")).length;
      await signInRequest(ctx, victim.email, "127.0.0.24");
      const after = (await emailsTo(ctx.sql, victim.email, "sign-in")).length;
      return after === before + 1 ? null : fail("after another IP's flood the clinician got no link from her own IP");
    },
  },
  {
    name: "holds are limited per IP (a script cannot hold every free time)",
    hole: 7,
    async legit(ctx) {
      const res = await hold(ctx, "127.0.0.31");
      return res.status === 201 ? null : fail(`an honest hold got ${res.status}`);
    },
    async attack(ctx) {
      const statuses: number[] = [];
      let message = "";
      for (let i = 0; i < 8; i++) {
        const res = await hold(ctx, "127.0.0.32");
        statuses.push(res.status);
        if (res.status === 429) message = res.body.message ?? "";
      }
      const won = statuses.filter((s) => s === 201).length;
      if (won > 3) return fail(`one address held ${won} times at once`);
      if (!message) return fail("no plain message when limited");
      return null;
    },
  },
  {
    name: "production refuses to start without its settings; demo tooling is closed",
    hole: 8,
    async legit(ctx) {
      const home = await request(ctx.url, "/", { from: "127.0.0.33" });
      return home.status === 200 && home.body.includes("Test payments") ? null : fail("the stand-in demo does not say 'Test payments'");
    },
    async attack(ctx) {
      const outbox = await request(ctx.url, "/dev/outbox", { from: "127.0.0.33" });
      if (outbox.status !== 404) return fail(`/dev/outbox answered ${outbox.status} in production`);
      const out = await startBare();
      for (const name of ["APP_URL", "AUTH_SECRET", "STRIPE_SECRET_KEY", "RESEND_API_KEY"]) {
        if (!out.stderr.includes(name)) return fail(`a bare production start did not name ${name} (exit ${out.code}): ${out.stderr.slice(0, 300)}`);
      }
      return out.code !== 0 && out.code !== null ? null : fail(`a bare production start exited ${out.code}`);
    },
  },
  {
    name: "callbackUrl cannot send a signed-in user off the site",
    hole: 9,
    async legit(ctx) {
      const loc = await callbackRedirect(ctx, "/after-sign-in", "127.0.0.41");
      return loc && new URL(loc, ctx.url).origin === new URL(ctx.url).origin ? null : fail(`an ordinary sign-in redirected to ${loc}`);
    },
    async attack(ctx) {
      for (const target of ["/\\evil.example", "//evil.example", "https://evil.example/x"]) {
        const loc = await callbackRedirect(ctx, target, "127.0.0.42");
        if (loc && new URL(loc, ctx.url).origin !== new URL(ctx.url).origin) return fail(`${target} redirected to ${loc}`);
      }
      return null;
    },
  },
];

/** Signs a fresh member in through the emailed link with callbackUrl swapped; returns where Auth.js redirects. */
async function callbackRedirect(ctx: Ctx, callbackUrl: string, from: string): Promise<string | null> {
  const m = await newMember(ctx, "clinician");
  await signInRequest(ctx, m.email, from);
  const link = linkIn((await emailsTo(ctx.sql, m.email, "sign-in")).at(-1));
  if (!link) return null;
  const cb = new URL("/api/auth/callback/email", ctx.url);
  cb.searchParams.set("token", link.searchParams.get("token") ?? "");
  cb.searchParams.set("email", link.searchParams.get("email") ?? m.email);
  cb.searchParams.set("callbackUrl", callbackUrl);
  const res = await request(ctx.url, `${cb.pathname}${cb.search}`, { from });
  return res.headers.location ?? null;
}

/** `next start` with none of the production settings: must stop at once, naming each. */
function startBare(): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    void pickPort(3290).then((port) => {
      const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/root", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
      const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], { env: env as NodeJS.ProcessEnv, stdio: "pipe" });
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stderr += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
      child.on("exit", (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  });
}

const results = await withBenchServer("security", { app: 3260, pg: 54386 }, async ({ server, sql }) => {
  const fixture = await createBookingFixture(sql, 1);
  // Free, so a booking confirms at once; the attack is about identity, not payment.
  await sql`update services set price_cents = 0, attendance = 'either' where id = ${fixture.serviceId}`;
  const ctx: Ctx = { url: server.url, sql, fixture };
  times = await freeTimes(ctx, 40);
  const out: { name: string; hole: number; legit: boolean; blocked: boolean; why?: string }[] = [];
  for (const probe of probes) {
    let legitWhy: string | null;
    let attackWhy: string | null = "not run";
    try {
      legitWhy = await probe.legit(ctx);
      if (legitWhy === null) attackWhy = await probe.attack(ctx);
    } catch (error) {
      legitWhy = `threw: ${(error as Error).message}`;
    }
    const entry = { name: probe.name, hole: probe.hole, legit: legitWhy === null, blocked: legitWhy === null && attackWhy === null };
    out.push(legitWhy || attackWhy ? { ...entry, why: legitWhy ?? attackWhy ?? undefined } : entry);
    log(`${entry.blocked ? "ok  " : "FAIL"} #${probe.hole} ${probe.name}${legitWhy || attackWhy ? `: ${legitWhy ?? attackWhy}` : ""}`);
  }
  return out;
});
const failures = results.filter((r) => !r.blocked);
printResult({ bench: "security", probes: results.length, failures: failures.length, failed: failures.map((f) => ({ hole: f.hole, why: f.why })), holes: [...new Set(results.map((r) => r.hole))] });
process.exit(failures.length === 0 ? 0 : 1);
