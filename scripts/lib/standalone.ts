import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * `output: "standalone"` (next.config.ts) writes a server that runs on its own
 * from `.next/standalone` (server.js, the traced node_modules, the migrations),
 * except for two folders Next leaves to the deployment because a CDN may serve
 * them instead: the built assets (`.next/static`) and `public/`. This puts them
 * where server.js looks for them, in the checkout's standalone folder or in a
 * copy of it (the image's Dockerfile does the same with COPY).
 */
export const STANDALONE_DIR = path.join(process.cwd(), ".next", "standalone");

export function copyStandaloneAssets(target: string = STANDALONE_DIR, root: string = process.cwd()): void {
  if (!existsSync(path.join(target, "server.js"))) {
    throw new Error(`${path.relative(root, target) || target} has no server.js: run \`npm run build\` first (next.config.ts sets output: "standalone").`);
  }
  const folders: [string, string][] = [
    [path.join(root, ".next", "static"), path.join(target, ".next", "static")],
    [path.join(root, "public"), path.join(target, "public")],
  ];
  for (const [from, to] of folders) {
    if (!existsSync(from)) continue;
    // A fresh copy each time: a previous build's hashed files are not this build's.
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
  }
}
