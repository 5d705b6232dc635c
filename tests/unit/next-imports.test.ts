import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";

/**
 * Below app/ (lib/, db/, emails/) nothing imports next/*, except the guards:
 * they redirect, 404 and read the session cookie, which only Next can do.
 * Domain code gets what it needs from the request (headers, cookies to set)
 * as arguments, so scripts, jobs and tests load it without Next.
 */
const GUARDS = ["lib/auth/current-user.ts", "lib/auth/guards.ts", "lib/auth/second-factor-guard.ts", "lib/auth/staff-session.ts"];

const root = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

const NEXT_IMPORT = /(?:from\s+|import\s*\(\s*|import\s+|require\s*\(\s*)["']next(?:\/[^"']*)?["']/;

test("nothing below app/ imports next/* but the guards", () => {
  const importers = ["lib", "db", "emails"].flatMap(sources).filter((file) => NEXT_IMPORT.test(readFileSync(join(root, file), "utf8")));
  expect(importers.sort()).toEqual(GUARDS);
});

test("the check sees an import when there is one", () => {
  expect(NEXT_IMPORT.test('import { headers } from "next/headers";')).toBe(true);
  expect(NEXT_IMPORT.test("const { cookies } = await import('next/headers');")).toBe(true);
  expect(NEXT_IMPORT.test('import type { NextRequest } from "next/server";')).toBe(true);
  expect(NEXT_IMPORT.test('import NextAuth from "next-auth";')).toBe(false);
});
