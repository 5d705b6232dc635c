import { z } from "zod";
import { emailField } from "@/lib/auth/sign-in-schema";
import { isValidTimeZone } from "@/lib/booking/availability-schema";
import { CURRENCIES } from "@/lib/money/currencies";
import { COUNTRY_CODES } from "./countries";
import { PRACTICE_KINDS } from "./practice-kinds";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from "./slug";

/**
 * A new practice and its owner: the "Start your practice" form (react-hook-form)
 * and its server action share this schema, and `npm run practice:create` and
 * lib/practices/create-practice.ts parse with it too. Field names are the form's.
 */
export const newPracticeSchema = z
  .object({
    name: z.string().trim().min(2, "Enter your practice's name").max(100, "The name must be at most 100 characters"),
    /** Optional: unset, it is made from the name. */
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(SLUG_MAX_LENGTH, `The web address must be at most ${SLUG_MAX_LENGTH} characters`)
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || SLUG_PATTERN.test(v), "Use lower-case letters and numbers, with single hyphens between words"),
    kind: z.enum(PRACTICE_KINDS, { message: "Choose the kind of practice" }),
    country: z.enum(COUNTRY_CODES, { message: "Choose a country from the list" }),
    timeZone: z.string({ message: "Choose a time zone from the list" }).trim().refine(isValidTimeZone, "Choose a time zone from the list"),
    currency: z.enum(CURRENCIES, { message: "Choose a currency from the list" }),
    ownerName: z.string().trim().min(1, "Enter your name").max(100, "Your name must be at most 100 characters"),
    ownerEmail: emailField,
  })
  .superRefine((v, ctx) => {
    if (!v.slug && !slugify(v.name)) {
      ctx.addIssue({ code: "custom", path: ["slug"], message: "Choose a web address: the name has no letters or numbers we can use" });
    }
  })
  .transform(({ slug, ...v }) => ({ ...v, slug: slug ?? slugify(v.name) }));

export type NewPracticeInput = z.input<typeof newPracticeSchema>;
export type NewPractice = z.output<typeof newPracticeSchema>;
