import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import nextEnv from "@next/env";
import { decideLocalPorts } from "@/lib/local-ports/decide";
import { DEFAULT_DATA_DIR } from "@/lib/local-ports/defaults";
import { PlainStartError, exitOnStartError } from "@/lib/start-error";
import { STANDALONE_DIR, copyStandaloneAssets } from "./lib/standalone";

/**
 * `npm run dev` / `npm start`: `next dev` / the standalone server on a free port, so a
 * second checkout on the same machine starts next to the first instead of
 * failing on 3000. PORT set: that port, or a plain sentence when it is taken.
 * Unset: the first free port from 3000 up. The embedded database's and the
 * Stripe stand-in's ports are decided here too (lib/local-ports/decide.ts) and
 * handed to Next in the environment, with APP_URL to match the chosen port.
 * Extra arguments go to Next (`npm run dev -- --turbopack`).
 */
const [mode, ...nextArgs] = process.argv.slice(2);
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/serve.ts dev|start [next options]");
  process.exit(2);
}
// `npm start -- -p 4000` counts as PORT=4000.
const portFlag = nextArgs.findIndex((a) => a === "-p" || a === "--port");
if (portFlag >= 0) process.env.PORT = nextArgs.splice(portFlag, 2)[1];

/** Free the way Next will bind it: every interface (IPv6 and IPv4). */
function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

async function appPort(): Promise<number> {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PlainStartError(`PORT must be a port number (1-65535), not "${process.env.PORT}".`);
    if (!(await canBind(port))) throw new PlainStartError(`Port ${port} (PORT) is taken by another program: stop it, or set PORT to a free port.`);
    return port;
  }
  for (let port = 3000; port < 3100; port++) if (await canBind(port)) return port;
  throw new PlainStartError("Ports 3000 to 3099 are all taken: set PORT to a free port.");
}

// Next reads .env files itself, but only after we have chosen ports: read them first, the
// same way, so a port set there counts as set.
nextEnv.loadEnvConfig(process.cwd(), mode === "dev");

try {
  const port = await appPort();
  process.env.PORT = String(port);
  process.env.APP_URL ||= `http://localhost:${port}`;
  await decideLocalPorts();
  console.log(`[tandem] ${mode === "dev" ? "development" : "production"} server on ${process.env.APP_URL}`);
} catch (error) {
  exitOnStartError(error);
}

const child = mode === "dev" ? nextDev() : standaloneServer();

function nextDev() {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  return spawn(process.execPath, [nextBin, "dev", "-p", process.env.PORT!, ...nextArgs], { stdio: "inherit", env: process.env });
}

/**
 * `npm start` runs what the image runs: the standalone server the build wrote
 * (`next start` only warns that it "does not work" with that output;
 * docs/decisions/0022). server.js takes its port and host from PORT and
 * HOSTNAME and works in its own folder, so paths are made absolute here:
 * the data directory stays the checkout's `.data`.
 */
function standaloneServer() {
  const hostFlag = nextArgs.findIndex((a) => a === "-H" || a === "--hostname");
  const hostname = hostFlag >= 0 ? nextArgs.splice(hostFlag, 2)[1] : undefined;
  if (nextArgs.length > 0) exitOnStartError(new PlainStartError(`npm start takes -p/--port and -H/--hostname only, not ${nextArgs.join(" ")}.`));
  try {
    copyStandaloneAssets();
  } catch (error) {
    exitOnStartError(new PlainStartError((error as Error).message));
  }
  process.env.DATA_DIR = path.resolve(process.env.DATA_DIR || DEFAULT_DATA_DIR);
  // Every interface by default, as `next start` binds (not the shell's or a container's HOSTNAME).
  process.env.HOSTNAME = hostname ?? "::";
  return spawn(process.execPath, [path.join(STANDALONE_DIR, "server.js")], { stdio: "inherit", env: process.env });
}
// Ctrl-C in a terminal reaches Next through the process group already; a
// signal sent to this process alone (a supervisor's SIGTERM) is passed on.
// Either way we exit when Next does, with its status.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (signal === "SIGINT" && process.stdin.isTTY) return;
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
