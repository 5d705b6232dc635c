import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { LOCAL_PRODUCTION_ENV, startProdServer, type ProdServer } from "./prod-server";

/**
 * Several production instances of the app on one PostgreSQL, as behind a
 * load balancer (tests/e2e/multi-instance.spec.ts, `npm run
 * bench:booking-race -- --instances 2`): each a standalone server on its own port,
 * all with the same DATABASE_URL, AUTH_SECRET (LOCAL_PRODUCTION_ENV) and
 * APP_URL, the public origin every link and Auth.js redirect names, whichever
 * instance made it. Plus `npm run worker` processes for the jobs.
 * docs/decisions/0024-several-instances.md.
 */

/** `count` distinct ports the OS says are free on loopback right now (all held open until each is known). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<net.Server>((resolve, reject) => {
          const server = net.createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

/**
 * Starts one production server per port, side by side, with the same
 * settings. Resolves once every one answers `/`; if one fails, the others
 * are stopped and the first failure is thrown.
 */
export async function startInstances(options: { ports: number[]; env: Record<string, string>; timeoutMs?: number }): Promise<ProdServer[]> {
  const settled = await Promise.allSettled(options.ports.map((port) => startProdServer({ port, env: options.env, timeoutMs: options.timeoutMs ?? 180_000 })));
  const servers = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  return servers;
}

export interface WorkerProcess {
  process: ChildProcess;
  /** Everything it printed so far (a failed start's reason). */
  output: string[];
  stop(): Promise<void>;
}

/**
 * `npm run worker` (scripts/worker.ts) with the production settings the
 * servers get plus `env`; resolves once it says it has started its runner.
 */
export function startWorker(env: Record<string, string>, timeoutMs = 120_000): Promise<WorkerProcess> {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  const child = spawn(process.execPath, [tsx, "scripts/worker.ts"], {
    env: { ...process.env, NODE_ENV: "production", ...LOCAL_PRODUCTION_ENV, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  let exited = false;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`the worker did not start in ${timeoutMs} ms:\n${output.join("\n")}`)));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        output.push(line);
        // "[jobs] worker started" (or the same words inside a JSON log line).
        if (/worker started/.test(line)) {
          clearTimeout(timer);
          resolve({ process: child, output, stop });
        }
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      exited = true;
      clearTimeout(timer);
      reject(new Error(`the worker exited (${code}) before it started:\n${output.join("\n")}`));
    });
  });
}

export interface Balancer {
  /** The public origin (APP_URL): every instance's links and redirects name it. */
  url: string;
  /** Sends every request from now on to instance `index` of the targets. */
  pin(index: number): void;
  /** Each request it passed on: which instance answered, method, path (without the query) and status. */
  served: { instance: number; method: string; path: string; status: number }[];
  close(): Promise<void>;
}

/**
 * The load balancer in front of the instances, for tests: one origin on
 * `port` that passes each request, Host header and all, to the instance it is
 * pinned to, so a browser sees one site (cookies, CSP 'self', Auth.js's
 * redirects to APP_URL) while the test decides which instance serves each
 * step, and can show which one did.
 */
export function startBalancer(targets: string[], port: number): Promise<Balancer> {
  let current = 0;
  const served: Balancer["served"] = [];
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const instance = current;
    const upstream = http.request(new URL(req.url ?? "/", targets[instance]), { method: req.method, headers: req.headers, agent }, (answer) => {
      served.push({ instance, method: req.method ?? "GET", path: (req.url ?? "/").split("?")[0]!, status: answer.statusCode ?? 0 });
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        pin: (index) => {
          if (!targets[index]) throw new Error(`no instance ${index}`);
          current = index;
        },
        served,
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}
