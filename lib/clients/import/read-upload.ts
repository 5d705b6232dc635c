import { z } from "zod";
import { invalid, type Invalid } from "@/lib/errors/domain-error";
import { fileTooLargeMessage } from "./limits";
import { DELIMITERS, type Delimiter } from "./delimiters";

/** The import page's form fields beside the file: one schema for the page and the action. */
export const importStepSchema = z.object({
  delimiter: z.union([z.literal(""), z.enum(DELIMITERS)]).default(""),
  /** JSON of the mapping; absent on the first upload. */
  mapping: z.string().max(10_000).optional(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  expectedGood: z.coerce.number().int().min(0).optional(),
  expectedCouples: z.coerce.number().int().min(0).optional(),
});

export interface ImportUpload {
  bytes: Uint8Array;
  delimiter?: Delimiter;
  mapping: unknown;
  fingerprint?: string;
  expected?: { good: number; couples: number };
}

/** The uploaded file and fields of the import page's FormData; the size is checked before the bytes are read. */
export async function readImportUpload(form: FormData): Promise<{ ok: true; upload: ImportUpload } | Invalid> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return invalid({ file: ["Choose a CSV file to upload"] });
  const tooLarge = fileTooLargeMessage(file.size);
  if (tooLarge) return invalid({ file: [tooLarge] });
  const fields = importStepSchema.safeParse({
    delimiter: form.get("delimiter") ?? "",
    mapping: form.get("mapping") ?? undefined,
    fingerprint: form.get("fingerprint") ?? undefined,
    expectedGood: form.get("expectedGood") ?? undefined,
    expectedCouples: form.get("expectedCouples") ?? undefined,
  });
  if (!fields.success) return invalid({ form: ["The import form was not sent as expected; reload the page"] });
  let mapping: unknown = null;
  if (fields.data.mapping) {
    try {
      mapping = JSON.parse(fields.data.mapping);
    } catch {
      return invalid({ form: ["The column mapping was not sent as expected; reload the page"] });
    }
  }
  const { delimiter, fingerprint, expectedGood, expectedCouples } = fields.data;
  return {
    ok: true,
    upload: {
      bytes: new Uint8Array(await file.arrayBuffer()),
      delimiter: delimiter || undefined,
      mapping,
      fingerprint,
      expected: expectedGood !== undefined && expectedCouples !== undefined ? { good: expectedGood, couples: expectedCouples } : undefined,
    },
  };
}
