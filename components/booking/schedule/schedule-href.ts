/** A schedule URL: only non-default filters go in the query string. Safe in the browser. */
export function scheduleHref(
  practiceSlug: string,
  query: { view?: "day" | "week" | "month"; date?: string; member?: string | null; location?: string | null; cancelled?: boolean; booked?: string },
): string {
  const params = new URLSearchParams();
  if (query.view) params.set("view", query.view);
  if (query.date) params.set("date", query.date);
  if (query.member) params.set("member", query.member);
  if (query.location) params.set("location", query.location);
  if (query.cancelled) params.set("cancelled", "1");
  if (query.booked) params.set("booked", query.booked);
  const search = params.toString();
  return `/clinic/${practiceSlug}/schedule${search ? `?${search}` : ""}`;
}
