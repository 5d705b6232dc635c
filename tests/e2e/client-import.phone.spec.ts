import { test } from "./fixtures";
import { importTwentyRows } from "./client-import-flow";

test("the client import at 375 px: upload, preview, confirm, axe clean", async ({ page }) => {
  await importTwentyRows(page);
});
