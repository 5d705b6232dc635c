import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { removeEmbeddedCluster } from "@/db/embedded";
import { ensureChromium } from "./lib/chromium";
import { buildIfNeeded } from "./lib/prod-server";

// `npm run test:e2e`: Chromium from Debian, a fresh production build, then Playwright.
ensureChromium();
buildIfNeeded({ force: !process.argv.includes("--reuse-build") });
// The e2e server's database is disposable and seeded on an empty start (SEED_DEMO=auto): a copy left
// by an earlier run (another day, another seed) would show the specs a stale demo, so every run starts empty.
// As root the cluster itself lives under /var/lib/tandem, outside the folder: remove both.
const e2eData = path.join(process.cwd(), ".data", "e2e");
await removeEmbeddedCluster(e2eData);
rmSync(e2eData, { recursive: true, force: true });
const args = process.argv.slice(2).filter((a) => a !== "--reuse-build");
const cli = path.join(process.cwd(), "node_modules", "@playwright", "test", "cli.js");
const result = spawnSync(process.execPath, [cli, "test", ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
