import { test } from "./fixtures";
import { walkThroughSetup } from "./setup-walk";

test("on a phone, a new practice walks through the guided setup and publishes", async ({ page }) => {
  test.setTimeout(120_000);
  await walkThroughSetup(page);
});
