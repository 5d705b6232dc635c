import { randomBytes } from "node:crypto";
import { own, type StandInContext } from "./context";
import type { FormObject } from "./form-body";
import { newId, now } from "./ids";
import { meta, str } from "./params";
import type { Customer } from "./types";

/** POST /v1/customers. */
export function createCustomer(ctx: StandInContext, params: FormObject, account: string): Customer {
  const customer: Customer = {
    id: newId("cus"),
    object: "customer",
    address: null,
    balance: 0,
    created: now(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: str(params.description),
    email: str(params.email),
    invoice_prefix: randomBytes(4).toString("hex").toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: meta(params.metadata),
    name: str(params.name),
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  };
  ctx.state.customers[customer.id] = customer;
  own(ctx, customer, account);
  ctx.emit("customer.created", customer, account);
  return customer;
}
