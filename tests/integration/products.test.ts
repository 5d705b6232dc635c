import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { emailMessages, payments, productGrants, productOrders, products, storedObjects } from "@/db/schema";
import { refundPayment } from "@/lib/billing/refunds";
import { expireCheckout, syncCheckoutSession } from "@/lib/billing/sync-payments";
import { buyProduct } from "@/lib/products/buy";
import { BUY_LIMITS, buyProductWithinLimits } from "@/lib/products/buy-limits";
import { deliverProductLinks } from "@/lib/products/deliver";
import { downloadByToken, linkState } from "@/lib/products/download";
import { giftProduct, listPortalProducts, ordersForClient, portalProductFile } from "@/lib/products/gift";
import { createProduct, listProducts, updateProduct } from "@/lib/products/manage";
import { getPublicProduct, listPublicProducts } from "@/lib/products/public";
import { workbookSales } from "@/lib/products/sales";
import { linksOf, resendDownloadLink } from "@/lib/products/resend";
import { DOWNLOAD_LINK_USES, MAX_PRODUCT_BYTES } from "@/lib/products/schemas";
import { objectStore, type ObjectStore } from "@/lib/storage";
import { diskDriver } from "@/lib/storage/disk";
import { s3Driver } from "@/lib/storage/s3";
import { auditEventsFor, createClient, createMember, createPractice, createUser, scopeFor, uniqueEmail, type TestMember } from "./helpers/factories";
import { startLocalS3, type LocalS3 } from "./helpers/s3rver";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

/**
 * Workbooks (issue 14, decision 0056): upload checks, buying through the
 * Stripe stand-in with its signed webhook, the download link's uses and
 * expiry, refunds, gifts and the portal, with the file kept on disk and in
 * an S3-compatible server started here (the same code path, two drivers).
 */

let stripe: TestStandIn;
let s3: LocalS3;
let diskRoot: string;
beforeAll(async () => {
  stripe = await startTestStandIn();
  s3 = await startLocalS3({ prefix: "tandem/" });
  diskRoot = await mkdtemp(path.join(os.tmpdir(), "tandem-products-"));
});
afterAll(async () => {
  await stripe?.close();
  await s3?.stop();
  if (diskRoot) await rm(diskRoot, { recursive: true, force: true });
});

