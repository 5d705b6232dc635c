import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

const APP = "https://tandem.example";
const FALLBACK = "/after-sign-in";

describe("safeRedirectPath: what a callbackUrl may become", () => {
  test.each([
    ["/\\evil.example", "backslash after the slash (browsers read it as //)"],
    ["/\\/evil.example", "backslash then slash"],
    ["\\\\evil.example", "two backslashes"],
    ["\\/evil.example", "backslash slash"],
    ["//evil.example", "protocol-relative"],
    ["///evil.example", "three slashes"],
    ["//evil.example/after-sign-in", "protocol-relative with a path"],
    ["https://evil.example", "absolute, another host"],
    ["https://evil.example/clinic", "absolute, another host, a path"],
    ["http://tandem.example", "this host over another scheme"],
    ["https://tandem.example.evil.example/", "a host that starts like ours"],
    ["https://tandem.example@evil.example/", "userinfo trick"],
    ["/\t/evil.example", "tab inside the double slash"],
    ["/\n/evil.example", "newline inside the double slash"],
    ["/\r\n/evil.example", "CRLF inside the double slash"],
    ["\t//evil.example", "leading tab"],
    [" //evil.example", "leading space"],
    ["javascript:alert(1)", "javascript: URL"],
    ["JaVaScRiPt:alert(1)", "mixed-case javascript:"],
    ["data:text/html,<script>alert(1)</script>", "data: URL"],
    ["https:/\\evil.example", "scheme, slash, backslash"],
  ])("%j (%s) goes to the fallback", (input) => {
    expect(safeRedirectPath(input, APP, FALLBACK)).toBe(FALLBACK);
  });

  test.each([
    ["/after-sign-in", "/after-sign-in"],
    ["/clinic/demo?tab=today#now", "/clinic/demo?tab=today#now"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/.//evil.example", "/evil.example"],
    ["/./\\evil.example", "/evil.example"],
    ["https://tandem.example/portal", "/portal"],
    ["portal", "/portal"],
    // Same scheme without slashes is a relative path in the WHATWG parser (and in browsers).
    ["https:evil.example", "/evil.example"],
  ])("%j stays on this site as %j", (input, expected) => {
    const result = safeRedirectPath(input, APP, FALLBACK);
    expect(result).toBe(expected);
    // Whatever comes back, a browser resolves it to this site.
    expect(new URL(result, APP).origin).toBe(APP);
    expect(result.startsWith("//")).toBe(false);
  });
});
