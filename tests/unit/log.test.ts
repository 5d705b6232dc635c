import { describe, expect, test } from "vitest";
import { installSafeConsole, logError } from "@/lib/db/pg-error";
import { createLogger, formatLine } from "@/lib/log/logger";
import { runWithRequestId } from "@/lib/log/request-context";
import { logRequestError } from "@/lib/log/request-error";

/** A logger whose lines land in an array, as they would on stdout. */
function collecting() {
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const address = "maya.lopez@example.test";
const street = "14 Orchard Lane, Leeds";
const answer = "I feel hopeless most days since the miscarriage";

/** What drizzle 0.45 throws for a failed insert: the values in its message and `params`, the server's row in the cause's `detail`. */
function clinicalError(): Error {
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "intake_answers_pkey"'), {
    name: "PostgresError",
    code: "23505",
    constraint_name: "intake_answers_pkey",
    detail: `Key (answer)=(${answer}) already exists.`,
  });
  const error = new Error(`Failed query: insert into "intake_answers" ("answer", "email", "address") values ($1, $2, $3)\nparams: ${answer},${address},${street}`, { cause });
  return Object.assign(error, { name: "DrizzleQueryError", params: [answer, address, street], answer, address: street });
}

function expectNothingClinical(text: string) {
  for (const value of [address, street, answer, "hopeless", "miscarriage", "Orchard"]) expect(text).not.toContain(value);
}

describe("the logger", () => {
  test("a line is JSON with level, time, msg, and the request's id inside a request", () => {
    const { logger, parsed } = collecting();
    logger.info("outside");
    runWithRequestId("req-0001-abcd", () => logger.info({ scope: "test" }, "inside"));
    const [outside, inside] = parsed();
    expect(outside).toMatchObject({ level: "info", msg: "outside" });
    expect(outside).not.toHaveProperty("reqId");
    expect(inside).toMatchObject({ level: "info", msg: "inside", reqId: "req-0001-abcd", scope: "test" });
    expect(new Date(String(inside!.time)).toString()).not.toBe("Invalid Date");
  });

  test("the request id follows the request's async work", async () => {
    const { logger, parsed } = collecting();
    await Promise.all(
      ["a1b2c3d4-1", "a1b2c3d4-2"].map((id) =>
        runWithRequestId(id, async () => {
          await new Promise((resolve) => setImmediate(resolve));
          logger.warn(`after a tick for ${id}`);
        }),
      ),
    );
    expect(parsed().map((l) => [l.reqId, l.msg])).toEqual([
      ["a1b2c3d4-1", "after a tick for a1b2c3d4-1"],
      ["a1b2c3d4-2", "after a tick for a1b2c3d4-2"],
    ]);
  });

  test("an error carrying answers and addresses logs its safe text only, however it is handed over", () => {
    const { logger, lines, parsed } = collecting();
    runWithRequestId("req-clinical", () => {
      logger.error(clinicalError());
      logger.error(clinicalError(), "saving answers failed");
      logger.error({ err: clinicalError() }, "saving answers failed");
      logger.error({ err: clinicalError() });
      logger.warn({ error: clinicalError(), scope: "intake" }, "other key");
    });
    expect(lines).toHaveLength(5);
    expectNothingClinical(lines.join("\n"));
    for (const line of parsed()) {
      expect(line).toMatchObject({ level: expect.stringMatching(/error|warn/), reqId: "req-clinical" });
      const err = (line.err ?? line.error) as { message: string; type: string };
      expect(err.type).toBe("DrizzleQueryError");
      expect(err.message).toContain("23505 intake_answers_pkey");
      expect(err.message).toContain("params: [not logged]");
    }
  });

  test("logError and the server's console (Next's failed-request lines) go through it, with no values", () => {
    const { logger, lines, parsed } = collecting();
    logError("billing", "notification receipt:p1 failed", clinicalError(), "warn", logger);
    const target: Pick<Console, "error" | "warn"> = { error: () => {}, warn: () => {} };
    installSafeConsole(target, logger);
    runWithRequestId("req-console", () => target.error(Object.assign(clinicalError(), { digest: "12345" })));
    target.warn(`⨯ ${clinicalError().stack}`);
    expect(lines).toHaveLength(3);
    expectNothingClinical(lines.join("\n"));
    const [logged, consoleError] = parsed();
    expect(logged).toMatchObject({ level: "warn", scope: "billing" });
    expect(String(logged!.msg)).toMatch(/^\[billing\] notification receipt:p1 failed: DrizzleQueryError: Failed query/);
    expect(consoleError).toMatchObject({ level: "error", reqId: "req-console" });
    expect(String(consoleError!.msg)).toContain("(digest 12345)");
    expect(String(consoleError!.msg)).toMatch(/\n {4}at /);
  });

  test("Next's onRequestError: the route's pattern, the stamped id, the safe error; never the path's token", () => {
    const { logger, lines, parsed } = collecting();
    logRequestError(clinicalError(), { method: "POST", headers: { "x-tandem-request-id": "req-next-1" } }, { routePath: "/manage/[token]", routeType: "render" }, logger);
    expect(lines).toHaveLength(1);
    expectNothingClinical(lines[0]!);
    expect(parsed()[0]).toMatchObject({ level: "error", reqId: "req-next-1", method: "POST", route: "/manage/[token]", routeType: "render", msg: "request failed: POST /manage/[token]" });
  });

  test("the development terminal: one plain line per event, the same safe content", () => {
    const { logger, lines } = collecting();
    runWithRequestId("3f2a9c1e-aaaa-bbbb", () => logger.warn({ scope: "jobs", err: clinicalError() }, "[jobs] send-reminders failed"));
    const line = formatLine(lines[0]!);
    expect(line).toMatch(/^\d\d:\d\d:\d\d warn \[jobs\] send-reminders failed — DrizzleQueryError: .*\[23505 intake_answers_pkey\] \(req 3f2a9c1e\)\n$/);
    expect(formatLine(lines[0]!.replace('"scope":"jobs"', '"scope":"billing"'))).toContain(" scope=billing (req 3f2a9c1e)");
    expect(line.split("\n")).toHaveLength(2);
    expectNothingClinical(line);
  });
});
