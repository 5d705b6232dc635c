"use server";

import { redirect } from "next/navigation";
import { confirmEmailChange } from "@/lib/clients/email-change";

/** The new address's owner confirms. The signed, single-use token is the only proof needed. */
export async function confirmEmailChangeAction(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "");
  const result = await confirmEmailChange(token, new Date());
  redirect(`/email-change/${encodeURIComponent(token)}${result.ok ? "" : `?failed=${result.code}`}`);
}
