import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Browser tests use Debian's Chromium (no browser downloads). As root we
 * install it when missing; otherwise we stop with one clear sentence.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  if (os.userInfo().uid !== 0) {
    console.error(`Browser tests need Chromium at ${CHROMIUM_PATH}: install Debian's package with "sudo apt-get install chromium" and run again.`);
    process.exit(1);
  }
  console.log("[e2e] installing Debian's chromium package…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}
