import "./lib/local-tooling";
import { prepareDatabase } from "@/db/boot";
import { stopEmbeddedPostgres } from "@/db/embedded";

// `npm run db:migrate`: start the embedded server if needed and apply migrations.
await prepareDatabase({ seed: false });
await stopEmbeddedPostgres();
process.exit(0);
