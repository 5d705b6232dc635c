import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { defaultLocalPort, derivedPort, recordPort } from "@/lib/local-ports/defaults";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tandem-ports-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("local ports", () => {
  test("each data directory gets its own stable ports, the database's and the stand-in's apart", () => {
    const a = "/srv/one/tandem/.data";
    const b = "/srv/two/tandem/.data";
    expect(derivedPort("embeddedPg", a)).toBe(derivedPort("embeddedPg", a));
    expect(derivedPort("embeddedPg", a)).not.toBe(derivedPort("embeddedPg", b));
    for (const dir of [a, b]) {
      expect(derivedPort("embeddedPg", dir)).toBeGreaterThanOrEqual(22_000);
      expect(derivedPort("embeddedPg", dir)).toBeLessThan(27_000);
      expect(derivedPort("stripeStandIn", dir)).toBeGreaterThanOrEqual(27_000);
      expect(derivedPort("stripeStandIn", dir)).toBeLessThan(29_000);
    }
  });

  test("a port recorded after a collision wins over the derived one, and lib/env reads it", () => {
    const dir = tempDir();
    expect(defaultLocalPort("stripeStandIn", dir)).toBe(derivedPort("stripeStandIn", dir));
    recordPort("stripeStandIn", dir, 40_123);
    expect(defaultLocalPort("stripeStandIn", dir)).toBe(40_123);
    expect(defaultLocalPort("embeddedPg", dir)).toBe(derivedPort("embeddedPg", dir));
    const env = parseEnv({ NODE_ENV: "test", DATA_DIR: dir });
    expect(env.STRIPE_STANDIN_PORT).toBe(40_123);
    expect(parseEnv({ NODE_ENV: "test", DATA_DIR: dir, STRIPE_STANDIN_PORT: "41000" }).STRIPE_STANDIN_PORT).toBe(41_000);
  });
});
