import { eq } from "drizzle-orm";
import { cache } from "react";
import { db } from "@/db/client";
import { clients, payments, practiceBrands, practices } from "@/db/schema";
import type { EmailBrand } from "@/emails/components/brand";
import { env } from "@/lib/env";
import type { PracticeContext } from "./practice-context";
import { softTint, strongerShade } from "./colour";

/** How a practice shows itself on its client-facing pages and emails. */
export interface PracticeBrand {
  practiceId: string;
  slug: string;
  /** The display name, or the practice's name. */
  name: string;
  /** The practice's own name (the settings form's placeholder). */
  practiceName: string;
  /** "#rrggbb" that passes with white text (lib/brand/colour.ts), or null: the app's default. */
  colour: string | null;
  /** A site path to the logo (changes with each new logo), or null. */
  logoPath: string | null;
  /** The booking page is live (decision 0027): its look may be shown to anyone. */
  published: boolean;
}

export function logoPath(slug: string, version: Date): string {
  return `/api/brand/${slug}/logo?v=${version.getTime()}`;
}

/** An absolute address for emails (APP_URL), which open outside the site. */
export function absoluteLogoUrl(brand: Pick<PracticeBrand, "logoPath">): string | null {
  return brand.logoPath ? new URL(brand.logoPath, env.APP_URL).toString() : null;
}

/** The look an email wears, from a practice's row and its brand row (for senders that read many at once). */
export function emailBrandFrom(row: { slug: string; practiceName: string; displayName: string | null; colour: string | null; logoVersion: Date | null }): EmailBrand {
  return { name: row.displayName ?? row.practiceName, colour: row.colour, logoUrl: absoluteLogoUrl({ logoPath: row.logoVersion ? logoPath(row.slug, row.logoVersion) : null }) };
}

async function query(where: ReturnType<typeof eq>): Promise<PracticeBrand | null> {
  const [row] = await db
    .select({
      practiceId: practices.id,
      slug: practices.slug,
      practiceName: practices.name,
      displayName: practiceBrands.displayName,
      colour: practiceBrands.colour,
      logoVersion: practiceBrands.logoVersion,
      publishedAt: practices.publishedAt,
    })
    .from(practices)
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, practices.id))
    .where(where);
  if (!row) return null;
  return {
    practiceId: row.practiceId,
    slug: row.slug,
    name: row.displayName ?? row.practiceName,
    practiceName: row.practiceName,
    colour: row.colour,
    logoPath: row.logoVersion ? logoPath(row.slug, row.logoVersion) : null,
    published: row.publishedAt !== null,
  };
}

/** A practice's brand by id (emails, the portal). Memoised per request render; outside one every call queries. */
export const loadBrand = cache(async (practiceId: string) => query(eq(practices.id, practiceId)));

/** A practice's brand by slug (the booking and sign-in pages). The brand is what its public page shows anyway. */
export const loadBrandBySlug = cache(async (slug: string) => query(eq(practices.slug, slug)));

/**
 * The CSS variables that recolour the primary buttons, links and header accent
 * inside an element (app/globals.css reads --color-brand and --color-brand-strong).
 */
export function brandStyle(brand: Pick<PracticeBrand, "colour"> | null): Record<string, string> | undefined {
  if (!brand?.colour) return undefined;
  return { "--color-brand": brand.colour, "--color-brand-strong": strongerShade(brand.colour), "--color-brand-soft": softTint(brand.colour) };
}

/**
 * The brand a page outside the clinic takes from its path (lib/brand/practice-context.ts):
 * a published practice's, or, on a portal page, the practice of the signed-in user's own
 * client record. Signed out (the sign-in page on its way back to a portal page), the
 * record's practice only if published: its look is on its public page anyway.
 */
export async function brandForContext(context: PracticeContext, userId: string | null): Promise<PracticeBrand | null> {
  if (!context) return null;
  if ("slug" in context) {
    const brand = await loadBrandBySlug(context.slug);
    return brand?.published ? brand : null;
  }
  if ("paymentId" in context || "checkoutSessionId" in context) {
    // A payer holds the payment's id or its Checkout session from our email or Stripe's
    // redirect; the look shown is only a published practice's, which its booking page shows anyway.
    const [pay] = await db
      .select({ practiceId: payments.practiceId })
      .from(payments)
      .where("paymentId" in context ? eq(payments.id, context.paymentId) : eq(payments.stripeCheckoutSessionId, context.checkoutSessionId));
    const brand = pay ? await loadBrand(pay.practiceId) : null;
    return brand?.published ? brand : null;
  }
  const [row] = await db
    .select({ practiceId: clients.practiceId, userId: clients.userId })
    .from(clients)
    .where(eq(clients.id, context.clientId));
  if (!row) return null;
  const brand = await loadBrand(row.practiceId);
  if (!brand) return null;
  if (userId) return row.userId === userId ? brand : null;
  return brand.published ? brand : null;
}
