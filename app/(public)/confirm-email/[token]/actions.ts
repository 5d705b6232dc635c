"use server";

import { proveAddress, type ProveResult } from "@/lib/clients/prove-address";

/** The press on "Confirm it's me": the signed link is the only credential. */
export async function proveAddressAction(token: string): Promise<ProveResult> {
  return proveAddress(token, new Date());
}
