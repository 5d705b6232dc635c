import { embeddedUrl } from "@/db/embedded";
import { E2E_ENV } from "../../playwright.config";
import { freePorts } from "../../scripts/lib/instances";
import { startProdServer, type ProdServer } from "../../scripts/lib/prod-server";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import { expect, test } from "./fixtures";

/**
 * A deployment for one practice (issue 12, docs/deploy.md): SIGNUPS=closed. A second
 * standalone server of this build on the suite's database, with sign-ups closed:
 * the public home offers no "Start your practice" and /start says sign-ups are
 * closed, pointing to sign-in. (The refusal in the sign-up itself, and
 * `npm run practice:create`, are integration tests: create-practice.test.ts and
 * practice-create-script.test.ts.)
 */
test.describe.configure({ mode: "serial" });

let server: ProdServer | null = null;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const [port, stripePort] = await freePorts(2);
  server = await startProdServer({
    port: port!,
    env: {
      DATABASE_URL: embeddedUrl(Number(E2E_ENV.EMBEDDED_PG_PORT), "tandem"),
      // Its own data directory and stand-in port; the suite's server runs the jobs and the demo.
      DATA_DIR: ".data/e2e-signups-closed",
      STRIPE_STANDIN_PORT: String(stripePort),
      JOB_RUNNER: "off",
      SEED_DEMO: "never",
      TRUSTED_PROXY_HOPS: "1",
      SIGNUPS: "closed",
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
});

test("with SIGNUPS=closed the home offers sign-in only and /start says sign-ups are closed, on a phone too", async ({ page }) => {
  const url = server!.url;
  await page.goto(`${url}/`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Start your practice" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto(`${url}/start`);
  await expect(page.getByRole("heading", { name: "Sign-ups are closed" })).toBeVisible();
  await expect(page.getByText("This Tandem does not take new practices. If you work at a practice here, sign in instead.")).toBeVisible();
  // No form to fill.
  await expect(page.getByRole("form", { name: "Start your practice" })).toHaveCount(0);
  await expectAxeClean(page, "sign-ups closed");
  await page.setViewportSize({ width: 375, height: 740 });
  await expectNoSidewaysScroll(page, "sign-ups closed at 375 px");
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${url}/sign-in`);
});
