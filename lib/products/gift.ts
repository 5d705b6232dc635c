import { and, asc, desc, eq, isNotNull, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, payments, productGrants, productOrders, products, type Client, type ProductOrder } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { invalid, notFound, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { storage, type ObjectStore } from "@/lib/storage";
import { grantAccess, kickProductLinks } from "./settle";
import { giftProductSchema } from "./schemas";

export type GiftResult = { ok: true; orderId: string } | Invalid | NotFound;

/**
 * Staff give a product to a client of the practice: an order with nothing to
 * pay (status gifted, who gave it), a download link emailed to the client's
 * address, and the product in their portal when they have one.
 */
export async function giftProduct(scope: PracticeScope, productId: string, input: unknown, now: Date): Promise<GiftResult> {
  const parsed = giftProductSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  if (!isUuid(productId)) return notFound("Product not found");
  const result = await db.transaction(async (tx) => {
    const [product] = await tx.select().from(products).where(and(eq(products.practiceId, scope.practice.id), eq(products.id, productId)));
    if (!product) return notFound("Product not found");
    const [client] = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.practiceId, scope.practice.id), eq(clients.id, parsed.data.clientId), isNotNull(clients.email)));
    if (!client) return invalid({ clientId: ["Client: choose a client of this practice who has an email address"] });
    const [order] = await tx
      .insert(productOrders)
      .values({
        practiceId: scope.practice.id,
        productId,
        clientId: client.id,
        buyerEmail: client.email!,
        buyerName: `${client.preferredName ?? client.firstName} ${client.lastName}`.trim(),
        status: "gifted",
        amountCents: 0,
        currency: product.currency,
        giftedByMemberId: scope.memberId,
        createdAt: now,
      })
      .returning({ id: productOrders.id });
    await grantAccess(tx, { practiceId: scope.practice.id, orderId: order!.id, now });
    await recordAudit(byMember(scope, "product.gift", { type: "product_order", id: order!.id }, { productId, clientId: client.id }), tx);
    return { ok: true as const, orderId: order!.id };
  });
  if (result.ok) kickProductLinks();
  return result;
}

type PortalClient = Pick<Client, "id" | "practiceId" | "email" | "userId" | "unverifiedSince">;

/**
 * The client's orders: those on their record, and those bought (signed out) with the
 * address they have since proved by signing in to this practice's portal. That
 * address is theirs, so what was bought with it is too; an unproved record
 * never reaches another's purchases.
 */
function ownOrder(client: PortalClient) {
  const proved = client.userId !== null && client.unverifiedSince === null && client.email !== null;
  return proved ? or(eq(productOrders.clientId, client.id), and(eq(productOrders.buyerEmail, client.email!), isNull(productOrders.giftedByMemberId)))! : eq(productOrders.clientId, client.id);
}

export interface PortalProduct {
  orderId: string;
  title: string;
  description: string;
  filename: string;
  byteSize: number;
  gifted: boolean;
  at: Date;
}

/**
 * The portal's products: what the client bought (paid) or was given, not
 * refunded ones. Downloading from one's own portal is not counted against
 * the emailed link's uses: the client proved who they are by signing in.
 */
export async function listPortalProducts(client: PortalClient): Promise<PortalProduct[]> {
  const rows = await db
    .select({ order: productOrders, product: products })
    .from(productOrders)
    .innerJoin(products, eq(products.id, productOrders.productId))
    .where(and(eq(productOrders.practiceId, client.practiceId), ownOrder(client)))
    .orderBy(desc(productOrders.createdAt));
  return rows
    .filter((r) => r.order.status === "paid" || r.order.status === "gifted")
    .map((r) => ({ orderId: r.order.id, title: r.product.title, description: r.product.description, filename: r.product.filename, byteSize: r.product.byteSize, gifted: r.order.status === "gifted", at: r.order.paidAt ?? r.order.createdAt }));
}

/** One of the client's own products' PDF; anything else (another's, refunded, revoked) is not found. */
export async function portalProductFile(client: PortalClient, orderId: string, store: ObjectStore = storage): Promise<{ filename: string; bytes: Buffer } | NotFound> {
  if (!isUuid(orderId)) return notFound("Product not found");
  const [row] = await db
    .select({ order: productOrders, product: products, revokedAt: productGrants.revokedAt })
    .from(productOrders)
    .innerJoin(products, eq(products.id, productOrders.productId))
    .leftJoin(productGrants, eq(productGrants.orderId, productOrders.id))
    .where(and(eq(productOrders.practiceId, client.practiceId), ownOrder(client), eq(productOrders.id, orderId)));
  if (!row || row.revokedAt || (row.order.status !== "paid" && row.order.status !== "gifted")) return notFound("Product not found");
  const stored = await store.get(client.practiceId, row.product.storageKey);
  if (!stored) return notFound("Product not found");
  return { filename: row.product.filename, bytes: stored.bytes };
}

export type { ProductOrder };

/** The clients a product can be given to: this practice's active clients with an address, by name. */
export async function giftableClients(scope: PracticeScope): Promise<{ id: string; name: string }[]> {
  const rows = await db
    .select({ id: clients.id, first: clients.firstName, preferred: clients.preferredName, last: clients.lastName })
    .from(clients)
    .where(and(eq(clients.practiceId, scope.practice.id), eq(clients.status, "active"), isNotNull(clients.email), isNull(clients.unverifiedSince)))
    .orderBy(asc(clients.lastName), asc(clients.firstName));
  return rows.map((r) => ({ id: r.id, name: `${r.preferred ?? r.first} ${r.last}`.trim() }));
}

/** A product's orders for its staff page: who, when, which state, and the payment to refund from. */
export async function ordersOf(scope: PracticeScope, productId: string) {
  if (!isUuid(productId)) return [];
  return db
    .select({ id: productOrders.id, buyerName: productOrders.buyerName, status: productOrders.status, amountCents: productOrders.amountCents, currency: productOrders.currency, createdAt: productOrders.createdAt, paymentId: payments.id })
    .from(productOrders)
    .leftJoin(payments, and(eq(payments.productOrderId, productOrders.id), eq(payments.status, "succeeded")))
    .where(and(eq(productOrders.practiceId, scope.practice.id), eq(productOrders.productId, productId)))
    .orderBy(desc(productOrders.createdAt))
    .limit(100);
}

/** A client's workbook orders for their record (staff): titles, states and dates, newest first. */
export async function ordersForClient(scope: PracticeScope, clientId: string) {
  if (!isUuid(clientId)) return [];
  return db
    .select({ id: productOrders.id, productId: productOrders.productId, title: products.title, status: productOrders.status, amountCents: productOrders.amountCents, currency: productOrders.currency, createdAt: productOrders.createdAt })
    .from(productOrders)
    .innerJoin(products, eq(products.id, productOrders.productId))
    .where(and(eq(productOrders.practiceId, scope.practice.id), eq(productOrders.clientId, clientId)))
    .orderBy(desc(productOrders.createdAt))
    .limit(50);
}
