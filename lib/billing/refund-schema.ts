import { z } from "zod";
import { parseMoney } from "@/lib/money";

/** The refund form, on the client (zodResolver) and again on the server. */
export const refundFormSchema = z.object({
  amount: z
    .string()
    .trim()
    .min(1, "Enter the amount to refund")
    .refine((v) => {
      const parsed = parseMoney(v);
      return parsed.ok && parsed.cents > 0;
    }, "Enter an amount like 95 or 95.50"),
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "At most 500 characters"),
});
export type RefundFormInput = z.input<typeof refundFormSchema>;
