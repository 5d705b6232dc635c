import { z } from "zod";
import { checkAddressComplete, dateOfBirthField, optionalAddressFields, optionalTextField as optionalText } from "./address-schema";
import { phoneField } from "./client-schema";

/**
 * What a client may change about themselves in the portal: how they are
 * called, their phone, date of birth and postal address (what a superbill
 * prints). Not their legal name or email: the name is on their record and
 * their superbills, and the email is how they sign in (both go through the
 * practice). One schema for the portal form and its server action.
 */
export const ownDetailsSchema = z
  .object({
    preferredName: optionalText(100, "Preferred name"),
    pronouns: optionalText(40, "Pronouns"),
    phone: phoneField,
    dateOfBirth: dateOfBirthField,
    ...optionalAddressFields,
  })
  .superRefine(checkAddressComplete);

export type OwnDetailsInput = z.input<typeof ownDetailsSchema>;
export type OwnDetails = z.output<typeof ownDetailsSchema>;
