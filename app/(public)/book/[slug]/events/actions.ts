"use server";

import { redirect } from "next/navigation";
import { findPracticeBySlug } from "@/lib/booking/public-services";
import { acceptOffer, cancelRegistration } from "@/lib/events/seats";

/**
 * Public actions on an attendee's own place (decision 0055): the signed link
 * in their email is the proof (checked in lib/events), never a session.
 */
export async function acceptOfferAction(form: FormData): Promise<void> {
  const slug = String(form.get("slug") ?? "");
  const t = String(form.get("t") ?? "");
  const practice = await findPracticeBySlug(slug);
  if (!practice) redirect("/");
  const result = await acceptOffer(practice.id, t, new Date());
  if (result.ok && result.status === "awaiting_payment") redirect(result.checkoutUrl);
  redirect(`/book/${slug}/events/offer?t=${encodeURIComponent(t)}&outcome=${result.ok ? "confirmed" : result.code === "conflict" ? "no_credit" : result.code}`);
}

export async function cancelPlaceAction(form: FormData): Promise<void> {
  const slug = String(form.get("slug") ?? "");
  const t = String(form.get("t") ?? "");
  const practice = await findPracticeBySlug(slug);
  if (!practice) redirect("/");
  const result = await cancelRegistration(practice.id, t, new Date());
  redirect(`/book/${slug}/events/manage?t=${encodeURIComponent(t)}&outcome=${result.ok ? (result.refunded ? "refunded" : result.creditsReturned > 0 ? "credits_returned" : "cancelled") : result.code}`);
}
