import { env } from "@/lib/env";

/** The public booking page's address, as clients will open it (the link to copy and share). */
export function bookingPageUrl(slug: string): string {
  return new URL(`/book/${encodeURIComponent(slug)}`, env.APP_URL).toString();
}
