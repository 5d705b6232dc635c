import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { completeOnboarding } from "./accounts";
import { completeSession, expireSession, publicSession } from "./checkout-sessions";
import type { StandInContext, StandInOptions } from "./context";
import { ApiError } from "./errors";
import { parseFormBody } from "./form-body";
import { html, readBody, redirect, send } from "./http";
import { newId, now } from "./ids";
import { checkoutPage, connectPage, escapeHtml } from "./pages";
import { api } from "./router";
import { loadState, type State } from "./state";
import type { Event } from "./types";
import { eventEmitter } from "./webhooks";

/**
 * A local stand-in for the parts of the Stripe API Tandem uses, reached by
 * the official SDK over HTTP (its host/port/protocol options). Objects are
 * shaped like Stripe's and typed by the SDK's own types (./types.ts; see
 * ../shared/reference/stripe-fixtures3.json); errors use Stripe's
 * `{ error: { type, code, message } }` envelope; `Idempotency-Key` replays
 * the first response (a different body under the same key is an
 * `idempotency_error`, as on Stripe); `Stripe-Account` scopes objects to a
 * connected account.
 *
 * Its checkout page is a plain "test payment" page with pay, decline and
 * abandon buttons. Webhooks are signed exactly as Stripe signs them:
 * `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 *
 * One module per resource (customers, payment-methods, payment-intents,
 * charges, checkout-sessions, refunds, accounts), the /v1 router
 * (router.ts), webhooks (webhooks.ts), the two pages (pages.ts); this file
 * is the HTTP server: the API envelope (faults, keys, idempotency) and the
 * pages' form posts.
 *
 * Standalone on purpose: it imports nothing from the app, so the app's
 * environment, database and SDK configuration stay the only way in.
 */

export type { StandInOptions, WebhookDelivery } from "./context";
export { TEST_CARDS } from "./payment-methods";
export { signPayload } from "./webhooks";

export interface StandIn {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Every event emitted so far, oldest first. */
  events(): Event[];
  /** Makes the next `count` API requests whose path starts with `pathPrefix` fail (status) or hang (delayMs). */
  injectFault(fault: Fault): void;
  /** Expires an open checkout session now, as Stripe does when `expires_at` passes. */
  expireSessionNow(sessionId: string): void;
  /** Sets a checkout session's `expires_at` (to test the sweep). */
  state: State;
}

export interface Fault {
  pathPrefix: string;
  /** Only requests with this method (default: any). */
  method?: string;
  count: number;
  status?: number;
  delayMs?: number;
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const state: State = loadState(options.statePath);
  const faults: Fault[] = [];
  let saveTimer: NodeJS.Timeout | null = null;

