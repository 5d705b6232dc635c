import "server-only";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { randomToken } from "@/lib/tokens/random";

let cached: string | undefined;

/**
 * AUTH_SECRET, or, when unset in development and test, a random secret
 * generated once and kept in DATA_DIR, so a fresh clone signs cookies safely
 * with no setup. A production server does not start without AUTH_SECRET
 * (lib/env.ts): instances that each made their own would break each other's
 * links and holds. (`next build` may still generate one: it serves nothing.)
 */
export function authSecret(): string {
  if (cached) return cached;
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomToken(32, "base64url");
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      cached = secret;
    } catch {
      cached = readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
  return cached;
}
