import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

polyfillNode20();

/**
 * Unit and integration tests. Integration tests talk to a real PostgreSQL:
 * `tests/setup/global-db.ts` migrates a template database once per run and
 * `tests/setup/worker-db.ts` gives every worker process its own copy.
 */
export default defineConfig({
  resolve: {
    // tsconfig's `@/*` path (vite-tsconfig-paths is not installed). A regex, so
    // scoped packages such as `@auth/...` are left alone.
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    environment: "node",
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/setup/global-db.ts"],
    setupFiles: ["tests/setup/worker-db.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Never retry: a flaky test is a bug to fix, not to hide.
    retry: 0,
  },
});

/**
 * vitest 5 requires Node >= 22.12, but package.json allows Node >= 20.19 and
 * some machines run Node 20. The only newer built-ins vitest uses run in this
 * main process (printing a failed test's errors, snapshot updates, watch
 * mode), so spec-compliant fallbacks here are enough. No-ops on Node 22+.
 */
function polyfillNode20(): void {
  const define = (target: object, name: string, value: unknown) => {
    if (typeof (target as Record<string, unknown>)[name] !== "function") {
      Object.defineProperty(target, name, { value, configurable: true, writable: true });
    }
  };
  define(Map, "groupBy", <T, K>(items: Iterable<T>, keyOf: (item: T, index: number) => K) => {
    const groups = new Map<K, T[]>();
    let index = 0;
    for (const item of items) {
      const key = keyOf(item, index++);
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
    return groups;
  });
  define(Object, "groupBy", <T>(items: Iterable<T>, keyOf: (item: T, index: number) => PropertyKey) => {
    const groups: Record<PropertyKey, T[]> = Object.create(null);
    let index = 0;
    for (const item of items) (groups[keyOf(item, index++)] ??= []).push(item);
    return groups;
  });
  define(Promise, "withResolvers", <T>() => {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  });
}
