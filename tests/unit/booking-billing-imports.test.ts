import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * Booking and billing depend one way (decision 0016): billing may call the
 * booking lifecycle (`confirm(tx, …)`), booking never imports billing,
 * directly or through another module. The layer that needs both
 * (lib/appointments, lib/jobs/appointment-events.ts) sits above them.
 * This reads the import graph from the source, as the bundler would.
 */
const ROOT = resolve(__dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports or re-exports (type-only imports included: they name the dependency too). */
function specifiers(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/g)) found.push(m[1]!);
  for (const m of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  return found;
}

/** A specifier as a file in the repo, or null for packages. */
function resolveModule(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : spec.startsWith(".") ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The path of imports from `start` to a file under lib/billing, if there is one. */
function pathToBilling(start: string): string[] | null {
  const seen = new Set<string>([start]);
  const queue: string[][] = [[start]];
  while (queue.length) {
    const path = queue.shift()!;
    const file = path[path.length - 1]!;
    for (const spec of specifiers(file)) {
      const target = resolveModule(file, spec);
      if (!target || seen.has(target)) continue;
      const next = [...path, target];
      if (relative(ROOT, target).startsWith(join("lib", "billing"))) return next.map((f) => relative(ROOT, f));
      seen.add(target);
      queue.push(next);
    }
  }
  return null;
}

const bookingFiles = filesUnder(join(ROOT, "lib", "booking"));

describe("booking never depends on billing", () => {
  test("the graph reader sees imports (lib/billing/sync-payments.ts reaches the lifecycle)", () => {
    const targets = specifiers(join(ROOT, "lib/billing/sync-payments.ts")).map((s) => resolveModule(join(ROOT, "lib/billing/sync-payments.ts"), s));
    expect(targets).toContain(join(ROOT, "lib/booking/lifecycle/index.ts"));
    expect(pathToBilling(join(ROOT, "lib/jobs/appointment-events.ts"))).not.toBeNull();
  });

  test("no file under lib/booking imports lib/billing", () => {
    expect(bookingFiles.length).toBeGreaterThan(20);
    const direct = bookingFiles.flatMap((file) =>
      specifiers(file)
        .map((spec) => resolveModule(file, spec))
        .filter((t): t is string => t !== null && relative(ROOT, t).startsWith(join("lib", "billing")))
        .map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`),
    );
    expect(direct).toEqual([]);
  });

  test("nor reaches it through another module", () => {
    const paths = bookingFiles.map(pathToBilling).filter((p): p is string[] => p !== null).map((p) => p.join(" → "));
    expect(paths).toEqual([]);
  });
});
