import { test } from "./fixtures";
import { walkThroughSetup } from "./setup-walk";

test("a new practice walks through the guided setup, skips a step, comes back to it and publishes", async ({ page }) => {
  test.setTimeout(120_000);
  await walkThroughSetup(page);
});
