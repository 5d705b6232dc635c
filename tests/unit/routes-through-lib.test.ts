import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";

// Routes stay thin: every read and write of app/ goes through lib/<job>/ (docs/decisions/0018).
const ROOT = process.cwd();
const APP = join(ROOT, "app");
const DB = join(ROOT, "db");

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourcesUnder(join(dir, d.name)) : /\.(ts|tsx|js|jsx|mts|cts)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

/** Every module a source names: static imports and re-exports (type-only too), dynamic import() and require(). */
function importedSpecifiers(source: string): string[] {
  const patterns = [/\b(?:import|export)\b[^'";]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
}

/** Whether `specifier`, imported from `file`, names the database layer (db/ or the drizzle query builder). */
function reachesDb(file: string, specifier: string): boolean {
  if (specifier === "@/db" || specifier.startsWith("@/db/")) return true;
  if (specifier === "drizzle-orm" || specifier.startsWith("drizzle-orm/")) return true;
  if (specifier.startsWith(".")) {
    const target = resolve(dirname(file), specifier);
    return target === DB || target.startsWith(DB + "/");
  }
  return false;
}

describe("app/ goes through lib/", () => {
  const files = sourcesUnder(APP);

  test("finds the routes", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test("no file under app/ imports db/ (client, schema, types) or drizzle-orm", () => {
    const offenders = files.flatMap((f) =>
      importedSpecifiers(readFileSync(f, "utf8"))
        .filter((s) => reachesDb(f, s))
        .map((s) => `${relative(ROOT, f)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  test("the check sees every way of naming db/", () => {
    const file = join(APP, "(clinic)/clinic/[practice]/page.tsx");
    const source = [
      'import { db } from "@/db/client";',
      'import type { MemberRole } from "@/db/schema";',
      "import {\n  payments,\n  refunds,\n} from '@/db/schema';",
      'export { clients } from "../../../../db/schema";',
      'const m = await import("@/db/client");',
      'import { eq } from "drizzle-orm";',
      'import { roles } from "@/lib/auth/roles";',
      'import { dbHelper } from "@/lib/db/pg-error";',
      'import { x } from "./dbthing";',
    ].join("\n");
    expect(importedSpecifiers(source).filter((s) => reachesDb(file, s))).toEqual([
      "@/db/client",
      "@/db/schema",
      "@/db/schema",
      "../../../../db/schema",
      "drizzle-orm",
      "@/db/client",
    ]);
  });
});
