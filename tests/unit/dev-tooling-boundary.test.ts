import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * Dev and test tooling stays apart from the domain (docs/decisions/0019-dev-tooling-apart.md):
 * the Stripe stand-in lives in dev/, the demo seed in db/seed/, and the app reaches the stand-in
 * through one entry point only (instrumentation.ts → dev/stripe-standin/start-local.ts).
 */
const ROOT = process.cwd();

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : /\.(ts|tsx|mts)$/.test(d.name) ? [join(dir, d.name)] : []));
}

/** Every module a file imports (static, dynamic, re-exports), resolved to a path from the root; packages as written. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const specifiers = [...source.matchAll(/(?:^|\s)(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specifiers.map((s) => {
    if (s.startsWith("@/")) return s.slice(2);
    if (s.startsWith(".")) return relative(ROOT, resolve(dirname(file), s));
    return s;
  });
}

const importsDev = (target: string) => target === "dev" || target.startsWith("dev/");
const importsSeed = (target: string) => target === "db/seed" || target.startsWith("db/seed/");

describe("the domain and the app do not import dev tooling", () => {
  const shipped = ["app", "lib", "db", "components", "emails", "proxy.ts", "next.config.ts", "instrumentation-client.ts"].flatMap((p) => filesUnder(join(ROOT, p)));

  test("finds the app's files", () => {
    expect(shipped.length).toBeGreaterThan(100);
  });

  test("nothing in app/, lib/, db/, components/ or emails/ imports dev/", () => {
    const offenders = shipped.flatMap((f) => importsOf(f).filter(importsDev).map((t) => `${relative(ROOT, f)} → ${t}`));
    expect(offenders).toEqual([]);
  });

  test("the demo seed is reached from db/ boot, scripts and tests only, never from app/, lib/ or components/", () => {
    const outside = shipped.filter((f) => !relative(ROOT, f).startsWith("db/"));
    const offenders = outside.flatMap((f) => importsOf(f).filter(importsSeed).map((t) => `${relative(ROOT, f)} → ${t}`));
    expect(offenders).toEqual([]);
  });

  test("instrumentation.ts starts the stand-in through its one entry point, start-local", () => {
    expect(importsOf(join(ROOT, "instrumentation.ts")).filter(importsDev)).toEqual(["dev/stripe-standin/start-local"]);
  });
});

describe("the Stripe stand-in is standalone", () => {
  const files = filesUnder(join(ROOT, "dev/stripe-standin"));

  test("finds its modules", () => {
    expect(files.map((f) => relative(ROOT, f))).toContain("dev/stripe-standin/server.ts");
  });

  test("imports only Node, the Stripe SDK's types and its own modules (start-local, the bridge to the app's settings, excepted)", () => {
    const offenders = files
      .filter((f) => !f.endsWith("/start-local.ts"))
      .flatMap((f) => importsOf(f).filter((t) => !t.startsWith("node:") && t !== "stripe" && !t.startsWith("dev/stripe-standin/")).map((t) => `${relative(ROOT, f)} → ${t}`));
    expect(offenders).toEqual([]);
  });

  test("takes only types from the Stripe SDK (the SDK talks to it; it does not run the SDK)", () => {
    const runtime = files.filter((f) => /^import\s+(?!type\b)[^;]*from\s+["']stripe["']/m.test(readFileSync(f, "utf8")));
    expect(runtime.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
