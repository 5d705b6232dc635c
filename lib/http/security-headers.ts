/**
 * The security headers every response carries. Pure: proxy.ts (CSP, per
 * request) and next.config.ts (the rest, on every path including static
 * files and 404s) call these. See docs/decisions/0015-edge-security.md.
 */

export interface CspOptions {
  /** A fresh random value per request; Next reads it from the request's CSP header and puts it on its scripts. */
  nonce: string;
  /** `next dev` only: React rebuilds server error stacks with eval. */
  development: boolean;
  /** APP_URL is https: ask the browser to upgrade any stray http subresource. */
  https: boolean;
}

/**
 * A strict policy: scripts only with this response's nonce (and what those
 * load, 'strict-dynamic'), never inline or eval in production; nothing may
 * frame us; forms post only to us.
 *
 * style-src allows 'unsafe-inline' on purpose: React renders `style`
 * attributes (progress bars, radix popover positions, recharts), and
 * radix's scroll lock injects a <style> element without a nonce; a nonce
 * cannot cover attributes. CSS cannot run script, so the remaining risk is
 * style-based defacement of injected markup, which React's escaping already
 * prevents. No nonce appears in style-src, because a nonce there would make
 * browsers ignore 'unsafe-inline'.
 */
export function contentSecurityPolicy({ nonce, development, https }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers with no per-request part. HSTS only in production (and only meaningful over https). */
export function staticSecurityHeaders({ production }: { production: boolean }): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Nothing in the app uses these; video sessions open the clinician's own link in a new tab.
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()" },
    // For browsers without frame-ancestors (and for responses the proxy does not see, such as static files).
    { key: "X-Frame-Options", value: "DENY" },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
