import { describe, expect, test } from "vitest";
import { conflict, expired, invalid, notFound, paymentFailed, rateLimited, unavailable } from "@/lib/errors/domain-error";
import { HTTP_STATUS, domainErrorResponse, domainFormErrors } from "@/lib/http/domain-error-response";

// The statuses the public booking routes have always answered (the wizard and e2e read them).
describe("the edge's one mapping from domain codes to HTTP", () => {
  test("each code's status", () => {
    expect(HTTP_STATUS).toEqual({ invalid: 400, forbidden: 403, not_found: 404, conflict: 409, expired: 410, rate_limited: 429, payment_failed: 502, unavailable: 503, internal: 500 });
  });

  test("bad input answers its field errors; other refusals their message; never cached", async () => {
    const bad = domainErrorResponse(invalid({ start: ["Choose a time"] }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ errors: { start: ["Choose a time"] } });
    expect(bad.headers.get("cache-control")).toBe("no-store");
    const gone = domainErrorResponse(expired("Your hold on this time ran out. Please choose a time again."));
    expect(gone.status).toBe(410);
    expect(await gone.json()).toEqual({ message: "Your hold on this time ran out. Please choose a time again." });
    expect(domainErrorResponse(notFound("That service is not offered.")).status).toBe(404);
    expect(domainErrorResponse(paymentFailed("Stripe is down. The time was released.")).status).toBe(502);
  });

  test("a conflict answers the body the route gives", async () => {
    const taken = domainErrorResponse(conflict("taken", "Sorry, that time was just taken.", { alternatives: [] }), { code: "taken", message: "Sorry", alternatives: [] });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toEqual({ code: "taken", message: "Sorry", alternatives: [] });
  });

  test("a rate limit says when to come back; an outage says to try later", async () => {
    const limited = domainErrorResponse(rateLimited("Too many times were held from your connection.", 61.2));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("62");
    expect(await limited.json()).toEqual({ code: "limited", message: "Too many times were held from your connection.", retryAfterSeconds: 62 });
    const down = domainErrorResponse(unavailable("Booking is unavailable right now."));
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBeNull();
    expect(await down.json()).toEqual({ code: "unavailable", message: "Booking is unavailable right now.", retryAfterSeconds: null });
  });

  test("as form errors: the fields', or the message under form", () => {
    expect(domainFormErrors(invalid({ start: ["Choose a time"] }))).toEqual({ start: ["Choose a time"] });
    expect(domainFormErrors(expired("Too late"))).toEqual({ form: ["Too late"] });
  });
});
