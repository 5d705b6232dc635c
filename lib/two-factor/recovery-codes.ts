import { randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;

// Crockford-style alphabet: no 0/O, 1/I/L, U, so a code read off paper is typed right.
const ALPHABET = "23456789abcdefghjkmnpqrstvwxyz";
const GROUP = 5;

/** `RECOVERY_CODE_COUNT` fresh codes like `k7m2p-x9qrt` (about 49 random bits each). */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let raw = "";
    for (let i = 0; i < GROUP * 2; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
    codes.add(`${raw.slice(0, GROUP)}-${raw.slice(GROUP)}`);
  }
  return [...codes];
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, "");
}

export function looksLikeRecoveryCode(input: string): boolean {
  const n = normaliseRecoveryCode(input);
  return n.length === GROUP * 2 && [...n].every((c) => ALPHABET.includes(c));
}
