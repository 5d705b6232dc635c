/**
 * What a recovery code looks like. Pure, and apart from recovery-codes.ts
 * (which needs node:crypto), because the browser's form schema uses it: a
 * crypto polyfill in the client bundle evaluates code, which our CSP refuses.
 */

// Crockford-style alphabet: no 0/O, 1/I/L, U, so a code read off paper is typed right.
export const ALPHABET = "23456789abcdefghjkmnpqrstvwxyz";
export const GROUP = 5;

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  const n = normaliseRecoveryCode(input);
  return n.length === GROUP * 2 && [...n].every((c) => ALPHABET.includes(c));
}
