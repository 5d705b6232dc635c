import { defineConfig } from "drizzle-kit";
import { env } from "./lib/env";
import { embeddedUrl } from "./db/embedded";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: env.DATABASE_URL ?? embeddedUrl(env.EMBEDDED_PG_PORT, "tandem") },
  strict: true,
  verbose: true,
});
