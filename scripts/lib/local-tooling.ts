// Outside Next, "server-only" resolves to nothing (see server-only-node.ts).
import "./server-only-node";

// Local tooling (migrating, seeding the demo practices, in-process benchmarks)
// is not a server: unless NODE_ENV says otherwise it runs with development's
// local defaults (embedded database, outbox, stand-in), where NODE_ENV unset
// would otherwise mean production (lib/env.ts). Import this first, before any
// module that reads the environment. `npm run worker` does not: it sends mail.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "development";
