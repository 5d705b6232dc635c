// Empty on purpose. Without a file of its own, Turbopack gives this app the
// project's instrumentation.ts (two directories up), which would validate the
// project's settings and start its database: the floor must run nothing.
export function register() {}
