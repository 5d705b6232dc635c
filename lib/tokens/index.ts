/**
 * Tokens' one home: signed, expiring tokens for links (signed-token.ts) and
 * random tokens and their hashes (random.ts). Server code only: they need
 * node:crypto, and signing needs AUTH_SECRET.
 */
export * from "./signed-token";
export * from "./random";
export * from "./derived-token";
