import { describe, expect, test } from "vitest";
import {
  WireDriftError,
  confirmBody,
  confirmResponseSchema,
  errorResponseSchema,
  holdConflictBody,
  holdResponseSchema,
  limitedResponseSchema,
  readWire,
  slotsBody,
  slotsResponseSchema,
} from "@/lib/booking/public-api";
import { rateLimited, unavailable } from "@/lib/errors/domain-error";
import { domainErrorResponse } from "@/lib/http/domain-error-response";

const CLINICIAN = "5b0f6a8e-3f7c-4d2a-9b1e-2c4d6e8f0a1b";
const APPOINTMENT = "0c9e8d7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f";
const slot = { start: Date.parse("2031-03-03T14:00:00Z"), end: Date.parse("2031-03-03T14:50:00Z"), memberId: CLINICIAN, locationId: null };

function driftOf(run: () => unknown): WireDriftError {
  try {
    run();
  } catch (error) {
    if (error instanceof WireDriftError) return error;
    throw error;
  }
  throw new Error("expected a WireDriftError");
}

describe("the browser's parse of a drifted body", () => {
  test("a slot whose clinician travels under another name is refused, naming the route and the field", () => {
    const drifted = { timeZone: "America/New_York", slots: [{ start: "2031-03-03T14:00:00.000Z", end: "2031-03-03T14:50:00.000Z", memberId: CLINICIAN }] };
    const error = driftOf(() => readWire(slotsResponseSchema, drifted, "GET slots 200"));
    expect(error.message).toBe("GET slots 200: the body does not match its schema (slots.0.clinicianId: must be a uuid)");
    expect(error.issues).toEqual([{ path: "slots.0.clinicianId", message: "must be a uuid" }]);
  });

  test("a hold whose expiry became epoch milliseconds is refused on `expiresAt`", () => {
    const drifted = { holdToken: "h".repeat(40), expiresAt: Date.parse("2031-03-01T12:10:00Z"), start: "2031-03-03T14:00:00.000Z", end: "2031-03-03T14:50:00.000Z", clinicianId: CLINICIAN };
    expect(driftOf(() => readWire(holdResponseSchema, drifted, "POST holds 201")).message).toMatch(/^POST holds 201: .*expiresAt: /);
  });

  test("a confirmation that lost a field is refused on that field, and a whole non-object body is named as the body", () => {
    const booked = confirmBody({ appointmentId: APPOINTMENT, attendeeEmails: ["ana@example.com"], signedIn: false });
    const drifted: Record<string, unknown> = { ...booked };
    delete drifted.awaitingPayment;
    expect(driftOf(() => readWire(confirmResponseSchema, drifted, "POST confirm 200")).issues.map((i) => i.path)).toEqual(["awaitingPayment"]);
    expect(driftOf(() => readWire(confirmResponseSchema, "<html>", "POST confirm 200")).issues.map((i) => i.path)).toEqual(["(body)"]);
  });

  test("what parses is the wire type, unknown extra keys dropped", () => {
    const body = { ...slotsBody("UTC", [slot]), debug: true };
    expect(readWire(slotsResponseSchema, body, "GET slots 200")).toEqual({ timeZone: "UTC", slots: [{ start: "2031-03-03T14:00:00.000Z", end: "2031-03-03T14:50:00.000Z", clinicianId: CLINICIAN, locationId: null }] });
  });
});

describe("the handlers' builders", () => {
  test("refuse to send a body that does not match its schema", () => {
    expect(driftOf(() => slotsBody("UTC", [{ ...slot, memberId: "not-a-uuid" }])).message).toBe(
      "GET slots 200: the body does not match its schema (slots.0.clinicianId: must be a uuid)",
    );
    expect(driftOf(() => holdConflictBody({ code: "taken", message: "", alternatives: [] })).issues.map((i) => i.path)).toEqual(["message"]);
  });

  test("a paid booking's answer carries the checkout link and says it awaits payment", () => {
    const body = confirmBody({ appointmentId: APPOINTMENT, attendeeEmails: ["ana@example.com", "ben@example.com"], signedIn: true, payment: { checkoutUrl: "https://checkout.example/c/1", partnerEmailed: true } });
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({ appointmentId: APPOINTMENT, emailedTo: ["ana@example.com", "ben@example.com"], signedIn: true, usedCredit: false, checkoutUrl: "https://checkout.example/c/1", awaitingPayment: true, partnerEmailed: true }),
    );
    expect(confirmResponseSchema.parse(body)).toEqual(body);
  });

  test("a rate-limit refusal (lib/http/domain-error-response.ts) matches the limited schema, and the wizard reads its message", async () => {
    const res = domainErrorResponse(rateLimited("Too many times were held from your connection. Please wait 5 minutes and try again.", 300));
    const body: unknown = await res.json();
    expect(limitedResponseSchema.parse(body)).toEqual({ code: "limited", message: "Too many times were held from your connection. Please wait 5 minutes and try again.", retryAfterSeconds: 300 });
    expect(readWire(errorResponseSchema, body, "POST holds 429").message).toMatch(/^Too many times/);
    const down: unknown = await domainErrorResponse(unavailable("Booking is unavailable right now.")).json();
    expect(limitedResponseSchema.parse(down).retryAfterSeconds).toBeNull();
  });
});
