import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the Resend API on 127.0.0.1 (random port), for tests that
 * drive the real `resend` SDK: `new Resend("re_test_123", { baseUrl: capture.url })`.
 * It records every request and answers like Resend: 200 `{ "id": "<uuid>" }`
 * by default, or whatever `respondWith` says.
 */
export interface CapturedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface ResendReply {
  status: number;
  /** JSON-encoded unless a string. */
  body: unknown;
}

export interface ResendCapture {
  url: string;
  requests: CapturedRequest[];
  respondWith(reply: ResendReply | ((request: CapturedRequest) => ResendReply)): void;
  /** Forgets the recorded requests and goes back to answering 200 `{ id }`. */
  reset(): void;
  close(): Promise<void>;
}

export async function startResendCapture(): Promise<ResendCapture> {
  const requests: CapturedRequest[] = [];
  const ok = (): ResendReply => ({ status: 200, body: { id: randomUUID() } });
  let reply: (request: CapturedRequest) => ResendReply = ok;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        // keep the raw text
      }
      const request: CapturedRequest = { method: req.method ?? "", path: req.url ?? "", headers: req.headers, body };
      requests.push(request);
      const out = reply(request);
      const text = typeof out.body === "string" ? out.body : JSON.stringify(out.body);
      res.writeHead(out.status, { "content-type": typeof out.body === "string" ? "text/plain" : "application/json" });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(next) {
      reply = typeof next === "function" ? next : () => next;
    },
    reset() {
      requests.length = 0;
      reply = ok;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
