import { buildIfNeeded } from "./lib/prod-server";

// A fresh production build and what scripts/after-build.ts adds to it (the phase of `npm test` that runs beside vitest).
buildIfNeeded({ force: true });
