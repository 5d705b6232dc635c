import {
  WireDriftError,
  confirmResponseSchema,
  errorResponseSchema,
  holdConflictResponseSchema,
  holdResponseSchema,
  readWire,
  slotsResponseSchema,
  type ConfirmRequest,
  type ConfirmResponse,
  type ErrorResponse,
  type HoldConflictResponse,
  type HoldRequest,
  type HoldResponse,
  type SlotsRequest,
  type WireSlot,
} from "@/lib/booking/public-api";

/**
 * The booking wizard's calls to the public booking API. Every answer is read
 * through its route's schema (lib/booking/public-api.ts), so a drifted server
 * throws a WireDriftError naming the route and field instead of rendering
 * `undefined`.
 */

const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** The query string of a slots request; also the key that says which answer is current. */
export function slotsQuery(q: Required<SlotsRequest>): string {
  return new URLSearchParams({ service: q.service, clinician: q.clinician, from: q.from, to: q.to }).toString();
}

export type SlotsAnswer = { ok: true; slots: WireSlot[] } | { ok: false; message: string | undefined };

export async function getSlots(slug: string, query: string, signal?: AbortSignal): Promise<SlotsAnswer> {
  const res = await fetch(`/api/book/${slug}/slots?${query}`, { signal });
  const body: unknown = await res.json();
  if (!res.ok) return { ok: false, message: readWire(errorResponseSchema, body, `GET slots ${res.status}`).message };
  return { ok: true, slots: readWire(slotsResponseSchema, body, "GET slots 200").slots };
}

export type HoldAnswer =
  | { kind: "held"; hold: HoldResponse }
  | { kind: "conflict"; conflict: HoldConflictResponse }
  | { kind: "refused"; message: string | undefined };

export async function postHold(slug: string, request: HoldRequest): Promise<HoldAnswer> {
  const res = await post(`/api/book/${slug}/holds`, request);
  const body: unknown = await res.json();
  if (res.status === 201) return { kind: "held", hold: readWire(holdResponseSchema, body, "POST holds 201") };
  if (res.status === 409) return { kind: "conflict", conflict: readWire(holdConflictResponseSchema, body, "POST holds 409") };
  return { kind: "refused", message: readWire(errorResponseSchema, body, `POST holds ${res.status}`).message };
}

export type ConfirmAnswer =
  | { kind: "booked"; booked: ConfirmResponse }
  | { kind: "expired"; message: string | undefined }
  | ({ kind: "refused" } & ErrorResponse);

export async function postConfirm(slug: string, request: ConfirmRequest): Promise<ConfirmAnswer> {
  const res = await post(`/api/book/${slug}/confirm`, request);
  const body: unknown = await res.json();
  if (res.ok) return { kind: "booked", booked: readWire(confirmResponseSchema, body, `POST confirm ${res.status}`) };
  const refusal = readWire(errorResponseSchema, body, `POST confirm ${res.status}`);
  if (res.status === 410) return { kind: "expired", message: refusal.message };
  return { kind: "refused", ...refusal };
}

/** A drift is a bug in this app, not the visitor's: say so in the console, show the visitor the usual fallback. */
export function reportDrift(error: unknown): boolean {
  if (!(error instanceof WireDriftError)) return false;
  console.error(error.message);
  return true;
}
