import { z } from "zod";
import { MB } from "@/lib/files/sniff";
import { parseMoney } from "@/lib/money";

/**
 * The product forms' rules (issue 14, decision 0056): each schema is used by
 * its form (react-hook-form) and again by the server. Pure, safe in the browser.
 */

/** The largest workbook (issue 14): the storage module's own limit, MAX_OBJECT_BYTES. */
export const MAX_PRODUCT_BYTES = 50 * MB;

/** How long an emailed download link works, and how many downloads it allows. */
export const DOWNLOAD_LINK_DAYS = 14;
export const DOWNLOAD_LINK_USES = 5;

/** Stripe's smallest charge and the products_price check's ceiling, in minor units. */
export const MIN_PRICE_CENTS = 50;
export const MAX_PRICE_CENTS = 1_000_000;

const price = z.unknown().transform((value, ctx) => {
  const parsed = parseMoney(value);
  if (!parsed.ok || parsed.cents < MIN_PRICE_CENTS || parsed.cents > MAX_PRICE_CENTS) {
    ctx.addIssue({ code: "custom", message: "Price: enter an amount between 0.50 and 10,000, e.g. 24 or 24.50" });
    return z.NEVER;
  }
  return parsed.cents;
});

/** Create or edit a product, without the file (checked by its bytes, lib/files/sniff.ts). */
export const productSchema = z.object({
  title: z.string("Title: give the product a title").trim().min(1, "Title: give the product a title").max(200, "Title: keep it under 200 characters"),
  description: z.string().trim().max(4000, "Description: keep it under 4,000 characters").optional().default(""),
  price,
  active: z
    .union([z.boolean(), z.enum(["true", "false", "on"])])
    .optional()
    .transform((v) => v === undefined || v === true || v === "true" || v === "on"),
});
export type ProductInput = z.input<typeof productSchema>;

/** The public buy form: no account needed, a name and an address for the receipt and the link. */
export const buyProductSchema = z.object({
  name: z.string("Name: tell us your name").trim().min(1, "Name: tell us your name").max(200, "Name: keep it under 200 characters"),
  email: z
    .string("Email: enter the address the download link should go to")
    .trim()
    .toLowerCase()
    .max(320, "Email: that address is too long")
    .pipe(z.email("Email: enter an address like name@example.com")),
});
export type BuyProductInput = z.input<typeof buyProductSchema>;

/** Staff give a product to one client of the practice. */
export const giftProductSchema = z.object({
  clientId: z.uuid("Client: choose a client of this practice"),
});
export type GiftProductInput = z.input<typeof giftProductSchema>;
