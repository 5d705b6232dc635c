import { z } from "zod";
import { bookingDetailsSchema, holdSchema, slotsQuerySchema } from "./booking-schema";
import type { Slot } from "./slot-types";

/**
 * The public booking API's wire: one request schema and the response schemas
 * of each route under /api/book/[slug]/, written once. The route handlers build
 * their bodies with the builders below (typed by, and checked against, these
 * schemas); the booking wizard parses every answer with the same schemas, so a
 * server that drifts is caught in the browser by name instead of rendering
 * `undefined`. Client-safe: zod and types only, nothing server-side.
 * Decision 0020.
 */

// ---------------------------------------------------------------------------
// Requests. The same schema objects the domain parses with (holdSlot,
// confirmBooking, checkConfirmationLimits), so there is one definition.

/** GET /api/book/[slug]/slots?service&clinician&from&to */
export const slotsRequestSchema = slotsQuerySchema;
export type SlotsRequest = z.input<typeof slotsRequestSchema>;

/** POST /api/book/[slug]/holds */
export const holdRequestSchema = holdSchema;
export type HoldRequest = z.input<typeof holdRequestSchema>;

/** POST /api/book/[slug]/confirm */
export const confirmRequestSchema = bookingDetailsSchema;
export type ConfirmRequest = z.input<typeof confirmRequestSchema>;

// ---------------------------------------------------------------------------
// Responses.

/** An instant as `Date#toISOString()` writes it (UTC, milliseconds). */
const instant = z.iso.datetime({ message: "must be an ISO date-time" });
/** A clinician id goes back into a hold request, whose schema wants a uuid. */
const clinicianId = z.uuid({ message: "must be a uuid" });

/** Errors every route may answer with. */
export const messageResponseSchema = z.object({ message: z.string().min(1) });
export const fieldErrorsResponseSchema = z.object({ errors: z.record(z.string(), z.array(z.string())) });
/** A refusal by a rate limit (429) or its store being down (503); built by lib/http/domain-error-response.ts. */
export const limitedResponseSchema = z.object({
  code: z.enum(["limited", "unavailable"]),
  message: z.string().min(1),
  retryAfterSeconds: z.number().int().positive().nullable(),
});
/** What the wizard reads from any refusal: a message to show, or errors to put on fields. */
export const errorResponseSchema = z.object({
  message: z.string().min(1).optional(),
  errors: fieldErrorsResponseSchema.shape.errors.optional(),
});

/** GET slots, 200: free start times as UTC instants, and the practice's zone. */
/** `locationId`: where an in-person slot is (null: online or by phone), so the wizard names the place at the time step (decision 0041). */
const locationId = z.uuid({ message: "must be a uuid" }).nullable().default(null);
export const wireSlotSchema = z.object({ start: instant, end: instant, clinicianId, locationId });
export const slotsResponseSchema = z.object({ timeZone: z.string().min(1), slots: z.array(wireSlotSchema) });

/** POST holds, 201: the held time and the token that confirms it. */
export const holdResponseSchema = z.object({ holdToken: z.string().min(10), expiresAt: instant, start: instant, end: instant, clinicianId, locationId });
/** POST holds, 409: taken or never offered, with the next free times. */
export const alternativeSlotSchema = wireSlotSchema.pick({ start: true, clinicianId: true });
export const holdConflictResponseSchema = z.object({
  code: z.enum(["taken", "unavailable"]),
  message: z.string().min(1),
  alternatives: z.array(alternativeSlotSchema),
});

/** POST confirm, 200: booked, or on to the payment page (`checkoutUrl`), or waiting for the partner's payment. */
export const confirmResponseSchema = z.object({
  appointmentId: z.uuid(),
  emailedTo: z.array(z.string()),
  signedIn: z.boolean(),
  usedCredit: z.boolean(),
  checkoutUrl: z.string().nullable(),
  awaitingPayment: z.boolean(),
  partnerEmailed: z.boolean(),
});

