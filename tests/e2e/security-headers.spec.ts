import http from "node:http";
import { and, eq, like } from "drizzle-orm";
import { emailMessages, rateLimits } from "@/db/schema";
import { E2E_ENV } from "../../playwright.config";
import { createPractice, db, expect, test, testClientIp } from "./fixtures";

/** Headers every response carries, whatever produced it. */
function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The e2e server is a production build.
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}/);
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  return /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
}

test("a page carries the security headers, and its scripts carry this response's nonce", async ({ request }) => {
  const first = await request.get("/");
  expect(first.status()).toBe(200);
  const nonce = expectSecurityHeaders(first.headers());
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, "every script has the nonce").toContain(`nonce="${nonce}"`);
  const second = await request.get("/");
  expect(expectSecurityHeaders(second.headers()), "a fresh nonce per response").not.toBe(nonce);
});

test("a route handler carries the security headers", async ({ request }) => {
  const res = await request.get("/api/auth/session");
  expect(res.status()).toBe(200);
  expectSecurityHeaders(res.headers());
});

test.describe("an error page", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test("a 404 carries the security headers and renders under the CSP", async ({ page, request }) => {
    const res = await request.get("/no-such-page-anywhere");
    expect(res.status()).toBe(404);
    expectSecurityHeaders(res.headers());
    await page.goto("/no-such-page-anywhere");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

test.describe("origin is configuration, never a header", () => {
  test("a sign-in request sent with a spoofed Host, X-Forwarded-Host and Origin emails a link on APP_URL", async ({ page }) => {
    const practice = await createPractice();
    // A browser cannot forge Origin or Host, a script can: capture the page's real
    // sign-in server action, then replay it over plain HTTP as an attacker would.
    let action: { headers: Record<string, string>; body: string } | null = null;
    await page.route("**/sign-in", async (route) => {
      if (route.request().method() === "POST") action = { headers: route.request().headers(), body: route.request().postData() ?? "" };
      await route.continue();
    });
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(practice.owner.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    expect(action, "the sign-in page posted its server action").not.toBeNull();
    const { headers, body } = action!;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${E2E_ENV.APP_URL}/sign-in`, {
        method: "POST",
        headers: {
          ...Object.fromEntries(Object.entries(headers).filter(([k]) => !["host", "origin", "referer", "content-length", "cookie"].includes(k))),
          host: "evil.example",
          origin: "https://evil.example",
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "https",
          "x-forwarded-for": testClientIp(`origin:${practice.id}`),
          "content-length": String(Buffer.byteLength(body)),
        },
      }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
    expect(status, "Next accepted the forged-origin action").toBe(200);
    const mails = await db.select().from(emailMessages).where(and(eq(emailMessages.to, practice.owner.email), eq(emailMessages.template, "sign-in")));
    expect(mails, "two links: the page's and the replayed one").toHaveLength(2);
    for (const message of mails) {
      expect(`${message.html}${message.text}`).not.toContain("evil.example");
      const link = message.text!.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)![0];
      expect(new URL(link).origin).toBe(E2E_ENV.APP_URL);
    }
  });
});

test.describe("trusted proxies", () => {
  test("a client cannot choose its IP: only the address our trusted hop appended counts", async ({ page }) => {
    const practice = await createPractice();
    const real = testClientIp(`proxy:${practice.id}`);
    const forged = "2001:db8:6666::6";
    // The e2e server trusts one hop (the test runner); everything left of it, and our private header, are the client's inventions.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `${forged}, ${real}`, "x-tandem-client-ip": forged, "x-real-ip": forged });
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(practice.owner.email);
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const counted = await db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, `signin-ip:%`));
    const keys = counted.map((r) => r.key);
    expect(keys).toContain(`signin-ip:${real}`);
    expect(keys).not.toContain(`signin-ip:${forged}`);
  });
});
