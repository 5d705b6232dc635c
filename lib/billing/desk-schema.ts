import { z } from "zod";
import type { Payment } from "@/db/schema";
import { parseMoney } from "@/lib/money";

/**
 * The front desk's payment form (issue 11, problem 4; decision 0038), on the
 * client (zodResolver) and again on the server. Pure: no db, no next/*.
 */

/** How the desk takes it: the client's saved card (through Stripe), or money taken in the room and recorded. */
export const DESK_METHODS = ["card_on_file", "cash", "cheque", "card_terminal", "other"] as const;
export type DeskMethod = (typeof DESK_METHODS)[number];
export type OfflineMethod = Exclude<Payment["method"], "stripe">;

export const DESK_METHOD_LABELS: Record<DeskMethod, string> = {
  card_on_file: "Card on file",
  cash: "Cash",
  cheque: "Cheque",
  card_terminal: "Card terminal",
  other: "Other",
};

/** How a payment was made, in the words a statement or a payment page uses. */
export function paymentMethodLabel(p: Pick<Payment, "method" | "reference" | "createdByUserId" | "kind">): string {
  if (p.method === "stripe") return p.createdByUserId ? "card on file" : "card (online)";
  const label = DESK_METHOD_LABELS[p.method].toLowerCase();
  return p.reference ? `${label}, ref ${p.reference}` : label;
}

/** "visit:<appointment id>", "fee:<fee id>" (an open balance) or "package:<package id>" (sold at the desk). */
const TARGET = /^(visit|fee|package):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const deskPaymentSchema = z
  .object({
    /** Made once when the form opens: a resubmitted form (a retry, a double click) finds the first payment. */
    requestKey: z.uuid({ message: "Reload the page and try again" }),
    target: z.string().regex(TARGET, "Choose what is being paid for"),
    method: z.enum(DESK_METHODS, { message: "Choose how it is paid" }),
    amount: z
      .string()
      .trim()
      .min(1, "Enter the amount")
      .refine((v) => {
        const parsed = parseMoney(v);
        return parsed.ok && parsed.cents >= 50;
      }, "Enter an amount like 80 or 80.50 (at least 0.50)"),
    reference: z.string().trim().max(80, "At most 80 characters").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.method === "cheque" && !v.reference) ctx.addIssue({ code: "custom", path: ["reference"], message: "Enter the cheque number" });
    if (v.method === "card_terminal" && !v.reference) ctx.addIssue({ code: "custom", path: ["reference"], message: "Enter the terminal receipt number" });
  });
export type DeskPaymentInput = z.input<typeof deskPaymentSchema>;

export function parseTarget(target: string): { kind: "visit" | "fee" | "package"; id: string } {
  const [kind, id] = target.split(":") as ["visit" | "fee" | "package", string];
  return { kind, id: id.toLowerCase() };
}

export const statementQuerySchema = z
  .object({
    from: z.iso.date({ message: "Choose a start date" }),
    to: z.iso.date({ message: "Choose an end date" }),
  })
  .refine((v) => v.from <= v.to, { path: ["to"], message: "The end date must be on or after the start date" });
