import { z } from "zod";

/** ICD-10-CM code shape: a letter, two characters, then an optional dot and up to four more. */
export const ICD10 = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-Z]{1,4})?$/;

export const diagnosisSchema = z.object({
  codes: z
    .string()
    .trim()
    .max(200, "At most 200 characters")
    .transform((v) =>
      v
        .split(/[\s,;]+/)
        .map((c) => c.toUpperCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(ICD10, "Each code must look like F43.23 or Z63.0"))
        .max(12, "At most 12 codes"),
    ),
});
export type DiagnosisInput = z.input<typeof diagnosisSchema>;
