import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * The specs' one axe check: WCAG 2.0/2.1 A and AA rules. By default every violation fails;
 * `{ only: "serious" }` fails on the serious and critical ones (the bar the project sets), for
 * screens with known minor findings. The message names each rule and the elements it found.
 */
export async function expectAxeClean(page: Page, what = "the page", options: { only?: "serious" } = {}): Promise<void> {
  // Next streams a page's <title> after its body, and a client navigation swaps it late: wait for it,
  // so axe reads the finished page (and a page without a title still fails here, by name).
  await expect(page, `${what} has a title`).toHaveTitle(/\S/);
  const analyze = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  let results = await analyze();
  // After a client navigation the old page's title can pass the wait above and then be swapped out while axe
  // runs (seen twice in CI: "document-title" on pages that have one). Then wait for the new title and read the
  // page again: a page that really has no title fails the second reading too.
  if (results.violations.some((v) => v.id === "document-title")) {
    await expect(page, `${what} has a title`).toHaveTitle(/\S/);
    results = await analyze();
  }
  const violations = options.only === "serious" ? results.violations.filter((v) => v.impact === "serious" || v.impact === "critical") : results.violations;
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${what} accessibility violations`).toEqual([]);
}

/** Nothing on the page is wider than the viewport (a phone never scrolls sideways). */
export async function expectNoSidewaysScroll(page: Page, what = "the page"): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** The phone checks every screen passes: axe clean, and nothing wider than the viewport. */
export async function expectCleanOnPhone(page: Page, what: string): Promise<void> {
  await expectAxeClean(page, what);
  await expectNoSidewaysScroll(page, what);
}
