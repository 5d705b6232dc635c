import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createPractice, db, expect, signInAs, test } from "./fixtures";
import { importTwentyRows } from "./client-import-flow";

test("an owner imports 20 rows from a CSV: preview with bad rows, duplicates and a couple, then one confirm", async ({ page }) => {
  await importTwentyRows(page);
});

test.describe("bad input", () => {
  // The aborted request below: Chromium logs it as a failed resource load.
  test.use({ allowedConsoleErrors: [/Failed to load resource: net::ERR_FAILED/] });

  // Issue 12's bad input: a 50,000-row export is about 7 MB, over the server action's body limit
  // (next.config.ts), where Next itself would refuse it without a sentence for the person.
  test("a 50,000-row file too big to import, and a request that fails, each get a sentence; nothing is written", async ({ page }) => {
    const practice = await createPractice();
    await signInAs(page, practice.owner.userId);
    await page.goto(`/clinic/${practice.slug}/clients/import`);
    await expect(page.getByRole("heading", { name: "Import clients" })).toBeVisible();

    const header = "First Name,Last Name,Email,Mobile Phone,Date of Birth,Partner Email,Address,Notes";
    const rows = Array.from({ length: 50_000 }, (_, i) => `First${i},"Last, ${i}",client${i}@e2e.tandem.test,+1 555 ${String(i).padStart(7, "0")},01/02/1980,,"${i} Harbor Street, Springfield","Moved from the old system; row ${i}"`);
    const big = Buffer.from([header, ...rows].join("\r\n") + "\r\n");
    expect(big.byteLength).toBeGreaterThan(6 * 1024 * 1024);
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.getByLabel("CSV file").setInputFiles({ name: "everyone.csv", mimeType: "text/csv", buffer: big });
    await page.getByRole("button", { name: "Read file" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /^The file is [\d.]+ MB; at most 5 MB can be imported at once\. Split it into smaller files\.$/ })).toBeVisible();
    // Refused in the browser: the file was never sent.
    expect(posts).toEqual([]);

    // A request that fails on the way (here: aborted) answers a sentence, and the button comes back.
    await page.route(`**/clinic/${practice.slug}/clients/import`, (route) => (route.request().method() === "POST" ? route.abort() : route.fallback()));
    await page.getByLabel("CSV file").setInputFiles({ name: "small.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\r\n${rows[0]}\r\n`) });
    await page.getByRole("button", { name: "Read file" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The file could not be sent. Check your connection and try again." })).toBeVisible();
    await expect(page.getByRole("button", { name: "Read file" })).toBeEnabled();

    expect(await db.select({ id: schema.clients.id }).from(schema.clients).where(eq(schema.clients.practiceId, practice.id))).toHaveLength(0);
  });
});
