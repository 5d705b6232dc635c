import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createLogger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER, loggablePath, stampRequestId } from "@/lib/http/stamp-request-id";

/**
 * A real Node HTTP server (as `next start` runs) whose handler logs twice, once
 * after an await, the way a route handler does; the stamp opens the request's context.
 */
const lines: string[] = [];
const logger = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
let server: http.Server;
let url: string;

beforeAll(async () => {
  stampRequestId(0);
  server = http.createServer(async (req, res) => {
    logger.info("handling");
    await new Promise((resolve) => setImmediate(resolve));
    logger.info({ seen: req.headers[REQUEST_ID_HEADER] }, "answered");
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  stampRequestId(0);
  await new Promise((resolve) => server.close(resolve));
});

function get(headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(String(res.headers["x-request-id"])));
    }).on("error", reject);
  });
}

function linesOf(reqId: string) {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reqId === reqId);
}

describe("a request id on every line of a request", () => {
  test("each request gets its own id, on its response and on every line its handler logs", async () => {
    stampRequestId(0);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).not.toBe(a);
    for (const id of [a, b]) expect(linesOf(id).map((l) => [l.msg, l.seen ?? null])).toEqual([["handling", null], ["answered", id]]);
  });

  test("a client's X-Request-Id is ignored without a trusted proxy, kept behind one (if it is a plain token)", async () => {
    stampRequestId(0);
    expect(await get({ "x-request-id": "lb-trace-0001" })).not.toBe("lb-trace-0001");
    stampRequestId(1);
    expect(await get({ "x-request-id": "lb-trace-0002" })).toBe("lb-trace-0002");
    expect(linesOf("lb-trace-0002")).toHaveLength(2);
    expect(await get({ "x-request-id": "bad id\" injected" })).toMatch(/^[0-9a-f-]{36}$/);
    stampRequestId(0);
  });

  test("one line when the response is done: method, path without query, status, the same id", async () => {
    stampRequestId(0);
    const written: string[] = [];
    // The request line goes to the process's logger, whose info lines are JSON on stdout.
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    let id: string;
    try {
      id = await new Promise<string>((resolve, reject) => {
        http.get(`${url}manage/eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.sig?email=maya%40example.test`, (res) => {
          res.resume();
          // "close" on the server side follows the client's "end" closely; wait for the line itself.
          res.on("end", () => resolve(String(res.headers["x-request-id"])));
        }).on("error", reject);
      });
      await vi.waitFor(() => expect(written.some((w) => w.includes(id))).toBe(true));
    } finally {
      spy.mockRestore();
    }
    const line = written.map((w) => JSON.parse(w) as Record<string, unknown>).find((l) => l.reqId === id);
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/manage/[token]", status: 200, msg: "GET /manage/[token] 200" });
    expect(JSON.stringify(line)).not.toContain("maya");
  });

  test("the request line's path keeps no query and no link token", () => {
    expect(loggablePath("/api/auth/callback/email?token=abc&email=maya%40example.test")).toBe("/api/auth/callback/email");
    expect(loggablePath("/manage/eyJhbGciOiJIUzI1NiJ9.eyJhIjoxfQ.sig")).toBe("/manage/[token]");
    expect(loggablePath("/clinic/harbor/clients/0b0c3d4e-1f2a-4b5c-8d9e-0f1a2b3c4d5e")).toBe("/clinic/harbor/clients/0b0c3d4e-1f2a-4b5c-8d9e-0f1a2b3c4d5e");
    expect(loggablePath("/book/maya%40example.test")).toBe("/book/[token]");
  });
});
