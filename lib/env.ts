import { z } from "zod";
import { defaultLocalPort } from "./local-ports/defaults";

/**
 * Every setting the app reads, validated once. Each has a working local
 * default or is optional, so a fresh clone runs with no `.env` at all.
 * Read `env` from here; nothing else touches `process.env`.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** A PostgreSQL server to use. Unset: an embedded server is started from npm. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Where local state lives: the embedded database, the generated auth secret. */
  DATA_DIR: z.string().min(1).default(".data"),
  /**
   * TCP port of the embedded PostgreSQL server (loopback only). Unset: one of this
   * checkout's own, derived from DATA_DIR's path (lib/local-ports/), so two checkouts do not collide.
   */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
  /** Seed the demo practices into an empty database on start. */
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  /** Public origin used in links inside emails. */
  APP_URL: z.url().default("http://localhost:3000"),
  /** Auth.js secret. Unset: one is generated and kept in DATA_DIR. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Resend API key. Unset: mail goes to the outbox table (/dev/outbox in development). */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Resend API origin; the official SDK reads it too (a local capture server in tests). */
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default("Tandem <no-reply@tandem.localhost>"),
  /** Background jobs (reminders, expiring holds) in the app process; "off" when `npm run worker` runs them. Unset: in-process. */
  JOB_RUNNER: z.enum(["in-process", "off"]).optional(),
  /**
   * Stripe secret key (platform key with Connect, or a single practice's own key).
   * Unset: the official SDK talks to the local Stripe stand-in (lib/billing/standin/).
   */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "must look like sk_test_… or sk_live_…").optional(),
  /** Signing secret of the webhook endpoint (whsec_…). Required with STRIPE_SECRET_KEY. */
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, "must look like whsec_…").optional(),
  /**
   * Where the SDK sends API requests, e.g. http://127.0.0.1:12111. Unset: Stripe's own API
   * with a key, the stand-in on STRIPE_STANDIN_PORT without one.
   */
  STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  /** Loopback port of the local Stripe stand-in (used when there is no STRIPE_SECRET_KEY). Unset: like EMBEDDED_PG_PORT. */
  STRIPE_STANDIN_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
  /** How long one Stripe request may take before the SDK gives up (and retries under the same idempotency key). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
  /** "on": each practice connects its own Stripe account (Connect); "off": this deployment's key takes every payment. */
  STRIPE_CONNECT: z.enum(["on", "off"]).default("off"),
}).superRefine((value, ctx) => {
  if (value.STRIPE_SECRET_KEY && !value.STRIPE_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["STRIPE_WEBHOOK_SECRET"], message: "is required when STRIPE_SECRET_KEY is set" });
  }
}).transform((value) => ({
  ...value,
  // Start-up (lib/local-ports/decide.ts) normally sets both before this runs; these match its choice.
  EMBEDDED_PG_PORT: value.EMBEDDED_PG_PORT ?? defaultLocalPort("embeddedPg", value.DATA_DIR),
  STRIPE_STANDIN_PORT: value.STRIPE_STANDIN_PORT ?? defaultLocalPort("stripeStandIn", value.DATA_DIR),
}));

export type Env = z.output<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset", as they do in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);
