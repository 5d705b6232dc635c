import autocannon, { type Result } from "autocannon";
import postgres from "postgres";
import { embeddedUrl } from "@/db/embedded";
import { randomToken } from "@/lib/tokens/random";
import { buildIfNeeded, startProdServer, type ProdServer } from "../lib/prod-server";
import { ensurePostgresStopped, log, makeDataDir, nextVersion, onInterrupt, pickPort, printResult, removeDataDir } from "./lib";

/**
 * `npm run bench:home`: requests per second and p50/p99 latency under
 * autocannon for the public home page `/` and the staff clients list
 * `/clinic/harbor-couples/clients` (signed in as the practice owner, with
 * 500 extra clients in the practice), against the production build.
 *
 * Uses its own data directory and embedded PostgreSQL, or DATABASE_URL when
 * set (then the extra clients and the session are removed afterwards).
 */

const CONNECTIONS = 10;
const DURATION_SEC = 10;
const WARMUP_SEC = 2;
const EXTRA_CLIENTS = 500;
const PRACTICE_SLUG = "harbor-couples";
const OWNER_EMAIL = "therapist@harbor.demo.tandem.test";
// Extra clients' emails end with this, so they can be found and removed.
const BENCH_EMAIL_DOMAIN = "bench.tandem.test";
const SESSION_COOKIE = "authjs.session-token";

const FIRST_NAMES = [
  "Aiden", "Beatriz", "Carmen", "Dmitri", "Elena", "Farah", "Gabriel", "Hana", "Isaac", "Jolene",
  "Kofi", "Lena", "Mateo", "Nadia", "Oscar", "Paloma", "Quinn", "Rosa", "Samir", "Tessa",
  "Umar", "Vera", "Wesley", "Ximena", "Yusuf",
];
const LAST_NAMES = [
  "Abernathy", "Bianchi", "Castillo", "Dubois", "Eriksen", "Fitzgerald", "Gonzalez", "Haddad", "Ivanova", "Jensen",
  "Kowalski", "Larsen", "Moreau", "Nakamura", "Oyelaran", "Petrov", "Quintero", "Romano", "Sato", "Thorsen",
];

const external = Boolean(process.env.DATABASE_URL);

buildIfNeeded();

const port = await pickPort(3202);
const pgPort = external ? null : await pickPort(54372, [port]);
const dataDir = external ? null : await makeDataDir("bench-home");
log(external ? `using DATABASE_URL, app port ${port}` : `data dir ${dataDir}, app port ${port}, embedded postgres port ${pgPort}`);

let server: ProdServer | null = null;
let sql: postgres.Sql | null = null;
let practiceId: string | null = null;
let sessionToken: string | null = null;

const cleanup = onInterrupt(async () => {
  if (sql) {
    if (external) {
      // A shared database: take back what the bench added.
      if (sessionToken) await sql`delete from sessions where session_token = ${sessionToken}`.catch(() => undefined);
      if (practiceId) await deleteBenchClients(sql, practiceId).catch(() => undefined);
    }
    await sql.end({ timeout: 5 });
    sql = null;
  }
  if (server) {
    await server.stop();
    server = null;
  }
  if (dataDir && pgPort) {
    await ensurePostgresStopped(dataDir, pgPort);
    await removeDataDir(dataDir);
  }
});

function deleteBenchClients(db: postgres.Sql, practice: string) {
  return db`delete from clients where practice_id = ${practice} and email like ${`%@${BENCH_EMAIL_DOMAIN}`}`;
}

