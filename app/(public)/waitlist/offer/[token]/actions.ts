"use server";

import { redirect } from "next/navigation";
import { acceptOffer } from "@/lib/waitlist/accept-offer";
import { declineOffer } from "@/lib/waitlist/leave";

// Public: the signed, expiring token in the link is the only proof (no account, like the manage link);
// lib/waitlist/accept-offer checks it, the offer's client and its expiry before writing anything.
export async function acceptWaitlistOfferAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "").slice(0, 2000);
  const result = await acceptOffer(token, new Date());
  redirect(`/waitlist/offer/${encodeURIComponent(token)}?outcome=${result.ok ? "booked" : result.code === "conflict" ? "taken" : result.code}`);
}

// The same proof as accepting: the signed token names the offer and the client it was sent to.
export async function declineWaitlistOfferAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "").slice(0, 2000);
  const result = await declineOffer(token, new Date());
  redirect(`/waitlist/offer/${encodeURIComponent(token)}?outcome=${result.ok ? "declined" : result.code}`);
}
