import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLIENT_IP_HEADER } from "@/lib/http/resolve-client-ip";
import { stampClientIp } from "@/lib/http/stamp-client-ip";

/** A real Node HTTP server (as `next start` runs) that answers with the IP the stamp left. */
let server: http.Server;
let url: string;

beforeAll(async () => {
  stampClientIp(0);
  server = http.createServer((req, res) => res.end(String(req.headers[CLIENT_IP_HEADER])));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  stampClientIp(0);
  await new Promise((resolve) => server.close(resolve));
});

function get(headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(body));
    }).on("error", reject);
  });
}

describe("the client IP stamp on every request", () => {
  test("with no trusted proxy, a client cannot choose its IP by any header", async () => {
    stampClientIp(0);
    expect(await get({})).toBe("127.0.0.1");
    expect(await get({ "x-forwarded-for": "6.6.6.6" })).toBe("127.0.0.1");
    expect(await get({ "x-real-ip": "6.6.6.6" })).toBe("127.0.0.1");
    expect(await get({ [CLIENT_IP_HEADER]: "6.6.6.6" })).toBe("127.0.0.1");
  });

  test("behind one trusted proxy, the address that proxy appended is the client; what the client wrote is not", async () => {
    stampClientIp(1);
    expect(await get({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(await get({ "x-forwarded-for": "6.6.6.6, 203.0.113.9", [CLIENT_IP_HEADER]: "6.6.6.6" })).toBe("203.0.113.9");
  });
});
