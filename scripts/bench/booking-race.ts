import http from "node:http";
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
 */
const ATTEMPTS = 200;

const result = await withBenchServer("race", { app: 3203, pg: 54373 }, async ({ server, sql }) => {
  const fixture = await createBookingFixture(sql, 1);
  const from = new Date(Date.now() + 24 * 3_600_000);
  const params = new URLSearchParams({ service: fixture.serviceId, clinician: fixture.memberIds[0]!, from: from.toISOString(), to: new Date(from.getTime() + 3 * 86_400_000).toISOString() });
  const slotsRes = await fetch(`${server.url}/api/book/${fixture.slug}/slots?${params}`);
  const { slots } = (await slotsRes.json()) as { slots: { start: string; clinicianId: string }[] };
  const target = slots[0];
  if (!target) throw new Error("no free slot to race for");
  log(`racing ${ATTEMPTS} holds for ${target.start}`);

  // Enough sockets for every attempt to be in flight at once.
  const agent = new http.Agent({ keepAlive: false, maxSockets: ATTEMPTS });
  const post = (path: string, payload: unknown, ip: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const data = JSON.stringify(payload);
      const req = http.request(`${server.url}${path}`, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), "x-forwarded-for": ip } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end(data);
    });
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: ATTEMPTS }, async (_, i) => {
      try {
        const res = await post(`/api/book/${fixture.slug}/holds`, { serviceId: fixture.serviceId, clinicianId: target.clinicianId, start: target.start }, `2001:db8:2::${(i + 1).toString(16)}`);
        const body = JSON.parse(res.body) as { code?: string; message?: string; alternatives?: unknown[] };
        if (res.status === 201) return "success";
        if (res.status === 409 && body.code === "taken" && body.message && Array.isArray(body.alternatives) && body.alternatives.length > 0) return "conflict";
        log(`unexpected ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
        return "error";
      } catch (error) {
        log(`request failed: ${(error as Error).message}`);
        return "error";
      }
    }),
  );
  const elapsedMs = Math.round(performance.now() - started);
  agent.destroy();
  const [{ n: live } = { n: -1 }] = await sql<{ n: number }[]>`
    select count(*)::int as n from appointments where member_id = ${target.clinicianId} and starts_at = ${target.start} and status in ('held','confirmed')`;
  const count = (k: string) => outcomes.filter((o) => o === k).length;
  return {
    bench: "booking-race",
    attempts: ATTEMPTS,
    successes: count("success"),
    conflicts: count("conflict"),
    errors: count("error"),
    appointmentsInDatabase: live,
    elapsedMs,
    pass: count("success") === 1 && count("conflict") === ATTEMPTS - 1 && count("error") === 0 && live === 1,
  };
}, { TRUSTED_PROXY_HOPS: "1" });
printResult(result);
process.exit(result.pass ? 0 : 1);
