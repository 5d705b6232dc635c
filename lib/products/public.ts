import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { products } from "@/db/schema";
import { isUuid } from "@/lib/ids";

export interface PublicProduct {
  id: string;
  title: string;
  description: string;
  priceCents: number;
  currency: string;
  byteSize: number;
}

const columns = { id: products.id, title: products.title, description: products.description, priceCents: products.priceCents, currency: products.currency, byteSize: products.byteSize };

/** The practice's products on sale, for its booking page: nothing about who bought them. */
export async function listPublicProducts(practiceId: string): Promise<PublicProduct[]> {
  return db.select(columns).from(products).where(and(eq(products.practiceId, practiceId), eq(products.active, true))).orderBy(asc(products.title));
}

/** One product on sale, for its public page; an inactive or unknown one is null. */
export async function getPublicProduct(practiceId: string, productId: string): Promise<PublicProduct | null> {
  if (!isUuid(productId)) return null;
  const [row] = await db.select(columns).from(products).where(and(eq(products.practiceId, practiceId), eq(products.id, productId), eq(products.active, true)));
  return row ?? null;
}
