import { z } from "zod";
import { emailField } from "@/lib/auth/sign-in-schema";
import { firstNameField, lastNameField, phoneField } from "@/lib/clients/client-schema";
import { superbillDetailsSchema } from "@/lib/clients/address-schema";
import { isTimeZone } from "@/lib/dates/zone";
import { usesInsuranceField } from "@/lib/gfe/self-pay-field";

/** Public booking: the schemas the booking page and the route handlers share. */

export const clinicianChoice = z.union([z.literal("any"), z.uuid({ message: "Choose a clinician" })]);

export const slotsQuerySchema = z.object({
  service: z.uuid({ message: "Unknown service" }),
  clinician: clinicianChoice.default("any"),
  from: z.iso.datetime({ offset: true, message: "from must be an ISO date-time" }),
  to: z.iso.datetime({ offset: true, message: "to must be an ISO date-time" }),
});

export const holdSchema = z.object({
  serviceId: z.uuid({ message: "Choose a service" }),
  clinicianId: clinicianChoice,
  start: z.iso.datetime({ offset: true, message: "Choose a time" }),
});
export type HoldInput = z.input<typeof holdSchema>;

export const personSchema = z.object({
  firstName: firstNameField,
  lastName: lastNameField,
  email: emailField,
  phone: phoneField,
});

export const bookingDetailsSchema = z.object({
  holdToken: z.string().min(10, "Choose a time first").max(2000),
  // Checked on the list itself, so the message shows even while other fields (the policy box) are still wrong.
  attendees: z
    .array(personSchema)
    .min(1, "Your details are needed")
    .max(2, "At most two people attend a session")
    .superRefine((attendees, ctx) => {
      const [a, b] = attendees;
      if (a && b && a.email === b.email) ctx.addIssue({ code: "custom", path: [1, "email"], message: "Each partner needs their own email address" });
    }),
  /**
   * The booker's date of birth and address, sent when the service asks for
   * them (a superbill needs them); the server refuses a booking of such a
   * service without them.
   */
  superbillDetails: superbillDetailsSchema.optional(),
  agreePolicy: z.literal(true, { message: "Please agree to the cancellation policy to book" }),
  /** US practices ask whether insurance will be used; "no" = self-pay, owed a Good Faith Estimate (decision 0053). */
  usesInsurance: usesInsuranceField,
  /** For a couple's paid session: who pays (billing). */
  payer: z.enum(["me", "partner", "split"], { message: "Choose who pays" }).default("me"),
  /** Pay with a session credit: only a client signed in to their portal may (the server checks the session). */
  useCredit: z.boolean({ message: "Choose whether to use a session credit" }).default(false),
  /**
   * The IANA zone the booking page showed times in (the visitor's, or the
   * clinic's when they chose it): their emails and pages read in it. Not the
   * visitor's to get wrong: one this runtime does not know is dropped, and
   * the practice's zone applies (decision 0039).
   */
  timeZone: z
    .unknown()
    .optional()
    .transform((v) => (isTimeZone(v) ? v : undefined)),
});
export type BookingDetailsInput = z.input<typeof bookingDetailsSchema>;

export const rescheduleSchema = z.object({ start: z.iso.datetime({ offset: true, message: "Choose a new time" }) });