/** 500 distinct, plausible clients (every first × last name pair). */
function benchClients(practice: string) {
  const rows = [];
  let i = 0;
  for (const last of LAST_NAMES) {
    for (const first of FIRST_NAMES) {
      i += 1;
      const n = String(i).padStart(3, "0");
      rows.push({
        practice_id: practice,
        first_name: first,
        last_name: last,
        email: `${first}.${last}.${n}@${BENCH_EMAIL_DOMAIN}`.toLowerCase(),
        phone: `+1 310-555-${String(i).padStart(4, "0")}`,
        date_of_birth: `19${70 + (i % 30)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
        status: i % 10 === 0 ? "archived" : "active",
      });
    }
  }
  return rows.slice(0, EXTRA_CLIENTS);
}

async function getPage(path: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; location: string | null }> {
  const res = await fetch(`${server!.url}${path}`, { redirect: "manual", headers });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
}

async function measure(label: string, path: string, headers: Record<string, string>) {
  const url = `${server!.url}${path}`;
  log(`${label}: ${WARMUP_SEC} s warm-up`);
  const warm = await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_SEC, headers });
  if (warm.non2xx > 0 || warm.errors > 0) log(`${label}: warm-up had ${warm.non2xx} non-2xx and ${warm.errors} errors`);
  log(`${label}: ${DURATION_SEC} s with ${CONNECTIONS} connections`);
  const r: Result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SEC, headers });
  const figures = {
    rps: Math.round(r.requests.average * 10) / 10,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    requests: r.requests.total,
    errors: r.errors,
    timeouts: r.timeouts,
  };
  log(`${label}: ${JSON.stringify(figures)} status codes ${JSON.stringify(r.statusCodeStats)}`);
  return figures;
}

let exitCode = 0;
try {
  const started = await startProdServer({
    port,
    env: external ? {} : { DATA_DIR: dataDir!, EMBEDDED_PG_PORT: String(pgPort) },
    timeoutMs: 180_000,
  });
  server = started;
  log(`${started.url}/ answered 200 ${started.readyMs} ms after next start`);

  // The server has started the embedded database; connect to the same one.
  const db = postgres(process.env.DATABASE_URL ?? embeddedUrl(pgPort!, "tandem"), { max: 2, onnotice: () => {} });
  sql = db;

  const [practice] = await db<{ id: string }[]>`select id from practices where slug = ${PRACTICE_SLUG}`;
  if (!practice) throw new Error(`practice "${PRACTICE_SLUG}" not found: is the demo seed there?`);
  practiceId = practice.id;
  const [owner] = await db<{ id: string }[]>`
    select u.id from users u
    join members m on m.user_id = u.id and m.practice_id = ${practice.id} and m.joined_at is not null
    where u.email = ${OWNER_EMAIL}`;
  if (!owner) throw new Error(`${OWNER_EMAIL} is not a member of ${PRACTICE_SLUG}`);

  await deleteBenchClients(db, practice.id); // leftovers of an interrupted run (shared database)
  const inserted = await db`insert into clients ${db(benchClients(practice.id))}`;
  log(`inserted ${inserted.count} clients into ${PRACTICE_SLUG}`);
  const [{ n: clientsInPractice } = { n: 0 }] = await db<{ n: number }[]>`select count(*)::int as n from clients where practice_id = ${practice.id}`;

  sessionToken = randomToken();
  await db`insert into sessions (session_token, user_id, expires) values (${sessionToken}, ${owner.id}, now() + interval '2 hours')`;
  const cookie = { cookie: `${SESSION_COOKIE}=${sessionToken}` };

  // Check we measure the real pages, not a redirect, an error or a 404.
  const clientsPath = `/clinic/${PRACTICE_SLUG}/clients`;
  const home = await getPage("/");
  if (home.status !== 200) throw new Error(`/ answered ${home.status}`);
  if (!home.html.includes("Demo practices")) throw new Error("/ does not look like the home page");
  const list = await getPage(clientsPath, cookie);
  if (list.status !== 200) throw new Error(`${clientsPath} answered ${list.status}${list.location ? ` → ${list.location}` : ""}`);
  const [first] = await db<{ first_name: string; last_name: string }[]>`
    select first_name, last_name from clients where practice_id = ${practice.id}
    order by last_name, first_name, id limit 1`;
  const text = list.html.replace(/<!-- -->/g, "");
  const expectedName = `${first!.last_name}, ${first!.first_name}`;
  if (!text.includes(expectedName)) throw new Error(`${clientsPath} does not list "${expectedName}"`);
  const listed = new Set(text.match(new RegExp(`/clinic/${PRACTICE_SLUG}/clients/[0-9a-f-]{36}`, "g")) ?? []).size;
  log(`${clientsPath}: 200, lists "${expectedName}" and ${listed} client links (${list.html.length} bytes)`);

  const homeFigures = await measure("home", "/", {});
  const clientsFigures = await measure("clients", clientsPath, cookie);

  // Still signed in at the end (the session was not dropped mid-run).
  const after = await getPage(clientsPath, cookie);
  if (after.status !== 200) throw new Error(`${clientsPath} answered ${after.status} after the run`);

  await cleanup();
  printResult({
    bench: "home",
    connections: CONNECTIONS,
    durationSec: DURATION_SEC,
    home: homeFigures,
    clients: clientsFigures,
    clientsInPractice,
    clientsListed: listed,
    node: process.version,
    next: nextVersion(),
  });
  if (homeFigures.non2xx > 0 || clientsFigures.non2xx > 0 || homeFigures.errors > 0 || clientsFigures.errors > 0) {
    log("some responses were not 2xx (or failed): the figures are not valid");
    exitCode = 1;
  }
} catch (error) {
  log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  await cleanup();
  exitCode = 1;
}
process.exit(exitCode);
