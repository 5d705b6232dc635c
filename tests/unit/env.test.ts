import { describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { defaultLocalPort } from "@/lib/local-ports/defaults";

describe("parseEnv", () => {
  test("an empty development environment runs on defaults", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env).toEqual({
      NODE_ENV: "development",
      DATA_DIR: ".data",
      DATABASE_POOL_MAX: 10,
      DATABASE_PREPARE: "on",
      LOG_LEVEL: "info",
      // This checkout's own ports (tests/unit/local-ports.test.ts).
      EMBEDDED_PG_PORT: defaultLocalPort("embeddedPg", ".data"),
      SEED_DEMO: "auto",
      APP_URL: "http://localhost:3000",
      TRUSTED_PROXY_HOPS: 0,
      EMAIL_FROM: "Tandem <no-reply@tandem.localhost>",
      STRIPE_STANDIN_PORT: defaultLocalPort("stripeStandIn", ".data"),
      STRIPE_TIMEOUT_MS: 15000,
      STRIPE_CONNECT: "off",
      STRIPE_MODE: "standin",
      MAIL_TRANSPORT: "outbox",
      SIGNUPS: "open",
      STORAGE_DRIVER: "disk",
      S3_REGION: "us-east-1",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.RESEND_API_KEY).toBeUndefined();
  });

  test("database pool settings: a whole pool size, prepared statements on or off, a direct URL", () => {
    const env = parseEnv({ NODE_ENV: "test", DATABASE_POOL_MAX: "25", DATABASE_PREPARE: "off", DATABASE_DIRECT_URL: "postgres://u@db:5432/t?sslmode=verify-full" });
    expect([env.DATABASE_POOL_MAX, env.DATABASE_PREPARE, env.DATABASE_DIRECT_URL]).toEqual([25, "off", "postgres://u@db:5432/t?sslmode=verify-full"]);
    expect(() => parseEnv({ NODE_ENV: "test", DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX/);
    expect(() => parseEnv({ NODE_ENV: "test", DATABASE_DIRECT_URL: "https://db" })).toThrow(/DATABASE_DIRECT_URL/);
    expect(() => parseEnv({ NODE_ENV: "test", LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });

  test("SIGNUPS: open (default) or closed, nothing else", () => {
    expect(parseEnv({ NODE_ENV: "development", SIGNUPS: "closed" }).SIGNUPS).toBe("closed");
    expect(() => parseEnv({ NODE_ENV: "development", SIGNUPS: "maybe" })).toThrow(/SIGNUPS/);
  });

  test("TRUSTED_PROXY_HOPS: a small whole number of proxies", () => {
    expect(parseEnv({ NODE_ENV: "test", TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ NODE_ENV: "test", TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => parseEnv({ NODE_ENV: "test", TRUSTED_PROXY_HOPS: "one" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  test("accepts postgres:// and postgresql:// URLs and a numeric port string", () => {
    expect(parseEnv({ NODE_ENV: "test", DATABASE_URL: "postgres://u:p@db:5432/app" }).DATABASE_URL).toBe("postgres://u:p@db:5432/app");
    expect(parseEnv({ NODE_ENV: "test", DATABASE_URL: "postgresql://db/app" }).DATABASE_URL).toBe("postgresql://db/app");
    expect(parseEnv({ NODE_ENV: "test", EMBEDDED_PG_PORT: "6000" }).EMBEDDED_PG_PORT).toBe(6000);
  });

  test("a bad DATABASE_URL names the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "test", DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ NODE_ENV: "test", DATABASE_URL: "mysql://db/app" })).toThrow(/DATABASE_URL/);
  });

  test("a short AUTH_SECRET names the variable and the rule", () => {
    expect(() => parseEnv({ NODE_ENV: "test", AUTH_SECRET: "too-short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(parseEnv({ NODE_ENV: "test", AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toBe("x".repeat(32));
  });

  test("reports every bad variable at once, and only those", () => {
    let message = "";
    try {
      parseEnv({ NODE_ENV: "development", DATABASE_URL: "nope", EMBEDDED_PG_PORT: "80", SEED_DEMO: "always", APP_URL: "http://ok.example" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid environment variables:/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/EMBEDDED_PG_PORT/);
    expect(message).toMatch(/SEED_DEMO/);
    expect(message).not.toMatch(/APP_URL/);
  });

  test("empty strings mean unset: defaults apply and optional values stay absent", () => {
    const env = parseEnv({ NODE_ENV: "test", DATABASE_URL: "", AUTH_SECRET: "", RESEND_API_KEY: "", DATA_DIR: "", EMBEDDED_PG_PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
    expect(env.EMBEDDED_PG_PORT).toBe(defaultLocalPort("embeddedPg", ".data"));
  });

  test("ignores variables it does not know", () => {
    expect(parseEnv({ NODE_ENV: "test", PATH: "/usr/bin", HOME: "/root" })).not.toHaveProperty("PATH");
  });
});

/** What a production deployment must set (docs/decisions/0011-fail-closed-production.md). */
const PRODUCTION = {
  NODE_ENV: "production",
  APP_URL: "https://tandem.example",
  AUTH_SECRET: "s".repeat(40),
  STRIPE_SECRET_KEY: "sk_live_abc123",
  STRIPE_WEBHOOK_SECRET: "whsec_abc123",
  RESEND_API_KEY: "re_abc123",
};

function without(...names: (keyof typeof PRODUCTION)[]): Record<string, string> {
  return Object.fromEntries(Object.entries(PRODUCTION).filter(([name]) => !names.includes(name as keyof typeof PRODUCTION)));
}

function failure(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message.split("\n").slice(1);
  }
  throw new Error("parseEnv accepted the environment");
}

describe("parseEnv in production (fails closed)", () => {
  test("a complete production environment: real Stripe, Resend, no demo data", () => {
    const env = parseEnv(PRODUCTION);
    expect(env).toMatchObject({ NODE_ENV: "production", STRIPE_MODE: "stripe", MAIL_TRANSPORT: "resend", SEED_DEMO: "never", APP_URL: "https://tandem.example" });
  });

  test("NODE_ENV unset means production: the same requirements, no development defaults", () => {
    const unset = without("NODE_ENV");
    expect(parseEnv(unset)).toMatchObject({ NODE_ENV: "production", SEED_DEMO: "never" });
    expect(failure({}).map((line) => line.split(":")[0]!.trim())).toEqual(["APP_URL", "AUTH_SECRET", "STRIPE_SECRET_KEY", "RESEND_API_KEY"]);
  });

  test("an empty production environment names every missing variable, one line each", () => {
    const lines = failure({ NODE_ENV: "production" });
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^ {2}APP_URL: is required in production/);
    expect(lines[1]).toMatch(/^ {2}AUTH_SECRET: is required in production/);
    expect(lines[2]).toMatch(/^ {2}STRIPE_SECRET_KEY: is required in production .*STRIPE_MODE=standin/);
    expect(lines[3]).toMatch(/^ {2}RESEND_API_KEY: is required in production .*MAIL_TRANSPORT=outbox/);
  });

  test.each(["APP_URL", "AUTH_SECRET", "STRIPE_SECRET_KEY", "RESEND_API_KEY"] as const)("without %s the start fails naming it, and only it", (name) => {
    const source: Record<string, string | undefined> = { ...PRODUCTION, [name]: undefined };
    if (name === "STRIPE_SECRET_KEY") delete source.STRIPE_WEBHOOK_SECRET;
    const lines = failure(source);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^ {2}${name}: `));
  });

  test("empty strings count as missing", () => {
    expect(failure({ ...PRODUCTION, AUTH_SECRET: "", APP_URL: "" })).toHaveLength(2);
  });

  test("the Stripe stand-in runs in production only when STRIPE_MODE=standin is set on purpose", () => {
    const noStripe = without("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET");
    expect(failure(noStripe)).toHaveLength(1);
    expect(parseEnv({ ...noStripe, STRIPE_MODE: "standin" }).STRIPE_MODE).toBe("standin");
    // A live key and the stand-in at once is a mistake, not a choice.
    expect(failure({ ...PRODUCTION, STRIPE_MODE: "standin" })[0]).toMatch(/^ {2}STRIPE_MODE: /);
    expect(failure({ ...noStripe, STRIPE_MODE: "stripe" })[0]).toMatch(/^ {2}STRIPE_SECRET_KEY: is required with STRIPE_MODE=stripe/);
    expect(failure({ ...noStripe, STRIPE_MODE: "demo" })[0]).toMatch(/^ {2}STRIPE_MODE: /);
  });

  test("mail needs RESEND_API_KEY or an explicit MAIL_TRANSPORT=outbox", () => {
    const noKey = without("RESEND_API_KEY");
    expect(failure(noKey)).toHaveLength(1);
    expect(parseEnv({ ...noKey, MAIL_TRANSPORT: "outbox" }).MAIL_TRANSPORT).toBe("outbox");
    expect(failure({ ...noKey, MAIL_TRANSPORT: "resend" })[0]).toMatch(/^ {2}RESEND_API_KEY: is required with MAIL_TRANSPORT=resend/);
  });

  test("SEED_DEMO defaults to never in production, auto in development and test, and can be chosen", () => {
    expect(parseEnv(PRODUCTION).SEED_DEMO).toBe("never");
    expect(parseEnv({ ...PRODUCTION, SEED_DEMO: "auto" }).SEED_DEMO).toBe("auto");
    expect(parseEnv({ NODE_ENV: "development" }).SEED_DEMO).toBe("auto");
    expect(parseEnv({ NODE_ENV: "test" }).SEED_DEMO).toBe("auto");
  });

  test("development and test keep their local defaults: stand-in, outbox, generated secret", () => {
    for (const NODE_ENV of ["development", "test"]) {
      const env = parseEnv({ NODE_ENV });
      expect(env).toMatchObject({ STRIPE_MODE: "standin", MAIL_TRANSPORT: "outbox", APP_URL: "http://localhost:3000" });
      expect(env.AUTH_SECRET).toBeUndefined();
    }
    expect(parseEnv({ NODE_ENV: "development", STRIPE_SECRET_KEY: "sk_test_a", STRIPE_WEBHOOK_SECRET: "whsec_a", RESEND_API_KEY: "re_a" })).toMatchObject({
      STRIPE_MODE: "stripe",
      MAIL_TRANSPORT: "resend",
    });
  });

  test("`next build` checks shapes only: the requirements apply when a server starts", () => {
    expect(parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).NODE_ENV).toBe("production");
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build", APP_URL: "nope" })).toThrow(/APP_URL/);
    expect(failure({ NODE_ENV: "production", NEXT_PHASE: "phase-production-server" })).toHaveLength(4);
  });
});
