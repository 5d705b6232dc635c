import { isUuid } from "@/lib/ids";

/**
 * Which practice a public page belongs to, read from its path and query
 * (proxy.ts passes them to the layouts). Pure.
 *
 * - /book/<slug>…, /clinic/<slug>…: that practice;
 * - any page with ?practice=<slug>: that practice;
 * - /sign-in…?callbackUrl=<path>: the practice of the page the sign-in returns to;
 * - /portal/<clientId>…: the client record's practice (the caller looks it up);
 * - /pay/<paymentId>…, /pay/return?session_id=<Checkout session>: the payment's practice
 *   (the caller looks it up; a payer reaches these from our email or from Stripe).
 */
export type PracticeContext = { slug: string } | { clientId: string } | { paymentId: string } | { checkoutSessionId: string } | null;

const CHECKOUT_SESSION = /^cs_\w{8,200}$/;

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function practiceContextOf(pathAndQuery: string | null | undefined, depth = 0): PracticeContext {
  if (!pathAndQuery || !pathAndQuery.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(pathAndQuery, "http://x");
  } catch {
    return null;
  }
  const asked = url.searchParams.get("practice");
  if (asked && SLUG.test(asked)) return { slug: asked };
  const [first, second] = url.pathname.split("/").filter(Boolean);
  if ((first === "book" || first === "clinic") && second && SLUG.test(second)) return { slug: second };
  if (first === "portal" && second && isUuid(second)) return { clientId: second };
  if (first === "pay" && second === "return") {
    const session = url.searchParams.get("session_id");
    return session && CHECKOUT_SESSION.test(session) ? { checkoutSessionId: session } : null;
  }
  if (first === "pay" && second && isUuid(second)) return { paymentId: second };
  const back = url.searchParams.get("callbackUrl");
  if (first === "sign-in" && back && depth === 0) {
    // Auth.js passes it absolute; only its path and query say which practice.
    let inner: URL;
    try {
      inner = new URL(back, "http://x");
    } catch {
      return null;
    }
    return practiceContextOf(`${inner.pathname}${inner.search}`, 1);
  }
  return null;
}
