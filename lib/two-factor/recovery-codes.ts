import { randomInt } from "node:crypto";
import { ALPHABET, GROUP } from "./recovery-code-format";

export { looksLikeRecoveryCode, normaliseRecoveryCode } from "./recovery-code-format";

export const RECOVERY_CODE_COUNT = 10;

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
