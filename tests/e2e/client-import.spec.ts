import { test } from "./fixtures";
import { importTwentyRows } from "./client-import-flow";

test("an owner imports 20 rows from a CSV: preview with bad rows, duplicates and a couple, then one confirm", async ({ page }) => {
  await importTwentyRows(page);
});
