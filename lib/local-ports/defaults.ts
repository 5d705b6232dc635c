import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Default loopback ports of the local helpers (the embedded PostgreSQL and
 * the Stripe stand-in), so two checkouts on one machine do not collide:
 * each data directory gets its own ports, derived from its absolute path
 * (stable across restarts), unless another program held that port, in which
 * case `decideLocalPorts` picked a free one and recorded it in
 * `<DATA_DIR>/local-ports.json` for every later process of the checkout.
 * Read only through lib/env (and decideLocalPorts); no import of lib/env here.
 */
export type LocalPortKind = "embeddedPg" | "stripeStandIn";

// Below Linux's ephemeral range (32768+), clear of PostgreSQL's 5432 and the tests' defaults.
const RANGES: Record<LocalPortKind, { base: number; size: number }> = {
  embeddedPg: { base: 22_000, size: 5_000 },
  stripeStandIn: { base: 27_000, size: 2_000 },
};

export const DEFAULT_DATA_DIR = ".data";

/** The port a data directory gets when nothing else has been recorded for it. */
export function derivedPort(kind: LocalPortKind, dataDir: string): number {
  const { base, size } = RANGES[kind];
  const hash = createHash("sha256").update(`${kind}:${path.resolve(dataDir)}`).digest();
  return base + (hash.readUInt32BE(0) % size);
}

function recordFile(dataDir: string): string {
  return path.resolve(dataDir, "local-ports.json");
}

function readRecord(dataDir: string): Partial<Record<LocalPortKind, number>> {
  try {
    const parsed = JSON.parse(readFileSync(recordFile(dataDir), "utf8")) as Record<string, unknown>;
    const out: Partial<Record<LocalPortKind, number>> = {};
    for (const kind of Object.keys(RANGES) as LocalPortKind[]) {
      const value = parsed[kind];
      if (typeof value === "number" && Number.isInteger(value) && value >= 1024 && value <= 65535) out[kind] = value;
    }
    return out;
  } catch {
    return {};
  }
}

export function recordedPort(kind: LocalPortKind, dataDir: string): number | undefined {
  return readRecord(dataDir)[kind];
}

export function recordPort(kind: LocalPortKind, dataDir: string, port: number): void {
  if (recordedPort(kind, dataDir) === port) return;
  mkdirSync(path.resolve(dataDir), { recursive: true });
  writeFileSync(recordFile(dataDir), `${JSON.stringify({ ...readRecord(dataDir), [kind]: port }, null, 2)}\n`);
}

/** The port lib/env uses when the variable is unset: the recorded one, else the derived one. */
export function defaultLocalPort(kind: LocalPortKind, dataDir: string): number {
  return recordedPort(kind, dataDir) ?? derivedPort(kind, dataDir);
}
