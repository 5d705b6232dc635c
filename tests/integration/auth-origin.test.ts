import { and, desc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { emailMessages } from "@/db/schema";
import { GET as routeGET } from "@/app/api/auth/[...nextauth]/route";
import { handlers } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { createUser, uniqueEmail } from "./helpers/factories";

/**
 * Auth.js's real route handler, called with the headers an attacker sends:
 * a request whose Host and X-Forwarded-Host name another site. (Next builds
 * request.url from the Host header, so the URL carries the attacker's host too.)
 */
const EVIL = "evil.example";
const spoofed = { host: EVIL, "x-forwarded-host": EVIL, "x-forwarded-proto": "https" };

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(`https://${EVIL}${path}`, { method: init.method ?? "GET", headers: { ...spoofed, ...init.headers }, body: init.body });
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function requestLink(email: string): Promise<string> {
  const csrf = await handlers.GET(request("/api/auth/csrf"));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const sent = await handlers.POST(
    request("/api/auth/signin/email", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
      body: new URLSearchParams({ csrfToken, email, callbackUrl: "/after-sign-in" }).toString(),
    }),
  );
  expect(sent.status).toBe(302);
  const [message] = await db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.to, email), eq(emailMessages.template, "sign-in")))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1);
  expect(message, "a sign-in email was written").toBeTruthy();
  return `${message!.html}\n${message!.text}`;
}

describe("sign-in links follow APP_URL, never the request's host", () => {
  test("a spoofed Host and X-Forwarded-Host change no link in the email", async () => {
    const user = await createUser({ email: uniqueEmail("spoofed") });
    const body = await requestLink(user.email);
    const links = [...body.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(0);
    expect(body).not.toContain(EVIL);
    const appOrigin = new URL(env.APP_URL).origin;
    for (const link of links.filter((l) => l.includes("/sign-in/verify"))) expect(new URL(link.replace(/&amp;/g, "&")).origin).toBe(appOrigin);
    expect(links.some((l) => l.startsWith(`${appOrigin}/sign-in/verify?`))).toBe(true);
  });

  test("Auth.js's own redirects stay on APP_URL's paths, and a /\\ callbackUrl cannot leave the site", async () => {
    const user = await createUser({ email: uniqueEmail("redirect") });
    const body = await requestLink(user.email);
    const verify = new URL(/https?:\/\/[^\s"'<>)]+\/sign-in\/verify\?[^\s"'<>)]+/.exec(body)![0].replace(/&amp;/g, "&"));
    const callback = new URLSearchParams({
      token: verify.searchParams.get("token")!,
      email: verify.searchParams.get("email")!,
      callbackUrl: "/\\evil.example",
    });
    const response = await routeGET(request(`/api/auth/callback/email?${callback}`));
    expect(response.status).toBe(302);
    const location = response.headers.get("location")!;
    expect(location).toBe(new URL("/after-sign-in", env.APP_URL).toString());
    // And the session really was made: the link worked.
    expect(response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(true);
  });

  test("an error redirect (a used or forged token) goes to APP_URL's error page, not the request's host", async () => {
    const response = await routeGET(request(`/api/auth/callback/email?${new URLSearchParams({ token: "forged", email: uniqueEmail("x") })}`));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(new URL("/sign-in/error?error=Verification", env.APP_URL).toString());
  });
});
