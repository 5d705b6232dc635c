import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, staticSecurityHeaders } from "@/lib/http/security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("contentSecurityPolicy", () => {
  test("production: scripts only by this response's nonce, never inline or eval; nothing may frame us", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", development: false, https: true });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "form-action")).toBe("form-action 'self'");
    expect(csp).toContain("upgrade-insecure-requests");
    // A nonce in style-src would make browsers ignore 'unsafe-inline' there (see the module's comment).
    expect(directive(csp, "style-src")).not.toContain("nonce-");
  });

  test("development adds only 'unsafe-eval' (React's dev error stacks); plain http skips the upgrade", () => {
    const csp = contentSecurityPolicy({ nonce: "n", development: true, https: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });
});

describe("staticSecurityHeaders", () => {
  test("HSTS in production only", () => {
    const names = (production: boolean) => staticSecurityHeaders({ production }).map((h) => h.key);
    expect(names(true)).toEqual(["X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy", "X-Frame-Options", "Strict-Transport-Security"]);
    expect(names(false)).not.toContain("Strict-Transport-Security");
  });
});
