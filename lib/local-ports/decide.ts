import net from "node:net";
import path from "node:path";
import { portListening, probeEmbeddedPort } from "@/db/embedded";
import { DEFAULT_DATA_DIR, derivedPort, recordPort, recordedPort, type LocalPortKind } from "./defaults";

type Probe = (port: number, dataDir: string) => Promise<"free" | "ours" | "other">;

/**
 * Decides the ports of this checkout's local helpers before anything reads
 * lib/env, and writes them into the environment so every module (and every
 * child process) agrees: the embedded PostgreSQL's (EMBEDDED_PG_PORT, when
 * there is no DATABASE_URL) and the Stripe stand-in's (STRIPE_STANDIN_PORT,
 * when there is no Stripe key or API base). A variable already set is left
 * alone: its server says plainly at start if the port is taken. Unset: the
 * recorded or derived port (lib/local-ports/defaults.ts) when it is free or
 * already ours, otherwise a free one, recorded for the next processes.
 */
export async function decideLocalPorts(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const dataDir = env.DATA_DIR || DEFAULT_DATA_DIR;
  if (!env.DATABASE_URL && !env.EMBEDDED_PG_PORT) {
    env.EMBEDDED_PG_PORT = String(await choose("embeddedPg", dataDir, probeEmbeddedPort));
  }
  if (!env.STRIPE_SECRET_KEY && !env.STRIPE_API_BASE && !env.STRIPE_STANDIN_PORT) {
    env.STRIPE_STANDIN_PORT = String(await choose("stripeStandIn", dataDir, probeStandIn));
  }
}

async function choose(kind: LocalPortKind, dataDir: string, probe: Probe): Promise<number> {
  const recorded = recordedPort(kind, dataDir);
  const derived = derivedPort(kind, dataDir);
  let chosen: number | undefined;
  for (const port of new Set([recorded, derived])) {
    if (port !== undefined && (await probe(port, dataDir)) !== "other") {
      chosen = port;
      break;
    }
  }
  chosen ??= await freePort();
  if (recorded !== undefined || chosen !== derived) recordPort(kind, dataDir, chosen);
  return chosen;
}

/** Where the local stand-in of `dataDir` keeps its state; its health answer names it. */
export function standInStatePath(dataDir: string): string {
  return path.resolve(dataDir, "stripe-standin.json");
}

/** Nothing on the port, this checkout's stand-in, or something else. */
export async function probeStandIn(port: number, dataDir: string): Promise<"free" | "ours" | "other"> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/__standin/health`, { signal: AbortSignal.timeout(1000) });
    const body = (await res.json().catch(() => null)) as { statePath?: string } | null;
    if (res.ok && body?.statePath === standInStatePath(dataDir)) return "ours";
    return "other";
  } catch {
    return (await portListening(port)) ? "other" : "free";
  }
}

/** A port the OS says is free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
