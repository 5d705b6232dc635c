import type { Account, CheckoutLineItem, CheckoutSession } from "./types";

/** The stand-in's two pages: a "test payment" checkout and a Connect onboarding step. Plain HTML forms, no script. */

export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function money(amount: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);
}

const STYLE = `
  *{box-sizing:border-box} body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1f2937;background:#f3f4f6}
  main{max-width:28rem;margin:0 auto;padding:1rem} .card{background:#fff;border:1px solid #d1d5db;border-radius:.75rem;padding:1rem;margin-top:1rem}
  h1{font-size:1.4rem;margin:.5rem 0} .note{color:#4b5563;font-size:.9rem} .total{font-size:1.6rem;font-weight:700}
  button{display:block;width:100%;min-height:2.75rem;margin-top:.75rem;border-radius:.5rem;font:inherit;font-weight:600;cursor:pointer}
  .pay{background:#1d4ed8;color:#fff;border:0} .alt{background:#fff;color:#1f2937;border:1px solid #6b7280}
  button:focus-visible,input:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
  fieldset{border:1px solid #d1d5db;border-radius:.5rem;padding:.5rem .75rem} label{display:flex;gap:.5rem;align-items:center;min-height:2.75rem}
  input[type=radio]{width:1.25rem;height:1.25rem} .error{background:#fef2f2;color:#991b1b;border:1px solid #fca5a5;border-radius:.5rem;padding:.75rem}
  ul{padding-left:1.2rem}`;

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export function checkoutPage(session: CheckoutSession, lineItems: CheckoutLineItem[], decline: string | null): string {
  const total = money(session.amount_total, session.currency);
  if (session.status !== "open") {
    const text = session.status === "complete" ? "This payment is complete." : "This payment link has expired.";
    return shell("Test payment", `<h1>Test payment</h1><div class="card" role="status"><p>${text}</p></div>`);
  }
  const consent = session.custom_text?.submit?.message;
  return shell(
    `Test payment: ${total}`,
    `<p class="note">Local Stripe stand-in. No real card is charged.</p>
<h1>Test payment</h1>
<div class="card">
  <ul aria-label="What you are paying for">${lineItems.map((li) => `<li>${escapeHtml(li.description)}: ${money(li.amount_total, li.currency)}</li>`).join("")}</ul>
  <p>Total <span class="total">${total}</span></p>
  ${session.customer_email ? `<p class="note">Receipt to ${escapeHtml(session.customer_email)}</p>` : ""}
</div>
${decline ? `<p class="error" role="alert">${escapeHtml(decline)}</p>` : ""}
<form class="card" method="post" action="/checkout/${escapeHtml(session.id)}/pay">
  <fieldset><legend>Test card</legend>
    <label><input type="radio" name="card" value="4242" checked> Visa ending 4242 (succeeds)</label>
    <label><input type="radio" name="card" value="0341"> Visa ending 0341 (pays now, later charges decline)</label>
  </fieldset>
  ${consent ? `<p class="note" id="consent">${escapeHtml(consent)}</p>` : ""}
  <button class="pay" type="submit"${consent ? ' aria-describedby="consent"' : ""}>Pay ${total}</button>
</form>
<form method="post" action="/checkout/${escapeHtml(session.id)}/decline"><button class="alt" type="submit">Decline (card refused)</button></form>
<form method="post" action="/checkout/${escapeHtml(session.id)}/abandon"><button class="alt" type="submit">Abandon and go back</button></form>`,
  );
}

export function connectPage(account: Account, returnUrl: string): string {
  return shell(
    "Connect your Stripe account",
    `<p class="note">Local Stripe stand-in.</p><h1>Connect your Stripe account</h1>
<div class="card"><p>Account ${escapeHtml(account.id)} is ${account.charges_enabled ? "ready to take payments" : "not ready to take payments yet"}.</p>
<form method="post" action="/connect/${escapeHtml(account.id)}/complete"><input type="hidden" name="return_url" value="${escapeHtml(returnUrl)}">
<button class="pay" type="submit">Complete onboarding</button></form></div>`,
  );
}