function pdf(size = 4096): Buffer {
  const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

const member = (m: TestMember) => ({ kind: "member" as const, userId: m.user.id });

async function setup() {
  const practice = await createPractice();
  const owner = await createMember(practice, { role: "owner" });
  return { practice, owner, scope: scopeFor(owner) };
}

/** The download link in the last email to `to`, as the buyer would click it. */
async function linkTokenFor(to: string): Promise<string> {
  const [message] = await db.select().from(emailMessages).where(and(eq(emailMessages.to, to), eq(emailMessages.template, "product-link")));
  expect(message, `a download email to ${to}`).toBeTruthy();
  const match = /\/products\/download\/([A-Za-z0-9._-]+)/.exec(message!.html ?? "");
  return match![1]!;
}

describe.each([
  ["disk", () => objectStore(diskDriver(diskRoot))],
  ["s3", () => objectStore(s3Driver(s3.settings))],
] as const)("workbooks on the %s driver", (driverName, makeStore) => {
  let store: ObjectStore;
  beforeAll(() => {
    store = makeStore();
  });

  test("an upload that is not a PDF, or is too large, is refused by field and stores nothing", async () => {
    const { practice, scope } = await setup();
    const renamed = await createProduct(scope, { title: "Workbook", price: "24" }, { name: "workbook.pdf", bytes: Buffer.from("MZ\x90\x00 an executable renamed .pdf") }, new Date(), store);
    expect(renamed).toMatchObject({ ok: false, code: "invalid", errors: { file: [expect.stringContaining("PDF")] } });
    const tooLarge = await createProduct(scope, { title: "Workbook", price: "24" }, { name: "big.pdf", bytes: pdf(MAX_PRODUCT_BYTES + 1) }, new Date(), store);
    expect(tooLarge).toMatchObject({ ok: false, errors: { file: [expect.stringContaining("larger than 50 MB")] } });
    const noFile = await createProduct(scope, { title: "", price: "0.10" }, null, new Date(), store);
    expect(noFile).toMatchObject({ ok: false, errors: { title: [expect.any(String)], price: [expect.any(String)], file: [expect.any(String)] } });
    expect(await db.select().from(products).where(eq(products.practiceId, practice.id))).toHaveLength(0);
    expect(await db.select().from(storedObjects).where(eq(storedObjects.practiceId, practice.id))).toHaveLength(0);
    if (driverName === "disk") expect(await readdir(path.join(diskRoot, practice.id)).catch(() => [])).toEqual([]);
  });

  test("a parent buys without an account: webhook → paid, one link emailed, it works 5 times then refuses; the sale is on the dashboard", async () => {
    const { practice, scope } = await setup();
    const file = pdf(64 * 1024);
    const created = await createProduct(scope, { title: "Reconnecting after baby", description: "A workbook for two.", price: "24.50" }, { name: "reconnect.pdf", bytes: file }, new Date(), store);
    expect(created.ok).toBe(true);
    const productId = (created as { productId: string }).productId;
    expect((await listPublicProducts(practice.id)).map((p) => p.id)).toEqual([productId]);

    const bad = await buyProduct({ practiceId: practice.id, productId, values: { name: "", email: "nope" }, signedInUserId: null, now: new Date(), cancelPath: "/" });
    expect(bad).toMatchObject({ ok: false, code: "invalid", errors: { name: [expect.any(String)], email: [expect.any(String)] } });

    const email = uniqueEmail("parent");
    const bought = await buyProduct({ practiceId: practice.id, productId, values: { name: "Ana Reyes", email }, signedInUserId: null, now: new Date(), cancelPath: "/" });
    expect(bought.ok).toBe(true);
    const [order] = await db.select().from(productOrders).where(eq(productOrders.productId, productId));
    expect(order).toMatchObject({ status: "pending", buyerEmail: email, amountCents: 2450 });
    const [payment] = await db.select().from(payments).where(eq(payments.productOrderId, order!.id));
    expect(payment).toMatchObject({ kind: "product", amountCents: 2450, status: "pending" });

    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    const [paid] = await db.select().from(productOrders).where(eq(productOrders.id, order!.id));
    expect(paid!.status).toBe("paid");
    const grants = await db.select().from(productGrants).where(eq(productGrants.orderId, order!.id));
    expect(grants).toHaveLength(1);

    const run = await deliverProductLinks(new Date());
    expect(run.outbox).toBeGreaterThanOrEqual(1);
    expect((await deliverProductLinks(new Date())).outbox).toBe(0);
    const token = await linkTokenFor(email);
    const [message] = await db.select().from(emailMessages).where(and(eq(emailMessages.to, email), eq(emailMessages.template, "product-link")));
    // No product title in the email: it could say something personal.
    expect(message!.html).not.toContain("Reconnecting after baby");

    expect(await linkState(token, new Date())).toMatchObject({ ok: true, usesLeft: DOWNLOAD_LINK_USES });
    // Five clicks at once take exactly five uses.
    const downloads = await Promise.all(Array.from({ length: DOWNLOAD_LINK_USES }, () => downloadByToken(token, new Date(), store)));
    for (const d of downloads) {
      expect(d.ok).toBe(true);
      if (d.ok) expect(d.bytes.equals(file)).toBe(true);
    }
    expect(await downloadByToken(token, new Date(), store)).toEqual({ ok: false, reason: "used_up" });
    expect(await linkState(token, new Date())).toEqual({ ok: false, reason: "used_up" });
    const [spent] = await db.select().from(productGrants).where(eq(productGrants.orderId, order!.id));
    expect(spent!.usesLeft).toBe(0);

    expect(await downloadByToken(`${token.slice(0, -2)}xx`, new Date(), store)).toEqual({ ok: false, reason: "invalid" });

    const sales = await workbookSales(practice.id);
    expect(sales.totals).toEqual([{ currency: "USD", count: 1, netCents: 2450 }]);
    expect(sales.recent[0]).toMatchObject({ title: "Reconnecting after baby", status: "paid", paymentId: payment!.id });
    expect((await listProducts(scope))[0]).toMatchObject({ sold: 1, gifted: 0 });
  });

  test("a link expires; a refund revokes it; the edited file is what a later download gets", async () => {
    const { practice, owner, scope } = await setup();
    const created = await createProduct(scope, { title: "Mental load workbook", price: "10" }, { name: "load.pdf", bytes: pdf() }, new Date(), store);
    const productId = (created as { productId: string }).productId;
    const email = uniqueEmail("buyer");
    await buyProduct({ practiceId: practice.id, productId, values: { name: "Ben", email }, signedInUserId: null, now: new Date(), cancelPath: "/" });
    const [order] = await db.select().from(productOrders).where(eq(productOrders.productId, productId));
    const [payment] = await db.select().from(payments).where(eq(payments.productOrderId, order!.id));
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    await deliverProductLinks(new Date());
    const token = await linkTokenFor(email);

    // A second edition replaces the file: the old bytes are gone, the link serves the new ones.
    const second = pdf(8192);
    expect(await updateProduct(scope, productId, { title: "Mental load workbook", price: "10" }, { name: "load-2.pdf", bytes: second }, new Date(), store)).toMatchObject({ ok: true });
    expect(await db.select().from(storedObjects).where(eq(storedObjects.practiceId, practice.id))).toHaveLength(1);
    const got = await downloadByToken(token, new Date(), store);
    expect(got.ok && got.bytes.equals(second) && got.filename).toBe("load-2.pdf");
    // A bad edit changes nothing.
    expect(await updateProduct(scope, productId, { title: "Renamed", price: "10" }, { name: "x.pdf", bytes: Buffer.from("not a pdf") }, new Date(), store)).toMatchObject({ ok: false });
    expect((await db.select().from(products).where(eq(products.id, productId)))[0]!.title).toBe("Mental load workbook");

    const in15Days = new Date(Date.now() + 15 * 86_400_000);
    expect(await downloadByToken(token, in15Days, store)).toEqual({ ok: false, reason: "expired" });
    expect(await linkState(token, in15Days)).toEqual({ ok: false, reason: "expired" });

    const refunded = await refundPayment({ practiceId: practice.id, paymentId: payment!.id, actor: member(owner), values: { amount: "10", reason: "Bought twice" } }, new Date());
    expect(refunded.ok).toBe(true);
    const [after] = await db.select().from(productOrders).where(eq(productOrders.id, order!.id));
    expect(after!.status).toBe("refunded");
    expect(await downloadByToken(token, new Date(), store)).toEqual({ ok: false, reason: "revoked" });
    expect((await workbookSales(practice.id)).totals).toEqual([{ currency: "USD", count: 1, netCents: 0 }]);
  });

  test("staff gift a workbook to a client: no payment, a link emailed, and it shows in their portal; a stranger's order does not", async () => {
    const { practice, scope } = await setup();
    const file = pdf();
    const created = await createProduct(scope, { title: "Desire workbook", price: "30" }, { name: "desire.pdf", bytes: file }, new Date(), store);
    const productId = (created as { productId: string }).productId;
    const client = await createClient(practice, { email: uniqueEmail("client") });
    const other = await createClient(practice, { email: uniqueEmail("other") });
    expect(await giftProduct(scope, productId, { clientId: "nope" }, new Date())).toMatchObject({ ok: false, code: "invalid", errors: { clientId: [expect.any(String)] } });
    const gift = await giftProduct(scope, productId, { clientId: client.id }, new Date());
    expect(gift.ok).toBe(true);
    const orderId = (gift as { orderId: string }).orderId;
    const [order] = await db.select().from(productOrders).where(eq(productOrders.id, orderId));
    expect(order).toMatchObject({ status: "gifted", amountCents: 0, giftedByMemberId: scope.memberId });
    expect(await db.select().from(payments).where(eq(payments.productOrderId, orderId))).toHaveLength(0);

    await deliverProductLinks(new Date());
    const token = await linkTokenFor(client.email!);
    expect((await downloadByToken(token, new Date(), store)).ok).toBe(true);

    const portal = await listPortalProducts(client);
    expect(portal).toMatchObject([{ orderId, title: "Desire workbook", gifted: true }]);
    const own = await portalProductFile(client, orderId, store);
    expect("bytes" in own && own.bytes.equals(file)).toBe(true);
    expect(await listPortalProducts(other)).toEqual([]);
    expect(await ordersForClient(scope, client.id)).toMatchObject([{ id: orderId, status: "gifted", title: "Desire workbook" }]);
    expect(await portalProductFile(other, orderId, store)).toMatchObject({ ok: false, code: "not_found" });

    // Another practice's staff cannot gift this product or see it.
    const elsewhere = await setup();
    expect(await giftProduct(elsewhere.scope, productId, { clientId: client.id }, new Date())).toMatchObject({ ok: false, code: "not_found" });
    expect(await getPublicProduct(elsewhere.practice.id, productId)).toBeNull();
  });
});

describe("buying, beyond the happy path", () => {
  test("a portal client signed in buys as their own record and finds it in the portal; converging again changes nothing", async () => {
    const { practice, scope } = await setup();
    const store = objectStore(diskDriver(diskRoot));
    const created = await createProduct(scope, { title: "Touch without pressure", price: "12" }, { name: "touch.pdf", bytes: pdf() }, new Date(), store);
    const productId = (created as { productId: string }).productId;
    const user = await createUser();
    const client = await createClient(practice, { email: user.email, userId: user.id });
    await buyProduct({ practiceId: practice.id, productId, values: { name: "Ana Reyes", email: user.email }, signedInUserId: user.id, now: new Date(), cancelPath: "/" });
    const [order] = await db.select().from(productOrders).where(eq(productOrders.productId, productId));
    expect(order!.clientId).toBe(client.id);
    expect(await listPortalProducts(client)).toEqual([]);
    const [payment] = await db.select().from(payments).where(eq(payments.productOrderId, order!.id));
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    // The return page and a late webhook converge again: still one order paid, one grant.
    await syncCheckoutSession(payment!.stripeCheckoutSessionId!, new Date());
    expect(await db.select().from(productGrants).where(eq(productGrants.orderId, order!.id))).toHaveLength(1);
    expect(await listPortalProducts(client)).toMatchObject([{ orderId: order!.id, gifted: false }]);
  });

  test("bought signed out, then the buyer signs in to the portal with that address: it is there; another client's portal never shows it", async () => {
    const { practice, scope } = await setup();
    const store = objectStore(diskDriver(diskRoot));
    const file = pdf();
    const created = await createProduct(scope, { title: "Mental load", price: "8" }, { name: "m.pdf", bytes: file }, new Date(), store);
    const productId = (created as { productId: string }).productId;
    const user = await createUser();
    await buyProduct({ practiceId: practice.id, productId, values: { name: "Fay Lin", email: user.email }, signedInUserId: null, now: new Date(), cancelPath: "/" });
    const [order] = await db.select().from(productOrders).where(eq(productOrders.productId, productId));
    const [payment] = await db.select().from(payments).where(eq(payments.productOrderId, order!.id));
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    const portalClient = await createClient(practice, { email: user.email, userId: user.id });
    expect(await listPortalProducts(portalClient)).toMatchObject([{ orderId: order!.id }]);
    const got = await portalProductFile(portalClient, order!.id, store);
    expect("bytes" in got && got.bytes.equals(file)).toBe(true);
    // The unverified record made for the purchase has no portal, and nobody else's portal shows it.
    const stranger = await createClient(practice, { email: uniqueEmail("stranger"), userId: (await createUser()).id });
    expect(await listPortalProducts(stranger)).toEqual([]);
  });

  test("an abandoned checkout grants nothing; an inactive product cannot be bought", async () => {
    const { practice, scope } = await setup();
    const store = objectStore(diskDriver(diskRoot));
    const created = await createProduct(scope, { title: "Brakes and accelerators", price: "15" }, { name: "b.pdf", bytes: pdf() }, new Date(), store);
    const productId = (created as { productId: string }).productId;
    await buyProduct({ practiceId: practice.id, productId, values: { name: "Cal", email: uniqueEmail("cal") }, signedInUserId: null, now: new Date(), cancelPath: "/" });
    const [order] = await db.select().from(productOrders).where(eq(productOrders.productId, productId));
    const [payment] = await db.select().from(payments).where(eq(payments.productOrderId, order!.id));
    expect(await expireCheckout(payment!.stripeCheckoutSessionId!, null, new Date())).toBe("expired");
    // The order reads abandoned (staff see it was never bought), once: converging again changes nothing.
    expect((await db.select().from(productOrders).where(eq(productOrders.id, order!.id)))[0]!.status).toBe("abandoned");
    expect(await expireCheckout(payment!.stripeCheckoutSessionId!, null, new Date())).toBe("expired");
    expect((await auditEventsFor(practice.id, "product.abandoned")).map((e) => e.subjectId)).toEqual([order!.id]);
    expect(await db.select().from(productGrants).where(eq(productGrants.orderId, order!.id))).toEqual([]);
    expect(await ordersForClient(scope, order!.clientId)).toMatchObject([{ status: "abandoned" }]);

    expect(await updateProduct(scope, productId, { title: "Brakes and accelerators", price: "15", active: false }, null, new Date(), store)).toMatchObject({ ok: true });
    expect(await listPublicProducts(practice.id)).toEqual([]);
    expect(await buyProduct({ practiceId: practice.id, productId, values: { name: "Dee", email: uniqueEmail("dee") }, signedInUserId: null, now: new Date(), cancelPath: "/" })).toMatchObject({ ok: false, code: "not_found" });
  });

  test("staff send a lost or used-up link again: renewed, emailed once more under its own key; a refunded order's link is not", async () => {
    const { practice, owner, scope } = await setup();
    const store = objectStore(diskDriver(diskRoot));
    const created = await createProduct(scope, { title: "Repair conversations", price: "12" }, { name: "r.pdf", bytes: pdf() }, new Date(), store);
    const productId = (created as { productId: string }).productId;
    const email = uniqueEmail("lost");
    await buyProduct({ practiceId: practice.id, productId, values: { name: "Eli Park", email }, signedInUserId: null, now: new Date(), cancelPath: "/" });
    const [order] = await db.select().from(productOrders).where(eq(productOrders.productId, productId));
    const [payment] = await db.select().from(payments).where(eq(payments.productOrderId, order!.id));
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    await deliverProductLinks(new Date());
    const token = await linkTokenFor(email);
    for (let i = 0; i < DOWNLOAD_LINK_USES; i++) expect((await downloadByToken(token, new Date(), store)).ok).toBe(true);
    expect(await linkState(token, new Date())).toEqual({ ok: false, reason: "used_up" });

    // The front desk sends it again: the same link works again, for as many uses and days as at first, and a second email goes.
    expect(await resendDownloadLink(scope, order!.id, new Date())).toEqual({ ok: true });
    expect((await linksOf(scope, [order!.id]))[0]).toMatchObject({ usesLeft: DOWNLOAD_LINK_USES, emailedAt: null, resends: 1 });
    expect((await deliverProductLinks(new Date())).outbox).toBe(1);
    expect((await deliverProductLinks(new Date())).outbox).toBe(0);
    const mails = await db.select().from(emailMessages).where(and(eq(emailMessages.to, email), eq(emailMessages.template, "product-link")));
    expect(mails).toHaveLength(2);
    expect(await linkState(token, new Date())).toMatchObject({ ok: true, usesLeft: DOWNLOAD_LINK_USES });
    expect((await auditEventsFor(practice.id, "product.link_resent")).map((e) => e.subjectId)).toEqual([order!.id]);

    // Another practice cannot; a refunded order's link stays revoked.
    const other = await setup();
    expect(await resendDownloadLink(other.scope, order!.id, new Date())).toMatchObject({ ok: false, code: "not_found" });
    await refundPayment({ practiceId: practice.id, paymentId: payment!.id, actor: member(owner), values: { amount: "12", reason: "Changed mind" } }, new Date());
    expect(await resendDownloadLink(scope, order!.id, new Date())).toMatchObject({ ok: false, code: "conflict", reason: "revoked" });
    expect(await downloadByToken(token, new Date(), store)).toEqual({ ok: false, reason: "revoked" });
    expect((await linksOf(scope, [order!.id]))[0]!.resends).toBe(1);
  });

  test("one address can start only so many purchases an hour; the refusal is a clear message", async () => {
    const { practice, scope } = await setup();
    const created = await createProduct(scope, { title: "Rituals of connection", price: "9" }, { name: "r.pdf", bytes: pdf() }, new Date(), objectStore(diskDriver(diskRoot)));
    const productId = (created as { productId: string }).productId;
    const email = uniqueEmail("many");
    const buy = () => buyProductWithinLimits({ ip: "203.0.113.9", practiceId: practice.id, productId, values: { name: "Eve", email }, signedInUserId: null, now: new Date(), cancelPath: "/" });
    for (let i = 0; i < BUY_LIMITS.perEmail.points; i++) expect((await buy()).ok).toBe(true);
    expect(await buy()).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringContaining("Too many purchases") });
    expect(await db.select().from(productOrders).where(eq(productOrders.productId, productId))).toHaveLength(BUY_LIMITS.perEmail.points);
  });
});
