/**
 * Where a sign-in may send the browser: a path on this site, nothing else.
 *
 * The input is parsed the way a browser parses a Location header (WHATWG
 * URL), so every trick a browser would turn into another host — `/\evil`,
 * `//evil`, tab or newline inside `//`, `javascript:` — is seen as that other
 * host and refused. What comes back always starts with exactly one "/", so it
 * can never be read as a protocol-relative URL.
 */
export function safeRedirectPath(url: string, baseUrl: string, fallback = "/"): string {
  const base = new URL(baseUrl);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base.origin) return fallback;
  // `/.//evil` resolves to the path "//evil"; collapse it to one slash.
  return `/${target.pathname.replace(/^\/+/, "")}${target.search}${target.hash}`;
}
