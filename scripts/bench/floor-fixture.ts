import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type postgres from "postgres";
import { randomToken } from "@/lib/tokens/random";
import type { ProdServer } from "../lib/prod-server";
import { createBookingFixture, type BookingFixture } from "./booking-fixture";
import { log } from "./lib";

/**
 * What `npm run bench:floor` measures: the bare floor app (build and start)
 * and the app's routes with their data (the demo practice with 500 more
 * clients, signed in as its owner; a practice of its own with 3 clinicians
 * and 300 appointments for the slots endpoint).
 */

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
export const FLOOR_APP_DIR = path.join(root, "scripts", "bench", "floor-app");

const PRACTICE_SLUG = "harbor-couples";
const OWNER_EMAIL = "therapist@harbor.demo.tandem.test";
const RECORD_CLIENT_EMAIL = "daniel.okafor@harbor.demo.tandem.test";
const EXTRA_CLIENTS = 500;
const BENCH_EMAIL_DOMAIN = "bench.tandem.test";
const SESSION_COOKIE = "authjs.session-token";
const APPOINTMENTS = 300;

/** `next build` of the bare app into scripts/bench/floor-app/.next, unless it is there. */
export function buildFloorIfNeeded(force: boolean): void {
  if (!force && existsSync(path.join(FLOOR_APP_DIR, ".next", "BUILD_ID"))) return;
  log("building the bare floor app (scripts/bench/floor-app)");
  const result = spawnSync(process.execPath, [nextBin, "build", FLOOR_APP_DIR], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error("next build of the floor app failed");
}

/** `next start` of the bare app; resolved once `/` answers 200. */
export async function startFloor(port: number): Promise<ProdServer> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [nextBin, "start", FLOOR_APP_DIR, "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error("the floor app's next start exited before it answered");
    try {
      if ((await fetch(url)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the floor app did not answer 200 on ${url} in time`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** 500 distinct clients (every first × last name pair), as bench:home adds. */
function benchClients(practiceId: string) {
  const first = ["Aiden", "Beatriz", "Carmen", "Dmitri", "Elena", "Farah", "Gabriel", "Hana", "Isaac", "Jolene", "Kofi", "Lena", "Mateo", "Nadia", "Oscar", "Paloma", "Quinn", "Rosa", "Samir", "Tessa", "Umar", "Vera", "Wesley", "Ximena", "Yusuf"];
  const last = ["Abernathy", "Bianchi", "Castillo", "Dubois", "Eriksen", "Fitzgerald", "Gonzalez", "Haddad", "Ivanova", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Oyelaran", "Petrov", "Quintero", "Romano", "Sato", "Thorsen"];
  const rows = [];
  let i = 0;
  for (const l of last) {
    for (const f of first) {
      i += 1;
      rows.push({
        practice_id: practiceId,
        first_name: f,
        last_name: l,
        email: `${f}.${l}.${String(i).padStart(3, "0")}@${BENCH_EMAIL_DOMAIN}`.toLowerCase(),
        status: i % 10 === 0 ? "archived" : "active",
      });
    }
  }
  return rows.slice(0, EXTRA_CLIENTS);
}

/** 300 confirmed appointments over the fixture's clinicians (bench:slots-http's data). */
async function addAppointments(sql: postgres.Sql, fixture: BookingFixture): Promise<number> {
  const base = new Date();
  base.setUTCHours(17, 0, 0, 0); // 9:00 or 10:00 in Los Angeles
  const rows = [];
  for (let day = 1; day <= 50 && rows.length < APPOINTMENTS; day++) {
    for (const [i, memberId] of fixture.memberIds.entries()) {
      for (let k = 0; k < 2 && rows.length < APPOINTMENTS; k++) {
        const start = new Date(base.getTime() + day * 86_400_000 + (i + k * 3) * 3_600_000);
        const end = new Date(start.getTime() + 50 * 60_000);
        rows.push({
          practice_id: fixture.practiceId,
          service_id: fixture.serviceId,
          member_id: memberId,
          format: "online",
          starts_at: start,
          ends_at: end,
          blocked_from: start,
          blocked_to: new Date(end.getTime() + 10 * 60_000),
          status: "confirmed",
          price_cents: 19000,
          currency: "USD",
        });
      }
    }
  }
  await sql`insert into appointments ${sql(rows)}`;
  return rows.length;
}

export interface FloorRoute {
  name: string;
  /** Which floor it is divided by. */
  floor: "page" | "route";
  url: string;
  headers: Record<string, string>;
  /** Text the page must show (checked before measuring). */
  expect: string | null;
  /** Issue 16 sets a target for it (the home page is measured without one). */
  targeted: boolean;
}

async function expectPage(route: FloorRoute): Promise<void> {
  const res = await fetch(route.url, { headers: route.headers, redirect: "manual" });
  const body = (await res.text()).replace(/<!-- -->/g, "");
  if (res.status !== 200) throw new Error(`${route.url} answered ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}`);
  if (route.expect && !body.includes(route.expect)) throw new Error(`${route.url} does not show "${route.expect}"`);
}

/** Every route answers 200 with what it should show (not a sign-in redirect, an error or a 404). */
export async function checkRoutes(routes: FloorRoute[]): Promise<void> {
  for (const r of routes) await expectPage(r);
}

/** Seeds the data on the app's database and returns the routes to measure. */
export async function seedFloorData(db: postgres.Sql, appUrl: string): Promise<{ routes: FloorRoute[]; clientsInPractice: number; appointments: number; slots: number }> {
  const [practice] = await db<{ id: string; name: string }[]>`select id, name from practices where slug = ${PRACTICE_SLUG}`;
  if (!practice) throw new Error(`practice "${PRACTICE_SLUG}" not found: is the demo seed there?`);
  const [owner] = await db<{ id: string }[]>`
    select u.id from users u join members m on m.user_id = u.id and m.practice_id = ${practice.id} and m.joined_at is not null
    where u.email = ${OWNER_EMAIL}`;
  if (!owner) throw new Error(`${OWNER_EMAIL} is not a member of ${PRACTICE_SLUG}`);
  await db`insert into clients ${db(benchClients(practice.id))}`;
  const [{ n: clientsInPractice } = { n: 0 }] = await db<{ n: number }[]>`select count(*)::int as n from clients where practice_id = ${practice.id}`;
  const [recordClient] = await db<{ id: string; first_name: string; last_name: string }[]>`
    select id, first_name, last_name from clients where practice_id = ${practice.id} and email = ${RECORD_CLIENT_EMAIL}`;
  if (!recordClient) throw new Error(`${RECORD_CLIENT_EMAIL} is not a client of ${PRACTICE_SLUG}`);
  const [firstListed] = await db<{ first_name: string; last_name: string }[]>`
    select first_name, last_name from clients where practice_id = ${practice.id} order by last_name, first_name, id limit 1`;
  const token = randomToken();
  // Past the second factor, in case the owner has one (the gate runs its query either way).
  await db`insert into sessions (session_token, user_id, expires, second_factor_at) values (${token}, ${owner.id}, now() + interval '2 hours', now())`;
  const cookie = { cookie: `${SESSION_COOKIE}=${token}` };

  const fixture = await createBookingFixture(db, 3);
  const appointments = await addAppointments(db, fixture);
  await db`analyze`;
  const from = new Date(Date.now() + 86_400_000);
  const query = new URLSearchParams({ service: fixture.serviceId, clinician: "any", from: from.toISOString(), to: new Date(from.getTime() + 7 * 86_400_000).toISOString() });
  const slotsUrl = `${appUrl}/api/book/${fixture.slug}/slots?${query}`;
  const check = await fetch(slotsUrl);
  const body = (await check.json()) as { slots?: unknown[] };
  if (check.status !== 200 || !body.slots?.length) throw new Error(`slots endpoint answered ${check.status} with ${body.slots?.length ?? 0} slots`);

  const clinic = `${appUrl}/clinic/${PRACTICE_SLUG}`;
  const routes: FloorRoute[] = [
    { name: "slots", floor: "route", url: slotsUrl, headers: {}, expect: null, targeted: true },
    { name: "clients", floor: "page", url: `${clinic}/clients`, headers: cookie, expect: `${firstListed!.last_name}, ${firstListed!.first_name}`, targeted: true },
    { name: "scheduleWeek", floor: "page", url: `${clinic}/schedule?view=week`, headers: cookie, expect: "Schedule", targeted: true },
    { name: "clientRecord", floor: "page", url: `${clinic}/clients/${recordClient.id}`, headers: cookie, expect: `${recordClient.first_name} ${recordClient.last_name}`, targeted: true },
    { name: "homework", floor: "page", url: `${clinic}/homework/clients/${recordClient.id}`, headers: cookie, expect: "Assignments", targeted: true },
    { name: "booking", floor: "page", url: `${appUrl}/book/${PRACTICE_SLUG}`, headers: {}, expect: practice.name, targeted: true },
    { name: "home", floor: "page", url: `${appUrl}/`, headers: {}, expect: "Demo practices", targeted: false },
  ];
  await checkRoutes(routes);
  return { routes, clientsInPractice, appointments, slots: body.slots.length };
}
