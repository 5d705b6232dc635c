import { holdResponseSchema, type HoldResponse } from "@/lib/booking/public-api";

/**
 * The hold the visitor is filling in details for, in this tab's session
 * storage, so a reload or Forward to the details step finds it again. Read
 * through `useSyncExternalStore` (the server has none): `holdSnapshot` gives
 * the raw string, which is stable between reads.
 */
const key = (slug: string) => `tandem.booking.hold.${slug}`;
const listeners = new Set<() => void>();
/** What this page wrote, so the hold survives a storage that refuses writes (until a reload). */
const written = new Map<string, string | null>();

export type StoredHold = { serviceId: string; hold: HoldResponse };

export function subscribeHold(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function holdSnapshot(slug: string): string | null {
  if (written.has(key(slug))) return written.get(key(slug)) ?? null;
  try {
    return window.sessionStorage.getItem(key(slug));
  } catch {
    return null;
  }
}

export function parseStoredHold(raw: string | null): StoredHold | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as { serviceId?: unknown; hold?: unknown };
    const hold = holdResponseSchema.safeParse(value.hold);
    return typeof value.serviceId === "string" && hold.success ? { serviceId: value.serviceId, hold: hold.data } : null;
  } catch {
    return null;
  }
}

export function saveHold(slug: string, stored: StoredHold | null): void {
  written.set(key(slug), stored ? JSON.stringify(stored) : null);
  try {
    if (stored) window.sessionStorage.setItem(key(slug), JSON.stringify(stored));
    else window.sessionStorage.removeItem(key(slug));
  } catch {
    // Storage refused (private mode): `written` keeps the hold until a reload.
  }
  for (const listener of listeners) listener();
}
