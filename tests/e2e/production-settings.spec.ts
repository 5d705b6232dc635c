import { spawn } from "node:child_process";
import { E2E_ENV, E2E_PORT } from "../../playwright.config";
import { LOCAL_PRODUCTION_ENV, STANDALONE_SERVER, standaloneEnv } from "../../scripts/lib/prod-server";
import { expect, test } from "./fixtures";

/**
 * Production fails closed: the standalone server (this suite's own server runs it too)
 * with a setting missing stops before it serves anything, naming the variable.
 * The suite's server itself runs with STRIPE_MODE=standin, so its pages must
 * say "Test payments".
 */

/** Starts the standalone server with the suite's settings minus some, and waits for it to exit (it must). */
function startWithout(port: number, unset: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [STANDALONE_SERVER], {
      env: standaloneEnv({
        ...process.env,
        ...E2E_ENV,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        // Its own data directory and database port: nothing may be touched before it stops.
        DATA_DIR: ".data/e2e-fail-closed",
        EMBEDDED_PG_PORT: String(Number(E2E_ENV.EMBEDDED_PG_PORT) + 1),
        STRIPE_STANDIN_PORT: String(port + 1),
        ...unset,
      }, port),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`the standalone server kept running without ${Object.keys(unset).join(", ")}:\n${output}`));
    }, 45_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test.describe("a production start with a setting missing", () => {
  test.describe.configure({ mode: "serial", timeout: 120_000 });
  const cases: { name: string; unset: Record<string, string>; line: RegExp }[] = [
    { name: "APP_URL", unset: { APP_URL: "" }, line: /APP_URL: is required in production/ },
    { name: "AUTH_SECRET", unset: { AUTH_SECRET: "" }, line: /AUTH_SECRET: is required in production/ },
    { name: "a Stripe key (no STRIPE_MODE=standin)", unset: { STRIPE_MODE: "", STRIPE_SECRET_KEY: "" }, line: /STRIPE_SECRET_KEY: is required in production .*STRIPE_MODE=standin/ },
    { name: "a Resend key (no MAIL_TRANSPORT=outbox)", unset: { MAIL_TRANSPORT: "", RESEND_API_KEY: "" }, line: /RESEND_API_KEY: is required in production .*MAIL_TRANSPORT=outbox/ },
  ];
  for (const [i, c] of cases.entries()) {
    test(`without ${c.name} it stops, naming the variable`, async () => {
      const { code, output } = await startWithout(E2E_PORT + 20 + i * 2, c.unset);
      expect(code).not.toBe(0);
      expect(output).toMatch(/Invalid environment variables:/);
      expect(output).toMatch(c.line);
      // It stopped before the database: no embedded server was started.
      expect(output).not.toMatch(/\[db\] starting embedded PostgreSQL/);
    });
  }
});

test("with STRIPE_MODE=standin every page says Test payments, readable on a phone; demo sign-in stays closed", async ({ page }) => {
  expect(LOCAL_PRODUCTION_ENV.STRIPE_MODE).toBe("standin");
  for (const url of ["/", "/sign-in"]) {
    await page.goto(url);
    const notice = page.getByRole("complementary", { name: "Test payments" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("no card is charged");
  }
  // Production, even as a demo: no one-click demo sign-in.
  await expect(page.getByRole("heading", { name: /Demo accounts/ })).toHaveCount(0);
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/");
  const box = await page.getByRole("complementary", { name: "Test payments" }).boundingBox();
  expect(box!.width).toBeLessThanOrEqual(375);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
