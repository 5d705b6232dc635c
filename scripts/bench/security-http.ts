import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type postgres from "postgres";
import { randomToken } from "@/lib/tokens/random";

/**
 * What `bench:security` needs to talk to a production server the way an
 * attacker would: raw HTTP with headers fetch() refuses to send (Host), from a
 * chosen loopback source address (127.0.0.0/8 is all ours, so each probe can
 * be "another IP"), and server actions called by their id as a browser does.
 */

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(
  baseUrl: string,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<RawResponse> {
  const url = new URL(pathname, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? "GET",
        headers: { ...(options.body ? { "content-length": String(Buffer.byteLength(options.body)) } : {}), ...options.headers },
        localAddress: options.from,
        agent: false,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };
let manifest: Manifest | null = null;

/** A server action's id, read from the build's server-reference manifest. */
export function actionId(filename: string, exportedName: string): string {
  manifest ??= JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === filename && v.exportedName === exportedName);
  if (!found) throw new Error(`server action ${filename}#${exportedName} is not in the build`);
  return found[0];
}

/** Calls a server action the way React does (`Next-Action` header, JSON-encoded arguments). */
export function callAction(
  baseUrl: string,
  pagePath: string,
  action: { file: string; name: string },
  args: unknown[],
  options: { cookie?: string; headers?: Record<string, string>; from?: string } = {},
): Promise<RawResponse> {
  return request(baseUrl, pagePath, {
    method: "POST",
    from: options.from,
    headers: {
      "next-action": actionId(action.file, action.name),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: new URL(baseUrl).origin,
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...options.headers,
    },
    body: JSON.stringify(args),
  });
}

/** A signed-in browser for a user: an ordinary database session, as the e2e fixtures make. */
export async function sessionCookie(sql: postgres.Sql, userId: string): Promise<string> {
  const token = randomToken();
  await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${userId}, ${new Date(Date.now() + 3_600_000)})`;
  return `authjs.session-token=${token}`;
}

export function json(body: unknown): { headers: Record<string, string>; body: string } {
  return { headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}
