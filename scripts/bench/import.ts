import "../lib/local-tooling";
import { randomUUID } from "node:crypto";
import { log, makeDataDir, onInterrupt, pickPort, printResult, removeDataDir } from "./lib";

/**
 * `npm run bench:import`: a 10,000-row CSV (a SimplePractice-style export,
 * one row in five in a couple through the partner column) previewed and then
 * imported in its one transaction, against real PostgreSQL (embedded, or
 * DATABASE_URL). Prints seconds for each step, rows/s and the process's peak
 * memory; passes under 30 s (issue 12). The last stdout line is the JSON result.
 */
const ROWS = 10_000;
const TARGET_SECONDS = 30;

const external = Boolean(process.env.DATABASE_URL);
const pgPort = external ? null : await pickPort(Number(process.env.EMBEDDED_PG_PORT ?? 54390));
const dataDir = external ? null : await makeDataDir("bench-import");
if (!external) {
  // Before any app module reads the environment.
  process.env.DATA_DIR = dataDir!;
  process.env.EMBEDDED_PG_PORT = String(pgPort);
}
const { prepareDatabase } = await import("@/db/boot");
const { db, sql } = await import("@/db/client");
const { stopEmbeddedPostgres } = await import("@/db/embedded");
const { clients, couples, members, practices, users } = await import("@/db/schema");
const { count, eq } = await import("drizzle-orm");
const { confirmImport, previewImport } = await import("@/lib/clients/import/run-import");

const cleanup = onInterrupt(async () => {
  await sql.end({ timeout: 5 }).catch(() => undefined);
  if (!external) {
    await stopEmbeddedPostgres();
    await removeDataDir(dataDir!);
  }
});

function csv(tag: string): Uint8Array {
  const lines = ["\uFEFFFirst Name,Last Name,Preferred Name,Email,Mobile Phone,Date of Birth,Partner Email,Notes"];
  for (let i = 0; i < ROWS; i++) {
    // Rows 0-1, 5-6, 10-11…: a couple, each naming the other.
    const partner = i % 5 === 0 ? i + 1 : i % 5 === 1 ? i - 1 : null;
    const dob = `${String((i % 12) + 1).padStart(2, "0")}/${String((i % 28) + 1).padStart(2, "0")}/${1950 + (i % 50)}`;
    lines.push(
      [`First${i}`, `"Last, ${i}"`, i % 3 === 0 ? `Pref${i}` : "", `client${i}.${tag}@bench.test`, `+1 555 ${String(i).padStart(7, "0")}`, dob, partner === null ? "" : `client${partner}.${tag}@bench.test`, `"Moved from the old system; row ${i}"`].join(","),
    );
  }
  return new TextEncoder().encode(lines.join("\r\n") + "\r\n");
}

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

try {
  log(external ? "using DATABASE_URL" : `embedded postgres on port ${pgPort}, data dir ${dataDir}`);
  await prepareDatabase({ seed: false, quiet: true });
  const tag = randomUUID().slice(0, 8);
  const now = new Date();
  const [practice] = await db.insert(practices).values({ name: `Bench ${tag}`, slug: `bench-${tag}`, kind: "couples_therapy", timeZone: "America/New_York" }).returning();
  const [user] = await db.insert(users).values({ email: `owner-${tag}@bench.test`, name: "Owner" }).returning();
  const [member] = await db.insert(members).values({ practiceId: practice!.id, userId: user!.id, role: "owner", displayName: "Owner", joinedAt: now }).returning();
  const scope = { user: { id: user!.id, email: user!.email, name: user!.name, isStaff: true }, practice: practice!, memberId: member!.id, role: "owner" as const, displayName: "Owner" };
  const bytes = csv(tag);
  log(`${ROWS} rows, ${bytes.byteLength} bytes`);

  sample();
  const timer = setInterval(sample, 10);
  const started = performance.now();
  const previewed = await previewImport(scope, { bytes, mapping: null });
  const previewSeconds = (performance.now() - started) / 1000;
  if (!previewed.ok) throw new Error(`preview refused: ${JSON.stringify(previewed.errors)}`);
  const { preview } = previewed;
  const confirmStarted = performance.now();
  const confirmed = await confirmImport(scope, { bytes, mapping: preview.mapping, fingerprint: preview.fingerprint, expected: { good: preview.totals.good, couples: preview.totals.couples } }, now);
  const confirmSeconds = (performance.now() - confirmStarted) / 1000;
  clearInterval(timer);
  sample();
  if (!confirmed.ok) throw new Error(`confirm refused: ${JSON.stringify(confirmed)}`);

  const [stored] = await db.select({ n: count() }).from(clients).where(eq(clients.practiceId, practice!.id));
  const [linked] = await db.select({ n: count() }).from(couples).where(eq(couples.practiceId, practice!.id));
  const seconds = previewSeconds + confirmSeconds;
  const mb = (b: number) => Math.round((b / (1024 * 1024)) * 10) / 10;
  printResult({
    bench: "import",
    rows: ROWS,
    bytes: bytes.byteLength,
    created: stored!.n,
    couples: linked!.n,
    previewSeconds: Math.round(previewSeconds * 100) / 100,
    confirmSeconds: Math.round(confirmSeconds * 100) / 100,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(ROWS / seconds),
    peakRssMb: mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024)),
    peakHeapMb: mb(peakHeap),
    targetSeconds: TARGET_SECONDS,
    pass: stored!.n === ROWS && linked!.n === ROWS / 5 && seconds < TARGET_SECONDS,
  });
} finally {
  await cleanup();
}
