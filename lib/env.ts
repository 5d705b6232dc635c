import { z } from "zod";
import { defaultLocalPort } from "./local-ports/defaults";

/**
 * Every setting the app reads, validated once. In development and test each
 * has a working local default or is optional, so a fresh clone runs with no
 * `.env` at all. In production the app fails closed: a setting whose local
 * default would be unsafe there (the Stripe stand-in, the mail outbox, a
 * generated secret, localhost links, demo data) must be given, and a missing
 * one stops the start with a line naming it (docs/decisions/0011).
 * Read `env` from here; nothing else touches `process.env`.
 */
const schema = z.object({
  /**
   * `next dev` sets development, `next start`/`next build` production, vitest test.
   * Unset (a script or custom server) means production: development-only routes
   * and demo sign-in need NODE_ENV=development said explicitly.
   */
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  /** Set by Next while it builds (see `building`). */
  NEXT_PHASE: z.string().optional(),
  /** A PostgreSQL server to use. Unset: an embedded server is started from npm. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * Connections of this process's pool (postgres.js `max`; pg-boss keeps its own 4 beside it).
   * Per instance: N instances + workers must fit the server's (or pooler's) limit. See docs/deploy.md.
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * "off" when DATABASE_URL goes through PgBouncer in transaction mode (older than 1.21, or without
   * max_prepared_statements): postgres.js then sends unnamed statements. Unset: on.
   */
  DATABASE_PREPARE: z.enum(["on", "off"]).default("on"),
  /**
   * A direct (or session-mode pooled) connection for what needs one session throughout:
   * migrations (a session advisory lock) and pg-boss. Unset: DATABASE_URL. See docs/deploy.md.
   */
  DATABASE_DIRECT_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Where local state lives: the embedded database, the generated auth secret. */
  DATA_DIR: z.string().min(1).default(".data"),
  /**
   * TCP port of the embedded PostgreSQL server (loopback only). Unset: one of this
   * checkout's own, derived from DATA_DIR's path (lib/local-ports/), so two checkouts do not collide.
   */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
  /** Seed the demo practices into an empty database on start. Unset: auto in development and test, never in production. */
  SEED_DEMO: z.enum(["auto", "never"]).optional(),
  /** Public origin used in links inside emails. Required in production; unset elsewhere: http://localhost:3000. */
  APP_URL: z.url().optional(),
  /**
   * How many proxies in front of the app append to X-Forwarded-For (a load
   * balancer: 1). 0: the socket's address is the client and the header is ignored.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Auth.js secret. Required in production; unset elsewhere: one is generated and kept in DATA_DIR. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** Resend API key. Unset: mail goes to the outbox table (/dev/outbox in development). */
  RESEND_API_KEY: z.string().min(1).optional(),
  /**
   * "resend" or "outbox" (mail stays in the database). Unset: resend with RESEND_API_KEY,
   * outbox without, except in production, where no key and no MAIL_TRANSPORT=outbox stops the start.
   */
  MAIL_TRANSPORT: z.enum(["resend", "outbox"]).optional(),
  /** Resend API origin; the official SDK reads it too (a local capture server in tests). */
  RESEND_BASE_URL: z.url().optional(),
  EMAIL_FROM: z.string().min(3).default("Tandem <no-reply@tandem.localhost>"),
  /** The lowest level logged (lib/log/). Unset: info (each request's line, jobs that did something, warnings). */
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
  /** Background jobs (reminders, expiring holds) in the app process; "off" when `npm run worker` runs them. Unset: in-process. */
  JOB_RUNNER: z.enum(["in-process", "off"]).optional(),
  /**
   * Stripe secret key (platform key with Connect, or a single practice's own key).
   * Unset: the official SDK talks to the local Stripe stand-in (dev/stripe-standin/).
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
  /**
   * "stripe" (STRIPE_SECRET_KEY) or "standin": the local test stand-in, whose Pay button
   * confirms bookings without money. Unset: stripe with a key, standin without, except in
   * production, where the stand-in runs only when STRIPE_MODE=standin is set on purpose
   * (a public demo; every page then says "Test payments").
   */
  STRIPE_MODE: z.enum(["stripe", "standin"]).optional(),
  /**
   * "closed": nobody can start a new practice from the public "Start your practice" page (a
   * deployment for one practice creates it with `npm run practice:create`). Unset: open.
   */
  SIGNUPS: z.enum(["open", "closed"]).default("open"),
  /**
   * Where file bytes are kept (lib/storage/, decision 0045): "disk" under DATA_DIR/files
   * (one machine), or "s3": a bucket of S3 or an S3-compatible service, needed once several
   * instances serve the app. Unset: disk.
   */
  STORAGE_DRIVER: z.enum(["disk", "s3"]).default("disk"),
  /** An S3-compatible service's origin (MinIO, R2, …), addressed path-style. Unset: AWS S3 in S3_REGION. */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  /** The bucket. Required with STORAGE_DRIVER=s3. */
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name (3–63 lowercase letters, digits, dots, hyphens)").optional(),
  /** Required with STORAGE_DRIVER=s3. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  /** Required with STORAGE_DRIVER=s3. */
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Put before every object key, e.g. "tandem/" to share a bucket. Unset: none. */
  S3_PREFIX: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*\/$/, "must be path segments ending in /, e.g. tandem/").optional(),
}).superRefine((value, ctx) => {
  const issue = (name: string, message: string) => ctx.addIssue({ code: "custom", path: [name], message });
  if (value.STRIPE_SECRET_KEY && !value.STRIPE_WEBHOOK_SECRET && value.STRIPE_MODE !== "standin") {
    issue("STRIPE_WEBHOOK_SECRET", "is required when STRIPE_SECRET_KEY is set");
  }
  if (value.STRIPE_MODE === "stripe" && !value.STRIPE_SECRET_KEY) issue("STRIPE_SECRET_KEY", "is required with STRIPE_MODE=stripe");
  if (value.STRIPE_MODE === "standin" && value.STRIPE_SECRET_KEY) {
    issue("STRIPE_MODE", "is standin but STRIPE_SECRET_KEY is set: unset one of them");
  }
  if (value.MAIL_TRANSPORT === "resend" && !value.RESEND_API_KEY) issue("RESEND_API_KEY", "is required with MAIL_TRANSPORT=resend");
  // Everywhere, not only in production: files written to a half-configured bucket would be lost.
  if (value.STORAGE_DRIVER === "s3") {
    for (const name of ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const) {
      if (!value[name]) issue(name, "is required with STORAGE_DRIVER=s3");
    }
  }
  if (!isProduction(value) || building(value)) return;
  if (!value.APP_URL) issue("APP_URL", "is required in production (the public origin of every link in every email, e.g. https://tandem.example)");
  if (!value.AUTH_SECRET) issue("AUTH_SECRET", "is required in production (one shared secret for every instance, 32+ characters)");
  if (!value.STRIPE_SECRET_KEY && !value.STRIPE_MODE) {
    issue("STRIPE_SECRET_KEY", "is required in production (or STRIPE_MODE=standin for a public demo that takes no real payments)");
  }
  if (!value.RESEND_API_KEY && !value.MAIL_TRANSPORT) {
    issue("RESEND_API_KEY", "is required in production (or MAIL_TRANSPORT=outbox to keep mail in the database)");
  }
}).transform((value) => {
  const production = isProduction(value);
  return {
    ...value,
    NODE_ENV: value.NODE_ENV ?? ("production" as const),
    APP_URL: value.APP_URL ?? "http://localhost:3000",
    SEED_DEMO: value.SEED_DEMO ?? (production ? ("never" as const) : ("auto" as const)),
    STRIPE_MODE: value.STRIPE_MODE ?? (value.STRIPE_SECRET_KEY ? ("stripe" as const) : ("standin" as const)),
    MAIL_TRANSPORT: value.MAIL_TRANSPORT ?? (value.RESEND_API_KEY ? ("resend" as const) : ("outbox" as const)),
    // Start-up (lib/local-ports/decide.ts) normally sets both before this runs; these match its choice.
    EMBEDDED_PG_PORT: value.EMBEDDED_PG_PORT ?? defaultLocalPort("embeddedPg", value.DATA_DIR),
    STRIPE_STANDIN_PORT: value.STRIPE_STANDIN_PORT ?? defaultLocalPort("stripeStandIn", value.DATA_DIR),
  };
});

function isProduction(value: { NODE_ENV?: string }): boolean {
  return (value.NODE_ENV ?? "production") === "production";
}

/**
 * `next build` runs in production mode but serves nothing: the production
 * requirements are checked when a server starts, so one build can run with
 * any deployment's settings. Next sets NEXT_PHASE while it builds pages
 * (next.config.ts does not read settings for that reason).
 */
function building(value: { NEXT_PHASE?: string }): boolean {
  return value.NEXT_PHASE === "phase-production-build";
}

export type Env = z.infer<typeof schema>;

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
