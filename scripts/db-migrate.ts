import "./lib/local-tooling";
import { decideLocalPorts } from "@/lib/local-ports/decide";
import { exitOnStartError } from "@/lib/start-error";

// `npm run db:migrate`: start the embedded server if needed and apply migrations.
// Ports before anything reads lib/env: the same ones as this checkout's app server.
await decideLocalPorts();
const { prepareDatabase } = await import("@/db/boot");
const { stopEmbeddedPostgres } = await import("@/db/embedded");
await prepareDatabase({ seed: false }).catch((error: unknown) => exitOnStartError(error, "db"));
await stopEmbeddedPostgres();
process.exit(0);
