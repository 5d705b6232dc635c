import http from "node:http";

/**
 * `attempts` visitors POST a hold for the same time with the same clinician
 * at once, over HTTP to the holds route of one or more servers: attempt i
 * goes to `urls[i % urls.length]` (two instances: A, B, A, B, ...). Each
 * visitor comes from its own address (`ip(i)`, in the header the one trusted
 * proxy hop would set: the servers run with TRUSTED_PROXY_HOPS=1), so the
 * per-IP hold limits see that many people. Used by `npm run
 * bench:booking-race` and tests/e2e/multi-instance.spec.ts.
 *
 * A success is a 201; a clean conflict a 409 with code "taken", a message
 * and next free times; anything else (another status, a body without those,
 * a failed request) is an error.
 */
export interface HoldRace {
  successes: number;
  conflicts: number;
  errors: number;
  elapsedMs: number;
  /** The same counts per server, in the order of `urls`. */
  byInstance: { url: string; successes: number; conflicts: number; errors: number }[];
  /** Up to ten unexpected answers, for the log (status and the start of the body). */
  unexpected: string[];
}

type Outcome = "success" | "conflict" | "error";

export async function raceHolds(options: {
  urls: string[];
  slug: string;
  hold: { serviceId: string; clinicianId: string; start: string };
  attempts: number;
  ip: (i: number) => string;
}): Promise<HoldRace> {
  const { urls, attempts } = options;
  // Enough sockets for every attempt to be in flight at once.
  const agent = new http.Agent({ keepAlive: false, maxSockets: attempts });
  const unexpected: string[] = [];
  const note = (line: string) => {
    if (unexpected.length < 10) unexpected.push(line);
  };
  const post = (url: string, payload: unknown, ip: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const data = JSON.stringify(payload);
      const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), "x-forwarded-for": ip } }, (res) => {
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
    Array.from({ length: attempts }, async (_, i): Promise<Outcome> => {
      try {
        const res = await post(`${urls[i % urls.length]}/api/book/${options.slug}/holds`, options.hold, options.ip(i));
        let body: { code?: string; message?: string; alternatives?: unknown[] } = {};
        try {
          body = JSON.parse(res.body) as typeof body;
        } catch {
          // not JSON: an error below
        }
        if (res.status === 201) return "success";
        if (res.status === 409 && body.code === "taken" && body.message && Array.isArray(body.alternatives) && body.alternatives.length > 0) return "conflict";
        note(`${res.status}: ${res.body.slice(0, 200)}`);
        return "error";
      } catch (error) {
        note(`request failed: ${(error as Error).message}`);
        return "error";
      }
    }),
  );
  const elapsedMs = Math.round(performance.now() - started);
  agent.destroy();
  const count = (kind: Outcome, server?: number) => outcomes.filter((o, i) => o === kind && (server === undefined || i % urls.length === server)).length;
  return {
    successes: count("success"),
    conflicts: count("conflict"),
    errors: count("error"),
    elapsedMs,
    byInstance: urls.map((url, n) => ({ url, successes: count("success", n), conflicts: count("conflict", n), errors: count("error", n) })),
    unexpected,
  };
}
