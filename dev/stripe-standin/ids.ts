import { randomBytes } from "node:crypto";

/** Stripe's clock: whole seconds since the epoch. */
export const now = () => Math.floor(Date.now() / 1000);

/** An id shaped like Stripe's (`cus_…`, `pi_…`, `cs_test_…`). */
export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
