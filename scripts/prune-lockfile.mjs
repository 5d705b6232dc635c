// Keeps package-lock.json acceptable to `npm ci` (runs as the root postinstall).
//
// Why: npm >= 11.16 records an optional dependency it could not fetch (here:
// other platforms' builds, which this registry does not serve) in its parent's
// `optionalDependencies` but writes no entry for it, and then `npm ci` rejects
// the very lockfile `npm install` wrote ("Missing: <name>@ from lock file",
// npm/cli#9846). We drop those dangling names. On a machine whose registry
// serves every platform nothing is dangling and this changes nothing.
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
if (!fs.existsSync(file)) process.exit(0);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const packages = lock.packages ?? {};

/** Node's lookup: the nearest node_modules/<name> from `from` upwards. */
function resolvable(from, name) {
  let base = from;
  for (;;) {
    if (packages[`${base ? `${base}/` : ""}node_modules/${name}`]) return true;
    if (!base) return false;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut >= 0 ? base.slice(0, cut) : "";
  }
}

let pruned = 0;
for (const [path, entry] of Object.entries(packages)) {
  const optional = entry.optionalDependencies;
  if (!optional) continue;
  for (const name of Object.keys(optional)) {
    if (!resolvable(path, name)) {
      delete optional[name];
      pruned++;
    }
  }
  if (Object.keys(optional).length === 0) delete entry.optionalDependencies;
}
if (pruned > 0) {
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`[lockfile] dropped ${pruned} optional dependencies this registry does not serve`);
}
