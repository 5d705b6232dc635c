import { z } from "zod";
import { emailField } from "@/lib/auth/sign-in-schema";
import {
  checkAddressComplete,
  dateOfBirthField,
  optionalAddressFields,
} from "./address-schema";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null);

/** A person's names and phone as every form asks for them (client form, public booking). */
export const firstNameField = z
  .string()
  .trim()
  .min(1, "First name is required")
  .max(100, "First name must be at most 100 characters");
export const lastNameField = z
  .string()
  .trim()
  .min(1, "Last name is required")
  .max(100, "Last name must be at most 100 characters");
export const phoneField = z
  .string()
  .trim()
  .max(30, "Phone must be at most 30 characters")
  .refine(
    (v) => v === "" || /^\+?[0-9 ().-]{7,}$/.test(v),
    "Enter a phone number with at least 7 digits",
  )
  .optional()
  .transform((v) => (v ? v : null));

/** One schema for the staff client form: the browser and the server action both use it. */
export const clientSchema = z
  .object({
    firstName: firstNameField,
    lastName: lastNameField,
    preferredName: optionalText(100, "Preferred name"),
    pronouns: optionalText(40, "Pronouns"),
    email: z
      .union([z.literal(""), emailField])
      .optional()
      .transform((v) => (v ? v : null)),
    phone: phoneField,
    dateOfBirth: dateOfBirthField,
    ...optionalAddressFields,
    portalAccess: z.boolean().optional().default(false),
  })
  .superRefine(checkAddressComplete);

export type ClientInput = z.input<typeof clientSchema>;
export type ClientValues = z.output<typeof clientSchema>;

export const coupleSchema = z.object({
  partnerId: z.uuid({ message: "Choose the partner to link" }),
});