export type WireSlot = z.infer<typeof wireSlotSchema>;
export type AlternativeSlot = z.infer<typeof alternativeSlotSchema>;
export type SlotsResponse = z.infer<typeof slotsResponseSchema>;
export type HoldResponse = z.infer<typeof holdResponseSchema>;
export type HoldConflictResponse = z.infer<typeof holdConflictResponseSchema>;
export type ConfirmResponse = z.infer<typeof confirmResponseSchema>;
export type MessageResponse = z.infer<typeof messageResponseSchema>;
export type FieldErrorsResponse = z.infer<typeof fieldErrorsResponseSchema>;
export type LimitedResponse = z.infer<typeof limitedResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

// ---------------------------------------------------------------------------
// Drift.

/** A body that does not match its route's schema, named by route and field. */
export class WireDriftError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(
    readonly what: string,
    error: z.ZodError,
  ) {
    const issues = error.issues.map((i) => ({ path: i.path.length ? i.path.join(".") : "(body)", message: i.message }));
    super(`${what}: the body does not match its schema (${issues.map((i) => `${i.path}: ${i.message}`).join("; ")})`);
    this.name = "WireDriftError";
    this.issues = issues;
  }
}

/**
 * Parses a body against its schema or throws a WireDriftError naming the route
 * and the fields. The wizard reads every answer through this.
 */
export function readWire<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new WireDriftError(what, parsed.error);
  return parsed.data;
}

/**
 * The server's side of the same check: the body a handler is about to send
 * must match its schema. The type already guarantees the shape; this also
 * holds the formats (ISO instants, uuids). It returns the body itself, not
 * zod's copy, so the JSON keeps its key order. A drift throws (a 500), which
 * is what the wizard would make of the drifted body anyway.
 */
function checked<S extends z.ZodType>(schema: S, body: z.output<S>, what: string): z.output<S> {
  readWire(schema, body, what);
  return body;
}

// ---------------------------------------------------------------------------
// Builders the route handlers answer with (domain values in, wire bodies out).

const iso = (ms: number) => new Date(ms).toISOString();

/** GET slots, 200. */
export function slotsBody(timeZone: string, slots: readonly Slot[]): SlotsResponse {
  return checked(slotsResponseSchema, { timeZone, slots: slots.map((s) => ({ start: iso(s.start), end: iso(s.end), clinicianId: s.memberId, locationId: s.locationId })) }, "GET slots 200");
}

/** POST holds, 201. */
export function holdBody(hold: { holdToken: string; expiresAt: Date; slot: Slot }): HoldResponse {
  return checked(
    holdResponseSchema,
    {
      holdToken: hold.holdToken,
      expiresAt: hold.expiresAt.toISOString(),
      start: iso(hold.slot.start),
      end: iso(hold.slot.end),
      clinicianId: hold.slot.memberId,
      locationId: hold.slot.locationId,
    },
    "POST holds 201",
  );
}

/** POST holds, 409. */
export function holdConflictBody(conflict: { code: HoldConflictResponse["code"]; message: string; alternatives: readonly Slot[] }): HoldConflictResponse {
  return checked(
    holdConflictResponseSchema,
    { code: conflict.code, message: conflict.message, alternatives: conflict.alternatives.map((s) => ({ start: iso(s.start), clinicianId: s.memberId })) },
    "POST holds 409",
  );
}

/** POST confirm, 200. */
export function confirmBody(booked: {
  appointmentId: string;
  attendeeEmails: string[];
  signedIn: boolean;
  credit?: boolean;
  payment?: { checkoutUrl: string | null; partnerEmailed: boolean };
}): ConfirmResponse {
  return checked(
    confirmResponseSchema,
    {
      appointmentId: booked.appointmentId,
      emailedTo: booked.attendeeEmails,
      signedIn: booked.signedIn,
      usedCredit: booked.credit ?? false,
      checkoutUrl: booked.payment?.checkoutUrl ?? null,
      awaitingPayment: Boolean(booked.payment),
      partnerEmailed: booked.payment?.partnerEmailed ?? false,
    },
    "POST confirm 200",
  );
}
