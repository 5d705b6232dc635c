// Node module-resolution hook (registered by scripts/lib/server-only-node.ts).
// "server-only" resolves to the empty module Next's own server build uses.
let empty;

export async function initialize(data) {
  empty = data.empty;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return { url: empty, shortCircuit: true };
  return nextResolve(specifier, context);
}
