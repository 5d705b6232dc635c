import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { TOKEN_PURPOSES, randomToken, sha256Hex, signToken, verifyToken } from "@/lib/tokens";

const now = new Date("2026-03-01T12:00:00Z");
const later = new Date("2026-03-02T12:00:00Z");

test("every token purpose is distinct, and a token made for one is refused by every other", () => {
  const purposes = Object.values(TOKEN_PURPOSES);
  expect(new Set(purposes).size).toBe(purposes.length);
  for (const made of purposes) {
    const token = signToken(made, { id: "x" }, later);
    for (const asked of purposes) expect(verifyToken(asked, token, now).ok, `${made} opened as ${asked}`).toBe(made === asked);
  }
});

test("random tokens are 256 bits by default, in the encoding asked for, and never repeat", () => {
  expect(randomToken()).toMatch(/^[0-9a-f]{64}$/);
  expect(randomToken(32, "base64url")).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(randomToken(16)).toMatch(/^[0-9a-f]{32}$/);
  const many = new Set(Array.from({ length: 200 }, () => randomToken()));
  expect(many.size).toBe(200);
});

test("sha256Hex is the SHA-256 of the text, as hex", () => {
  expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  expect(sha256Hex("token-1")).toBe(createHash("sha256").update("token-1").digest("hex"));
  expect(sha256Hex("token-1")).not.toBe(sha256Hex("token-2"));
});
