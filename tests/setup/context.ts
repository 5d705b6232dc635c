/**
 * What tests/setup/global-db.ts hands to every worker through vitest's
 * `provide` / `inject`, and the names both sides agree on.
 */
export const TEMPLATE_DATABASE = "tandem_template";
/** Prefix of each worker's copy of the template: `tandem_test_<pool id>`. */
export const WORKER_DATABASE_PREFIX = "tandem_test_";

/** The URL of `url`'s server with the database name replaced. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** A database name quoted for SQL (ours are plain identifiers anyway). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** A database on the test server that workers may connect to for CREATE/DROP DATABASE. */
    tandemAdminUrl: string;
    /** The migrated template each worker copies. */
    tandemTemplate: string;
    /** A temporary directory for this run, removed at teardown; workers make DATA_DIRs inside it. */
    tandemRunDir: string;
  }
}