  function persist() {
    if (!options.statePath || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      mkdirSync(path.dirname(options.statePath!), { recursive: true });
      writeFileSync(options.statePath!, JSON.stringify(state));
    }, 50);
    saveTimer.unref();
  }

  const ctx: StandInContext = { state, baseUrl: "", persist, emit: eventEmitter(state, persist, options, log) };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", ctx.baseUrl);
    const body = await readBody(req);
    // The state file names whose stand-in this is: a checkout reuses only its own.
    if (url.pathname === "/__standin/health") return send(res, 200, { ok: true, statePath: options.statePath ?? null });
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204);
      return res.end();
    }

    if (url.pathname.startsWith("/v1/")) {
      const fault = faults.find((f) => url.pathname.startsWith(f.pathPrefix) && (!f.method || f.method === req.method) && f.count > 0);
      if (fault) {
        fault.count--;
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (fault.status) return send(res, fault.status, { error: { type: "api_error", message: "The stand-in was told to fail this request." } });
      }
      const auth = req.headers.authorization ?? "";
      if (!/^Bearer (sk|rk)_(test|live)_\w+$/.test(auth)) {
        return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
      }
      const account = String(req.headers["stripe-account"] ?? "");
      const method = req.method ?? "GET";
      const params = method === "POST" ? parseFormBody(body) : parseFormBody(url.search.slice(1));
      const key = method === "POST" ? req.headers["idempotency-key"] : undefined;
      const slot = typeof key === "string" ? `${account}|${key}` : null;
      const fingerprint = createHash("sha256").update(`${method} ${url.pathname} ${body}`).digest("hex");
      if (slot && state.idempotency[slot]) {
        const saved = state.idempotency[slot]!;
        if (saved.fingerprint !== fingerprint) {
          return send(res, 400, {
            error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.` },
          });
        }
        res.setHeader("idempotent-replayed", "true");
        res.writeHead(saved.status, { "content-type": "application/json", "request-id": newId("req") });
        return res.end(saved.body);
      }
      let status: number;
      let payload: object;
      try {
        [status, payload] = await api(ctx, method, url.pathname, params, account, url.searchParams);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        status = error.status;
        payload = { error: { ...error.body, request_log_url: null } };
      }
      const text = JSON.stringify(payload);
      // Stripe keeps the outcome of any request that reached it, errors included (not 5xx).
      if (slot && status < 500) {
        state.idempotency[slot] = { fingerprint, status, body: text };
        persist();
      }
      res.writeHead(status, { "content-type": "application/json", "request-id": newId("req") });
      return res.end(text);
    }

    const checkout = /^\/checkout\/([\w]+)(?:\/(pay|decline|abandon))?$/.exec(url.pathname);
    if (checkout) {
      const session = state.checkout_sessions[checkout[1]!];
      if (!session) return html(res, 404, "<h1>Checkout not found</h1>");
      const account = state.owners[session.id] ?? "";
      const action = checkout[2];
      if (req.method === "GET" && !action) return html(res, 200, checkoutPage(publicSession(session), session._line_items ?? [], session._decline ?? null));
      if (req.method === "POST" && action) {
        if (session.status !== "open") return html(res, 200, checkoutPage(publicSession(session), session._line_items ?? [], null));
        if (action === "abandon") return redirect(res, session.cancel_url ?? session.success_url);
        if (action === "decline") {
          session._decline = "Your card was declined. No money was taken; try another card.";
          persist();
          return redirect(res, `/checkout/${session.id}`);
        }
        const card = new URLSearchParams(body).get("card");
        completeSession(ctx, session, card === "0341" ? "0341" : "4242", account);
        return redirect(res, String(session.success_url).replace("{CHECKOUT_SESSION_ID}", session.id));
      }
    }
    const connect = /^\/connect\/(acct_\w+)(\/complete)?$/.exec(url.pathname);
    if (connect) {
      const account = state.accounts[connect[1]!];
      if (!account) return html(res, 404, "<h1>Account not found</h1>");
      if (req.method === "GET" && !connect[2]) return html(res, 200, connectPage(account, url.searchParams.get("return_url") ?? ""));
      if (req.method === "POST" && connect[2]) {
        completeOnboarding(ctx, account);
        return redirect(res, new URLSearchParams(body).get("return_url") || "/");
      }
    }
    return html(res, 404, `<h1>Not found</h1><p>${escapeHtml(url.pathname)}</p>`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`error: ${(error as Error).message}`);
      if (!res.headersSent) send(res, 500, { error: { type: "api_error", message: "The stand-in failed." } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  ctx.baseUrl = `http://${host}:${port}`;
  // Re-point stored session URLs at this run's port (a restart may choose another).
  for (const s of Object.values(state.checkout_sessions)) s.url = `${ctx.baseUrl}/checkout/${s.id}`;

  const sweep = setInterval(() => {
    const t = now();
    for (const s of Object.values(state.checkout_sessions)) {
      if (s.status === "open" && s.expires_at <= t) expireSession(ctx, s, state.owners[s.id] ?? "");
    }
  }, options.sweepIntervalMs ?? 5_000);
  sweep.unref();

  log(`listening on ${ctx.baseUrl}`);
  return {
    url: ctx.baseUrl,
    port,
    state,
    events: () => state.eventOrder.map((id) => state.events[id]!),
    injectFault: (fault) => faults.push({ ...fault }),
    expireSessionNow: (id) => {
      const s = state.checkout_sessions[id];
      if (s && s.status === "open") expireSession(ctx, s, state.owners[id] ?? "");
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        if (saveTimer && options.statePath) {
          clearTimeout(saveTimer);
          writeFileSync(options.statePath, JSON.stringify(state));
        }
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
