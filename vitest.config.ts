import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Unit and integration tests. Integration tests talk to a real PostgreSQL:
 * `tests/setup/global-db.ts` migrates a template database once per run and
 * `tests/setup/worker-db.ts` gives every worker process its own copy.
 */
export default defineConfig({
  resolve: {
    // tsconfig's `@/*` path (vite-tsconfig-paths is not installed). A regex, so
    // scoped packages such as `@auth/...` are left alone.
    // "server-only" as Next's server build resolves it (an empty module);
    // Node has no such package. Scripts do the same: scripts/lib/server-only-node.ts.
    alias: [
      { find: /^@\//, replacement: root },
      { find: /^server-only$/, replacement: `${root}node_modules/next/dist/compiled/server-only/empty.js` },
    ],
  },
  test: {
    environment: "node",
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/setup/global-db.ts"],
    setupFiles: ["tests/setup/worker-db.ts"],
    pool: "forks",
    // One worker process runs many files: a fresh process per file re-imported the app's module
    // graph 125 times, about 70 s of a 250 s run on CI's two cores. Each file still starts on a fresh
    // copy of the database (worker-db.ts); module state that outlives a file (the job runner) is stopped by it.
    isolate: false,
    // Vitest's default is one fewer than the cores: one worker on a two-core CI machine, idle while
    // PostgreSQL works. Two measured 106 s against 162 s for one on the same machine (2026-12-03).
    maxWorkers: Math.max(2, availableParallelism()),
    // next-auth imports "next/server" without the ".js" Node's ESM loader
    // needs; bundled through Vite it resolves (tests call its route handler).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Never retry: a flaky test is a bug to fix, not to hide.
    retry: 0,
  },
});
