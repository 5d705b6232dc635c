import { env } from "@/lib/env";

/** The client's billing page in the portal (payments, refunds, balances, receipts). */
export function portalBillingUrl(clientId: string): string {
  return new URL(`/portal/${clientId}/billing`, env.APP_URL).toString();
}
