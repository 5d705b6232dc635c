import { find, type StandInContext } from "./context";
import type { FormObject } from "./form-body";
import { publicPaymentMethod } from "./payment-methods";

/** `expand[]=payment_method` and friends: the id replaced by the object, as Stripe does. */
export function expand(ctx: StandInContext, obj: object, params: FormObject, account: string): object {
  const fields = Array.isArray(params.expand) ? params.expand.filter((f): f is string => typeof f === "string") : [];
  if (fields.length === 0) return obj;
  const out = structuredClone(obj) as Record<string, unknown>;
  for (const field of fields) {
    const id = out[field];
    if (typeof id !== "string") continue;
    if (field === "payment_method") out[field] = publicPaymentMethod(find(ctx, "payment_methods", id, account));
    if (field === "payment_intent") out[field] = find(ctx, "payment_intents", id, account);
    if (field === "customer") out[field] = find(ctx, "customers", id, account);
  }
  return out;
}
