import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { productOrders, products, type Product } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { notFound, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { checkFile } from "@/lib/files/sniff";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { storage, type ObjectStore } from "@/lib/storage";
import { safeFilename } from "@/lib/documents/library";
import { MAX_PRODUCT_BYTES, productSchema } from "./schemas";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type SaveProductResult = { ok: true; productId: string } | Invalid | NotFound;

/** The PDF rule for a workbook: a PDF by its bytes (never its name), at most 50 MB. */
function fileErrors(file: UploadedFile | null, required: boolean): FieldErrors {
  if (!file || file.bytes.length === 0) return required ? { file: ["PDF file: choose a PDF file"] } : {};
  const check = checkFile(file.bytes, { field: "PDF file", maxBytes: MAX_PRODUCT_BYTES, accept: ["application/pdf"] });
  return check.ok ? {} : { file: [check.message] };
}

/**
 * A new product with its PDF. Every check (the fields, the file's bytes and
 * size) runs before anything is written, so a refused upload stores nothing:
 * no row, no bytes. `store` is the storage module unless a test passes one
 * over a chosen driver.
 */
export async function createProduct(scope: PracticeScope, input: unknown, file: UploadedFile | null, now: Date, store: ObjectStore = storage): Promise<SaveProductResult> {
  const parsed = productSchema.safeParse(input);
  const errors = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...fileErrors(file, true) };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, code: "invalid", errors };
  const id = randomUUID();
  const key = `products/${id}/${randomUUID()}.pdf`;
  await db.transaction(async (tx) => {
    await store.put(scope.practice.id, key, file!.bytes, "application/pdf", tx);
    await tx.insert(products).values({
      id,
      practiceId: scope.practice.id,
      title: parsed.data.title,
      description: parsed.data.description,
      priceCents: parsed.data.price,
      currency: scope.practice.currency,
      storageKey: key,
      filename: safeFilename(file!.name),
      byteSize: file!.bytes.length,
      active: parsed.data.active,
      createdByUserId: scope.user.id,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(byMember(scope, "product.create", { type: "product", id }, { bytes: file!.bytes.length }), tx);
  });
  return { ok: true, productId: id };
}

/**
 * Edits a product; a new PDF (optional) replaces the old one under a fresh
 * key, so a rolled-back edit leaves the old file intact, and the old bytes go
 * only after the row points at the new ones. Buyers' links then serve the new
 * file (a corrected edition).
 */
export async function updateProduct(scope: PracticeScope, productId: string, input: unknown, file: UploadedFile | null, now: Date, store: ObjectStore = storage): Promise<SaveProductResult> {
  if (!isUuid(productId)) return notFound("Product not found");
  const parsed = productSchema.safeParse(input);
  const errors = { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...fileErrors(file, false) };
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, code: "invalid", errors };
  const replacing = file && file.bytes.length > 0 ? file : null;
  const result = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(products).where(and(eq(products.practiceId, scope.practice.id), eq(products.id, productId))).for("update");
    if (!current) return null;
    const key = replacing ? `products/${productId}/${randomUUID()}.pdf` : current.storageKey;
    if (replacing) await store.put(scope.practice.id, key, replacing.bytes, "application/pdf", tx);
    await tx
      .update(products)
      .set({
        title: parsed.data.title,
        description: parsed.data.description,
        priceCents: parsed.data.price,
        active: parsed.data.active,
        ...(replacing ? { storageKey: key, filename: safeFilename(replacing.name), byteSize: replacing.bytes.length } : {}),
        updatedAt: now,
      })
      .where(eq(products.id, productId));
    await recordAudit(byMember(scope, "product.update", { type: "product", id: productId }, replacing ? { bytes: replacing.bytes.length } : {}), tx);
    // Last in the transaction (see ObjectStore.remove): the row no longer names the old key.
    if (replacing) await store.remove(scope.practice.id, current.storageKey, tx);
    return productId;
  });
  return result ? { ok: true, productId: result } : notFound("Product not found");
}

export interface ProductRow extends Product {
  sold: number;
  gifted: number;
}

/** The practice's products, newest first, with how many were sold and gifted. */
export async function listProducts(scope: PracticeScope): Promise<ProductRow[]> {
  const rows = await db
    .select({
      product: products,
      sold: sql<number>`count(${productOrders.id}) filter (where ${productOrders.status} = 'paid')::int`,
      gifted: sql<number>`count(${productOrders.id}) filter (where ${productOrders.status} = 'gifted')::int`,
    })
    .from(products)
    .leftJoin(productOrders, eq(productOrders.productId, products.id))
    .where(eq(products.practiceId, scope.practice.id))
    .groupBy(products.id)
    .orderBy(desc(products.createdAt), desc(products.id));
  return rows.map((r) => ({ ...r.product, sold: Number(r.sold), gifted: Number(r.gifted) }));
}

/** One product of the practice, for its edit page. */
export async function getProduct(scope: PracticeScope, productId: string): Promise<Product | null> {
  if (!isUuid(productId)) return null;
  const [row] = await db.select().from(products).where(and(eq(products.practiceId, scope.practice.id), eq(products.id, productId)));
  return row ?? null;
}
