import { bundleScripts } from "./lib/bundle-scripts";
import { copyStandaloneAssets } from "./lib/standalone";

// The second half of `npm run build` (after `next build`): the standalone server gets
// its assets, and the worker, the migrations and practice:create are compiled to dist/ (docs/decisions/0022).
copyStandaloneAssets();
const externals = await bundleScripts();
console.log(`[build] .next/standalone ready; dist/worker.mjs, dist/db-migrate.mjs and dist/practice-create.mjs import ${externals.length} packages from node_modules`);
