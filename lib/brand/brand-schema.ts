import { z } from "zod";
import { contrastWithWhite, darkEnoughShade, formatRatio, MIN_CONTRAST, normaliseHex } from "./colour";

/** The brand form: the same schema on the client (zodResolver) and in the server action. */
export const brandSchema = z.object({
  /** Empty: the practice's own name. */
  displayName: z
    .string()
    .trim()
    .max(80, "Display name: at most 80 characters")
    .transform((v) => (v === "" ? null : v)),
  /** Empty: the default colour. */
  colour: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      if (v === "") return;
      const hex = normaliseHex(v);
      if (!hex) return ctx.addIssue({ code: "custom", message: "Brand colour: enter a hex colour such as #1f5a50" });
      const ratio = contrastWithWhite(hex);
      if (ratio < MIN_CONTRAST) {
        ctx.addIssue({
          code: "custom",
          message: `Brand colour: white text on ${hex} has a contrast of ${formatRatio(ratio)}, and it needs ${MIN_CONTRAST}:1 to be readable. A darker shade that passes: ${darkEnoughShade(hex)}`,
        });
      }
    })
    .transform((v) => (v === "" ? null : normaliseHex(v))),
});
export type BrandInput = z.input<typeof brandSchema>;
