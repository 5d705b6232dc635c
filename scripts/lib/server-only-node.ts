import { register } from "node:module";

/**
 * `import "server-only"` marks modules that must never reach the browser
 * (db/client, secrets, Stripe). Next resolves that import itself: to nothing
 * in server code, to a build error in a client bundle. Node has no such
 * package, so scripts run outside Next (tsx: migrate, seed, the worker,
 * benchmarks; Playwright's fixtures) import this first, and "server-only"
 * resolves to the same empty module Next's server build gets. Vitest does the
 * same with an alias (vitest.config.ts). Must run before any module that
 * imports a marked one is loaded: scripts load those with `await import()`.
 */
register("./server-only-hooks.mjs", import.meta.url, {
  data: { empty: import.meta.resolve("next/dist/compiled/server-only/empty.js") },
});
