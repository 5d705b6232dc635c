"use client";

import { useEffect, useState } from "react";
import type { WireSlot } from "@/lib/booking/public-api";
import { getSlots, reportDrift, slotsQuery } from "./booking-api";

export type SlotsState = { slots: WireSlot[] | null; error: string | null; loading: boolean };

/**
 * Free times for a service and clinician choice in [from, to), fetched from
 * the public slots route. Null `query` (the visitor is not on the time step)
 * fetches nothing. What is returned always belongs to the current query: a
 * change aborts the request in flight, and a stale answer reads as loading.
 */
export function useSlots(slug: string, query: { service: string; clinician: string; from: string; to: string } | null): SlotsState {
  const key = query ? slotsQuery(query) : null;
  const [loaded, setLoaded] = useState<{ key: string; slots: WireSlot[] | null; error: string | null } | null>(null);

  useEffect(() => {
    if (!key) return;
    const abort = new AbortController();
    getSlots(slug, key, abort.signal)
      .then((answer) => {
        if (abort.signal.aborted) return;
        if (answer.ok) setLoaded({ key, slots: answer.slots, error: null });
        else setLoaded({ key, slots: null, error: answer.message ?? "Times could not be loaded." });
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        const message = reportDrift(error) ? "Times could not be loaded." : "Times could not be loaded. Check your connection and try again.";
        setLoaded({ key, slots: null, error: message });
      });
    return () => abort.abort();
  }, [key, slug]);

  const current = loaded && loaded.key === key ? loaded : null;
  return { slots: current?.slots ?? null, error: current?.error ?? null, loading: Boolean(key) && !current };
}
