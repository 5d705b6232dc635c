import { describe, expect, test } from "vitest";
import { installSafeConsole, isUniqueViolation, logError, pgError, safeErrorText } from "@/lib/db/pg-error";
import { createLogger } from "@/lib/log/logger";

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

describe("error logging never prints query parameters", () => {
  /** The shape drizzle 0.45 throws (DrizzleQueryError): the query, its params in the message and on the error. */
  function drizzleError(params: unknown[], cause: Error) {
    const error = new Error(`Failed query: insert into "clients" ("email", "notes") values ($1, $2)\nparams: ${params.join(",")}`, { cause });
    return Object.assign(error, { name: "DrizzleQueryError", query: 'insert into "clients" ...', params });
  }
  const address = "maya.lopez@example.test";
  const body = "We argued again\nabout the baby";
  const unique = () =>
    Object.assign(new Error('duplicate key value violates unique constraint "clients_practice_id_email_key"'), {
      name: "PostgresError",
      code: "23505",
      constraint_name: "clients_practice_id_email_key",
      detail: `Key (practice_id, email)=(p1, ${address}) already exists.`,
    });

  test("a drizzle-wrapped error with an address in params logs no address, and keeps what helps", () => {
    const text = safeErrorText(drizzleError([address, body], unique()));
    expect(text).not.toContain(address);
    expect(text).not.toContain("argued");
    expect(text).not.toContain("baby");
    expect(text).toContain('Failed query: insert into "clients"');
    expect(text).toContain("params: [not logged]");
    expect(text).toContain("23505 clients_practice_id_email_key");
  });

  test("a server message ending with the bad input loses the input", () => {
    const cast = Object.assign(new Error(`invalid input syntax for type uuid: "${address}"`), { code: "22P02" });
    expect(safeErrorText(cast)).not.toContain(address);
    expect(safeErrorText(cast)).toContain("invalid input syntax for type uuid");
  });

  /** A logger whose JSON lines land in an array. */
  function collecting() {
    const lines: string[] = [];
    return { lines, logger: createLogger({ destination: { write: (line: string) => void lines.push(line) } }) };
  }

  test("logError writes one line through the logger with no values", () => {
    const { lines, logger } = collecting();
    logError("billing", "notification receipt:p1 failed", drizzleError([address], unique()), "warn", logger);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { level: string; msg: string; scope: string };
    expect(line).toMatchObject({ level: "warn", scope: "billing" });
    expect(line.msg).toMatch(/^\[billing\] notification receipt:p1 failed: DrizzleQueryError: Failed query/);
    expect(lines[0]).not.toContain(address);
  });

  test("the server's console (which Next uses for a failed request) prints errors without params, detail or bodies", () => {
    const { lines, logger } = collecting();
    const target: Pick<Console, "error" | "warn"> = { error: () => {}, warn: () => {} };
    installSafeConsole(target, logger);
    installSafeConsole(target, logger); // once only
    const error = Object.assign(drizzleError([address, body], unique()), { digest: "12345" });
    target.error(error);
    target.error(`⨯ ${error.stack}`);
    target.warn("plain", 42);
    expect(lines).toHaveLength(3);
    const all = lines.map((l) => (JSON.parse(l) as { msg: string }).msg).join("\n");
    expect(all).not.toContain(address);
    expect(all).not.toContain("argued");
    expect(all).toContain("(digest 12345)");
    expect(all).toMatch(/\n {4}at /); // stack frames stay
    expect(JSON.parse(lines[2]!)).toMatchObject({ level: "warn", msg: "plain 42" });
  });
});
