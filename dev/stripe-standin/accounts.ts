import type Stripe from "stripe";
import { find, own, type StandInContext } from "./context";
import { invalid } from "./errors";
import type { FormObject } from "./form-body";
import { newId, now } from "./ids";
import { meta, str } from "./params";
import type { Account, AccountLink } from "./types";

/** POST /v1/accounts (Connect): a connected account that cannot take payments until onboarded. */
export function createAccount(ctx: StandInContext, params: FormObject): Account {
  const account: Account = {
    id: newId("acct"),
    object: "account",
    business_type: null,
    capabilities: {},
    charges_enabled: false,
    controller: { type: "application" },
    country: str(params.country) ?? "US",
    created: now(),
    default_currency: "usd",
    details_submitted: false,
    email: str(params.email),
    metadata: meta(params.metadata),
    payouts_enabled: false,
    requirements: { currently_due: ["business_profile.url", "external_account", "tos_acceptance.date"], disabled_reason: "requirements.past_due" },
    // Passed on as given, as before: the SDK only sends Stripe's values.
    type: (str(params.type) ?? "standard") as Stripe.Account.Type,
  };
  ctx.state.accounts[account.id] = account;
  own(ctx, account, "");
  return account;
}

/** POST /v1/account_links: the stand-in's onboarding page for that account. */
export function createAccountLink(ctx: StandInContext, params: FormObject): AccountLink {
  const acct = str(params.account);
  if (!acct) throw invalid("account", "Missing required param: account.");
  find(ctx, "accounts", acct, "", "account");
  const q = new URLSearchParams({ return_url: str(params.return_url) ?? "", refresh_url: str(params.refresh_url) ?? "" });
  return { object: "account_link", created: now(), expires_at: now() + 300, url: `${ctx.baseUrl}/connect/${acct}?${q}` };
}

/** The onboarding page's button: the account can take payments, and says so in `account.updated`. */
export function completeOnboarding(ctx: StandInContext, account: Account) {
  Object.assign(account, { charges_enabled: true, payouts_enabled: true, details_submitted: true, requirements: { currently_due: [], disabled_reason: null } });
  ctx.persist();
  ctx.emit("account.updated", account, account.id);
}
