import { describe, expect, test } from "vitest";
import { parseEnv } from "@/lib/env";
import { defaultLocalPort } from "@/lib/local-ports/defaults";

describe("parseEnv", () => {
  test("an empty environment runs on defaults", () => {
    const env = parseEnv({});
    expect(env).toEqual({
      NODE_ENV: "development",
      DATA_DIR: ".data",
      // This checkout's own ports (tests/unit/local-ports.test.ts).
      EMBEDDED_PG_PORT: defaultLocalPort("embeddedPg", ".data"),
      SEED_DEMO: "auto",
      APP_URL: "http://localhost:3000",
      EMAIL_FROM: "Tandem <no-reply@tandem.localhost>",
      STRIPE_STANDIN_PORT: defaultLocalPort("stripeStandIn", ".data"),
      STRIPE_TIMEOUT_MS: 15000,
      STRIPE_CONNECT: "off",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.RESEND_API_KEY).toBeUndefined();
  });

  test("accepts postgres:// and postgresql:// URLs and a numeric port string", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/app" }).DATABASE_URL).toBe("postgres://u:p@db:5432/app");
    expect(parseEnv({ DATABASE_URL: "postgresql://db/app" }).DATABASE_URL).toBe("postgresql://db/app");
    expect(parseEnv({ EMBEDDED_PG_PORT: "6000" }).EMBEDDED_PG_PORT).toBe(6000);
  });

  test("a bad DATABASE_URL names the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/app" })).toThrow(/DATABASE_URL/);
  });

  test("a short AUTH_SECRET names the variable and the rule", () => {
    expect(() => parseEnv({ AUTH_SECRET: "too-short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(parseEnv({ AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toBe("x".repeat(32));
  });

  test("reports every bad variable at once, and only those", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "nope", EMBEDDED_PG_PORT: "80", SEED_DEMO: "always", APP_URL: "http://ok.example" });
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
    const env = parseEnv({ DATABASE_URL: "", AUTH_SECRET: "", RESEND_API_KEY: "", DATA_DIR: "", EMBEDDED_PG_PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
    expect(env.EMBEDDED_PG_PORT).toBe(defaultLocalPort("embeddedPg", ".data"));
  });

  test("ignores variables it does not know", () => {
    expect(parseEnv({ PATH: "/usr/bin", HOME: "/root" })).not.toHaveProperty("PATH");
  });
});
