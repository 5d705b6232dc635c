import { execFile } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db/client";
import { members, practices } from "@/db/schema";
import { auditEventsFor, uniqueEmail, uniqueId } from "./helpers/factories";

/**
 * `npm run practice:create` (issue 12: a deployment with SIGNUPS=closed starts its
 * first practice from the command line), run as a process against this worker's
 * database: the script's own wiring (arguments, ports, migrations, exit codes),
 * not only createPractice, which create-practice.test.ts covers. Through tsx, as
 * in a checkout without a build; the build compiles the same file to dist/.
 */
const repo = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(repo, "node_modules", ".bin", "tsx");

function practiceCreate(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // The worker's DATABASE_URL and DATA_DIR (tests/setup/worker-db.ts) travel in process.env.
    execFile(tsx, ["scripts/practice-create.ts", "--", ...args], { cwd: repo, env: { ...process.env, SIGNUPS: "closed" }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

test("practice:create starts a practice and its owner; the same owner again, a taken address and bad flags exit non-zero and write nothing", { timeout: 180_000 }, async () => {
  const name = `Harbor Couples ${uniqueId()}`;
  const email = uniqueEmail("dana");
  const created = await practiceCreate(["--name", name, "--owner", `Dana Reyes <${email}>`, "--country", "GB", "--time-zone", "Europe/London"]);
  expect(created.stderr).not.toMatch(/error/i);
  expect(created.code).toBe(0);
  const result = JSON.parse(created.stdout.trim().split("\n").at(-1)!) as { practice: { id: string; slug: string; name: string }; owner: { email: string } };
  expect(result).toMatchObject({ practice: { name }, owner: { email } });
  expect(created.stdout).toContain(`/clinic/${result.practice.slug}`);

  const [practice] = await db.select().from(practices).where(eq(practices.id, result.practice.id));
  // GB's currency follows from the country.
  expect(practice).toMatchObject({ kind: "couples_therapy", country: "GB", currency: "GBP", timeZone: "Europe/London" });
  const team = await db.select().from(members).where(eq(members.practiceId, practice!.id));
  expect(team).toEqual([expect.objectContaining({ role: "owner", displayName: "Dana Reyes", joinedAt: null })]);
  expect(await auditEventsFor(practice!.id, "practice.create")).toEqual([expect.objectContaining({ detail: expect.objectContaining({ origin: "command_line" }) })]);

  // The same owner: no second practice; they are told to sign in.
  const again = await practiceCreate(["--name", `${name} Two`, "--owner", email]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain(`${email} already owns /clinic/${result.practice.slug}; nothing created`);
  expect(await db.select().from(practices).where(eq(practices.name, `${name} Two`))).toHaveLength(0);

  // A taken web address: the free one to use instead.
  const taken = await practiceCreate(["--name", `Other ${uniqueId()}`, "--owner", uniqueEmail("sam"), "--slug", result.practice.slug]);
  expect(taken.code).toBe(1);
  expect(taken.stderr).toContain(`Run again with --slug ${result.practice.slug}-2.`);

  // Bad flags: the field's flag is named, or the usage is shown; nothing is read from the database.
  const badKind = await practiceCreate(["--name", `Third ${uniqueId()}`, "--owner", uniqueEmail("kim"), "--kind", "dentistry"]);
  expect(badKind.code).toBe(2);
  expect(badKind.stderr).toMatch(/--kind/);
  const noOwner = await practiceCreate(["--name", "Nobody's"]);
  expect(noOwner.code).toBe(2);
  expect(noOwner.stderr).toContain("--owner is required");
  expect(noOwner.stderr).toContain("Usage: npm run practice:create");
});
