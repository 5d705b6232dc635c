import { spawn } from "node:child_process";
import path from "node:path";

/**
 * `npm test`: the whole suite, in three phases. CI has two cores, and each of
 * tsc, eslint and `next build` keeps about one of them busy, so the phases pair
 * work that does not depend on each other (docs/decisions/0059):
 *   1. tsc ‖ eslint (both read the sources only);
 *   2. vitest ‖ `next build` (the build skips its own type check: phase 1 did it);
 *   3. the browser suite against that build (scripts/e2e.ts --reuse-build).
 * Each step's output is printed whole when it ends (two streams interleaved line by
 * line are unreadable), and a failing phase stops the run, as `a && b && c` did.
 */
const root = process.cwd();
const bin = (pkg: string, file: string) => path.join(root, "node_modules", pkg, file);
const tsx = bin("tsx", "dist/cli.mjs");

interface Step {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** Stream the output as it comes (the last, long phase), instead of printing it at the end. */
  live?: boolean;
}

const phases: Step[][] = [
  [
    { name: "typecheck", args: [bin("typescript", "bin/tsc"), "--noEmit"] },
    { name: "lint", args: [bin("eslint", "bin/eslint.js"), ".", "--max-warnings=0"] },
  ],
  [
    { name: "unit+integration", args: [bin("vitest", "vitest.mjs"), "run"] },
    { name: "build", args: [tsx, path.join(root, "scripts", "build.ts")], env: { TANDEM_TYPECHECKED: "1" } },
  ],
  [{ name: "e2e", args: [tsx, path.join(root, "scripts", "e2e.ts"), "--reuse-build", ...process.argv.slice(2)], env: { TANDEM_TYPECHECKED: "1" }, live: true }],
];

function run(step: Step): Promise<{ step: Step; code: number; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, step.args, { env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0", ...step.env }, stdio: step.live ? "inherit" : ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout?.on("data", (c: Buffer) => chunks.push(c));
    child.stderr?.on("data", (c: Buffer) => chunks.push(c));
    child.on("close", (code, signal) => {
      const seconds = Math.round((Date.now() - started) / 100) / 10;
      if (!step.live) process.stdout.write(`\n──── ${step.name} ────\n${Buffer.concat(chunks).toString()}`);
      process.stdout.write(`──── ${step.name}: ${code === 0 ? "passed" : `failed (${signal ?? `exit ${code}`})`} in ${seconds} s\n`);
      resolve({ step, code: code ?? 1, seconds });
    });
  });
}

const timings: Record<string, number> = {};
const started = Date.now();
for (const phase of phases) {
  const results = await Promise.all(phase.map(run));
  for (const r of results) timings[r.step.name] = r.seconds;
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length > 0) {
    console.log(`npm test failed: ${failed.map((f) => f.step.name).join(", ")}`);
    process.exit(1);
  }
}
console.log(JSON.stringify({ suite: "passed", seconds: Math.round((Date.now() - started) / 1000), steps: timings }));
