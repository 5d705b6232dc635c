// First: fixtures import modules marked "server-only" (db/client); see the file.
import "./scripts/lib/server-only-node";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_PATH } from "./scripts/lib/chromium";
import { LOCAL_PRODUCTION_ENV, STANDALONE_SERVER, standaloneEnv } from "./scripts/lib/prod-server";

// The e2e server gets its own data directory and embedded database; the
// test process reads the same settings so fixtures reach the same database.
// E2E_PORT / E2E_PG_PORT let two checkouts on one machine run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ENV = {
  // `next start` is production, which fails closed: the stand-in, the outbox
  // (fixtures read it from the database), a fixed test secret and the demo
  // data are chosen explicitly. /dev/outbox and demo sign-in stay closed.
  ...LOCAL_PRODUCTION_ENV,
  DATA_DIR: ".data/e2e",
  EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54339",
  APP_URL: `http://127.0.0.1:${E2E_PORT}`,
  // The app starts the Stripe stand-in here (STRIPE_MODE=standin, no Stripe keys in tests).
  STRIPE_STANDIN_PORT: process.env.E2E_STRIPE_PORT ?? String(E2E_PORT + 10),
  // The test runner plays the load balancer: each test's X-Forwarded-For
  // (tests/e2e/fixtures.ts) is its own client address, so per-IP limits are per test.
  TRUSTED_PROXY_HOPS: "1",
};
Object.assign(process.env, E2E_ENV);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E_ENV.APP_URL,
    timezoneId: "America/New_York",
    locale: "en-US",
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /\.phone\.spec\.ts$/ },
    { name: "phone", use: { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true }, testMatch: /\.phone\.spec\.ts$/ },
  ],
  webServer: {
    // The standalone server the build wrote: what `npm start` and the image run.
    command: `node ${JSON.stringify(STANDALONE_SERVER)}`,
    url: E2E_ENV.APP_URL,
    env: standaloneEnv({ ...E2E_ENV, NEXT_TELEMETRY_DISABLED: "1" }, E2E_PORT),
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
