import "./lib/local-tooling";
import { decideLocalPorts } from "@/lib/local-ports/decide";
import { exitOnStartError } from "@/lib/start-error";
import { FLAG_FOR_FIELD, PRACTICE_CREATE_USAGE, parsePracticeCreateArgs } from "./lib/practice-create-args";

// `npm run practice:create -- --name … --owner …`: the first practice of a deployment
// whose public sign-up is closed (SIGNUPS=closed), or any practice, from the command
// line. Compiled to dist/practice-create.mjs like migrate and the worker (decision 0022);
// in a checkout without a build: `npx tsx scripts/practice-create.ts -- …`.
// The same createPractice as the web sign-up; the owner then signs in at /sign-in.
const args = parsePracticeCreateArgs(process.argv.slice(2).filter((a) => a !== "--"), Intl.DateTimeFormat().resolvedOptions().timeZone);
if (!args.ok) {
  console.error(`[practice] ${args.message}\n\n${PRACTICE_CREATE_USAGE}`);
  process.exit(2);
}

// Ports before anything reads lib/env: the same ones as this checkout's app server.
await decideLocalPorts();
const { prepareDatabase } = await import("@/db/boot");
const { sql } = await import("@/db/client");
const { stopEmbeddedPostgres } = await import("@/db/embedded");
const { env } = await import("@/lib/env");
const { createPractice } = await import("@/lib/practices/create-practice");
await prepareDatabase({ seed: false, quiet: true }).catch((error: unknown) => exitOnStartError(error, "db"));

const result = await createPractice(args.input, { now: new Date(), origin: "command_line" });
let code = 0;
if (!result.ok && result.code === "invalid") {
  for (const [field, messages] of Object.entries(result.errors)) console.error(`[practice] ${FLAG_FOR_FIELD[field] ?? field}: ${messages.join("; ")}`);
  code = 2;
} else if (!result.ok) {
  console.error(`[practice] ${result.message} Run again with --slug ${result.suggestion}.`);
  code = 1;
} else if (result.status === "existing_owner") {
  console.error(`[practice] ${result.owner.email} already owns ${result.practiceSlugs.map((s) => `/clinic/${s}`).join(", ")}; nothing created. They sign in at ${new URL("/sign-in", env.APP_URL)}.`);
  code = 1;
} else {
  console.log(`[practice] created "${result.practice.name}": ${new URL(`/clinic/${result.practice.slug}`, env.APP_URL)}`);
  console.log(`[practice] the owner, ${result.owner.email}, signs in at ${new URL("/sign-in", env.APP_URL)} with that address (a magic link) and lands there as owner`);
  console.log(JSON.stringify({ practice: result.practice, owner: result.owner }));
}

await sql.end({ timeout: 5 });
await stopEmbeddedPostgres();
process.exit(code);
