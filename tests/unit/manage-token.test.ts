import { describe, expect, test } from "vitest";
import { createManageToken, manageTokenExpiry, manageUrl, verifyManageToken } from "@/lib/booking/manage-token";
import { signToken, verifyToken } from "@/lib/tokens";

const appointmentId = "0b7c6a1e-1111-4222-8333-444455556666";
const clientId = "5d1e2f30-aaaa-4bbb-8ccc-ddddeeeeffff";
const now = new Date("2026-03-01T12:00:00Z");
const expiresAt = new Date("2026-03-16T12:00:00Z");

/** Replaces the character at `index` with a different base64url character. */
function flip(token: string, index: number): string {
  const c = token[index]!;
  const replacement = c === "A" ? "B" : "A";
  return token.slice(0, index) + replacement + token.slice(index + 1);
}

describe("manage tokens", () => {
  test("round trip: the token is URL-safe and gives back the appointment and client", () => {
    const token = createManageToken({ appointmentId, clientId, expiresAt });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(verifyManageToken(token, now)).toEqual({ ok: true, appointmentId, clientId, expiresAt });
  });

  test("changing any one character of the payload or the signature fails the signature", () => {
    const token = createManageToken({ appointmentId, clientId, expiresAt });
    const dot = token.indexOf(".");
    // Every position of the payload and the signature's first characters (the
    // signature's last character also carries padding bits, checked below).
    const positions = [...Array.from({ length: dot }, (_, i) => i), dot + 1, dot + 2, dot + 20];
    for (const i of positions) {
      const result = verifyManageToken(flip(token, i), now);
      expect(result.ok, `position ${i}`).toBe(false);
      // Tampering may also break the payload's JSON, which the signature check catches first.
      expect(result).toMatchObject({ ok: false, reason: "bad_signature" });
    }
  });

  test("a forged payload with a copied signature fails", () => {
    const token = createManageToken({ appointmentId, clientId, expiresAt });
    const signature = token.split(".")[1]!;
    const forged = Buffer.from(JSON.stringify({ p: "manage", e: expiresAt.getTime(), d: { a: appointmentId, c: "someone-else" } })).toString("base64url");
    expect(verifyManageToken(`${forged}.${signature}`, now)).toEqual({ ok: false, reason: "bad_signature" });
  });

  test("expired at and after expiresAt, valid just before", () => {
    const token = createManageToken({ appointmentId, clientId, expiresAt });
    expect(verifyManageToken(token, new Date(expiresAt.getTime() - 1)).ok).toBe(true);
    expect(verifyManageToken(token, expiresAt)).toEqual({ ok: false, reason: "expired" });
    expect(verifyManageToken(token, new Date("2027-01-01T00:00:00Z"))).toEqual({ ok: false, reason: "expired" });
  });

  test("a token for another purpose is refused (a hold token never opens a manage page), and the other way round", () => {
    const hold = signToken("hold", { a: appointmentId, c: clientId }, expiresAt);
    expect(verifyManageToken(hold, now)).toEqual({ ok: false, reason: "bad_signature" });
    const manage = createManageToken({ appointmentId, clientId, expiresAt });
    expect(verifyToken("hold", manage, now)).toEqual({ ok: false, reason: "bad_signature" });
  });

  test.each([
    ["empty", ""],
    ["no dot", "abcdef"],
    ["two dots", "a.b.c"],
    ["empty payload", ".abc"],
    ["empty signature", "abc."],
    ["characters outside base64url", "ab+c/d=.ef"],
    ["spaces", "abc def.ghi"],
    ["garbage base64 of the wrong length", "%%%.$$$"],
    ["a short signature", "eyJwIjoibWFuYWdlIn0.c2hvcnQ"],
    ["very long input", `${"a".repeat(5000)}.${"b".repeat(43)}`],
  ])("malformed: %s", (_label, token) => {
    expect(verifyManageToken(token, now)).toEqual({ ok: false, reason: "malformed" });
  });

  test("a non-canonical signature encoding is malformed", () => {
    const token = createManageToken({ appointmentId, clientId, expiresAt });
    const [payload, signature] = token.split(".") as [string, string];
    // The last of 43 characters holds 2 padding bits; setting them spells the same bytes differently.
    const last = signature.at(-1)!;
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    const result = verifyManageToken(`${payload}.${signature.slice(0, -1)}${sibling}`, now);
    expect(result).toEqual({ ok: false, reason: "malformed" });
  });

  test("a validly signed payload of the wrong shape is malformed, not accepted", () => {
    const token = signToken("manage", { a: appointmentId }, expiresAt);
    expect(verifyManageToken(token, now)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyManageToken(signToken("manage", null, expiresAt), now)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("signToken / verifyToken", () => {
  test("carry any JSON data for a purpose, with its expiry", () => {
    const token = signToken("hold", { appointmentId, n: 2 }, expiresAt);
    expect(verifyToken("hold", token, now)).toEqual({ ok: true, data: { appointmentId, n: 2 }, expiresAt });
  });

  test("refuse an invalid purpose name when signing", () => {
    expect(() => signToken("Not Valid", {}, expiresAt)).toThrow(/purpose/);
  });

  test("the manage link expires a week after the appointment ends and opens with its token", () => {
    const endsAt = new Date("2026-03-10T15:50:00Z");
    expect(manageTokenExpiry(endsAt).toISOString()).toBe("2026-03-17T15:50:00.000Z");
    const url = manageUrl({ appointmentId, clientId, endsAt });
    const match = /^http:\/\/localhost:3000\/manage\/([A-Za-z0-9_.-]+)$/.exec(url);
    expect(match).not.toBeNull();
    expect(verifyManageToken(match![1]!, now)).toMatchObject({ ok: true, appointmentId, clientId });
  });
});
