import { and, asc, eq, isNotNull } from "drizzle-orm";
import { cache } from "react";
import { db } from "@/db/client";
import { locations, practices } from "@/db/schema";

/** What anyone may see of practices: names, kinds, public contact details; published practices only (decision 0027). */
export async function listPublicPractices() {
  return db
    .select({ slug: practices.slug, name: practices.name, kind: practices.kind, city: practices.city })
    .from(practices)
    .where(isNotNull(practices.publishedAt))
    .orderBy(asc(practices.name));
}

/**
 * A practice's public page data by slug. Memoised per request with React's
 * `cache` (the booking page's generateMetadata and the page itself both ask;
 * without it that is four queries instead of two). The memo lives only as
 * long as the request's render and is keyed by the slug, so nothing outlives
 * the request or crosses from one practice to another; outside a render
 * (scripts, tests) every call queries.
 */
export const getPublicPractice = cache(async (slug: string) => {
  const [practice] = await db
    .select({
      id: practices.id,
      slug: practices.slug,
      name: practices.name,
      kind: practices.kind,
      timeZone: practices.timeZone,
      locale: practices.locale,
      email: practices.email,
      phone: practices.phone,
      country: practices.country,
    })
    .from(practices)
    .where(and(eq(practices.slug, slug), isNotNull(practices.publishedAt)));
  if (!practice) return null;
  const sites = await db
    .select({ id: locations.id, name: locations.name, addressLine1: locations.addressLine1, city: locations.city, region: locations.region, postalCode: locations.postalCode })
    .from(locations)
    .where(eq(locations.practiceId, practice.id))
    .orderBy(asc(locations.name));
  return { ...practice, locations: sites };
});
