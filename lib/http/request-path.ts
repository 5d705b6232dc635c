/** The request header proxy.ts sets to the requested path and query (pure: no next/* import). */
export const REQUEST_PATH_HEADER = "x-tandem-path";

/** The sign-in page's address that returns to `path` after signing in (the path is checked again there and by Auth.js). */
export function signInPathFor(path: string | null): string {
  if (!path || !path.startsWith("/") || path.startsWith("//")) return "/sign-in";
  return `/sign-in?callbackUrl=${encodeURIComponent(path)}`;
}
