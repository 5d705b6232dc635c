import { describe, expect, test } from "vitest";
import { isUniqueViolation, pgError } from "@/lib/db/pg-error";

/** The shape postgres.js gives a server error. */
function postgresError(code: string, constraint?: string) {
  return Object.assign(new Error("server said no"), { code, constraint_name: constraint, severity: "ERROR" });
}

describe("pgError", () => {
  test("reads the SQLSTATE and constraint of a postgres.js error", () => {
    expect(pgError(postgresError("23505", "users_email_key"))).toEqual({ code: "23505", constraint: "users_email_key" });
  });

  test("finds the PostgreSQL error behind drizzle's wrapper (error.cause)", () => {
    const wrapped = new Error("Failed query: insert ...", { cause: postgresError("23503", "clients_practice_id_fkey") });
    expect(pgError(wrapped)).toEqual({ code: "23503", constraint: "clients_practice_id_fkey" });
    const twice = new Error("outer", { cause: new Error("middle", { cause: postgresError("23514") }) });
    expect(pgError(twice)?.code).toBe("23514");
  });

  test("ignores errors that are not from PostgreSQL", () => {
    expect(pgError(new Error("boom"))).toBeNull();
    expect(pgError(Object.assign(new Error("fs"), { code: "ENOENT" }))).toBeNull();
    expect(pgError(Object.assign(new Error("conn"), { code: "ECONNREFUSED" }))).toBeNull();
    expect(pgError(null)).toBeNull();
    expect(pgError(undefined)).toBeNull();
    expect(pgError("23505")).toBeNull();
  });

  test("does not loop forever on a cause cycle", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    expect(pgError(a)).toBeNull();
  });
});

describe("isUniqueViolation", () => {
  test("true for 23505, optionally only for the named constraint", () => {
    const error = new Error("wrapped", { cause: postgresError("23505", "clients_practice_id_email_key") });
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "clients_practice_id_email_key")).toBe(true);
    expect(isUniqueViolation(error, "clients_practice_id_user_id_key")).toBe(false);
  });

  test("false for other errors", () => {
    expect(isUniqueViolation(postgresError("23503", "clients_practice_id_email_key"))).toBe(false);
    expect(isUniqueViolation(new Error("nope"))).toBe(false);
  });
});
