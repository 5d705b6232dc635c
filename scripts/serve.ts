import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import nextEnv from "@next/env";
import { decideLocalPorts } from "@/lib/local-ports/decide";
import { PlainStartError, exitOnStartError } from "@/lib/start-error";

/**
 * `npm run dev` / `npm start`: `next dev` / `next start` on a free port, so a
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

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const child = spawn(process.execPath, [nextBin, mode, "-p", process.env.PORT!, ...nextArgs], { stdio: "inherit", env: process.env });
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
