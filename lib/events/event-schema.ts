import { z } from "zod";
import { emailField } from "@/lib/auth/sign-in-schema";
import { firstNameField, lastNameField } from "@/lib/clients/client-schema";

/**
 * Group events (decision 0055): the forms' schemas, one each, shared by the
 * browser (react-hook-form) and the server. Client-safe: zod only.
 */

const attendeeSchema = z.object({ firstName: firstNameField, lastName: lastNameField, email: emailField });

/** The public sign-up form: one person, or a couple (two seats, one booking). */
export const eventSignUpSchema = z
  .object({
    kind: z.enum(["individual", "couple"], { message: "Choose who is coming" }),
    attendees: z.array(attendeeSchema).min(1, "Your details are needed").max(2, "At most two people sign up together"),
    agreePolicy: z.literal(true, { message: "Please agree to the cancellation policy to sign up" }),
    /** Pay with package credits (one a seat): only in a portal session, checked by the server (decision 0060). */
    useCredit: z.boolean({ message: "Choose whether to use a package credit" }).default(false),
  })
  .superRefine((v, ctx) => {
    const want = v.kind === "couple" ? 2 : 1;
    if (v.attendees.length !== want) ctx.addIssue({ code: "custom", path: ["attendees"], message: v.kind === "couple" ? "A couple signs up with both partners' names and email addresses" : "Sign up one person" });
    const [a, b] = v.attendees;
    if (a && b && a.email === b.email) ctx.addIssue({ code: "custom", path: ["attendees", 1, "email"], message: "Each partner needs their own email address" });
  });
export type EventSignUpInput = z.input<typeof eventSignUpSchema>;

// Nullable too: the browser sends the parsed values, which the server parses again.
const optionalUrl = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters")
  .nullable()
  .transform((s) => (s ? s : null))
  .pipe(z.url({ protocol: /^https?$/, message: "Enter a web address starting with https://" }).nullable());

/** One date of an event, as the form's datetime-local fields send it (read in the practice's zone). */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time");

/** The staff form: create or edit an event. Dates are local to the practice; the domain turns them into instants. */
export const eventFormSchema = z
  .object({
    title: z.string().trim().min(1, "Title is required").max(200, "At most 200 characters"),
    description: z.string().trim().max(5000, "At most 5000 characters").default(""),
    format: z.enum(["online", "in_person"], { message: "Choose online or in person" }),
    location: z.string().trim().max(500, "At most 500 characters").default(""),
    joinUrl: optionalUrl.default(""),
    capacity: z.coerce.number({ message: "Enter a number of seats" }).int("Whole seats only").min(1, "At least 1 seat").max(1000, "At most 1000 seats"),
    /** "" or "0": free; otherwise the price per seat, e.g. "45" or "45.50". */
    price: z
      .string()
      .trim()
      .regex(/^(\d{1,6}(\.\d{1,2})?)?$/, "Enter a price such as 45 or 45.50, or leave it empty for a free event")
      .default(""),
    /** "": no credits; otherwise the package whose credits pay for seats, one a seat (decision 0060). */
    creditPackageId: z.union([z.literal(""), z.uuid({ message: "Choose a package" })]).default(""),
    signupCutoff: localDateTime,
    cancellationHours: z.coerce.number({ message: "Enter a number of hours" }).int("Whole hours only").min(0, "At least 0").max(720, "At most 720 hours"),
    cancellationPolicy: z.string().trim().max(2000, "At most 2000 characters").default(""),
    sessions: z
      .array(z.object({ startsAt: localDateTime, durationMinutes: z.coerce.number({ message: "Enter minutes" }).int("Whole minutes").min(15, "At least 15 minutes").max(720, "At most 12 hours") }))
      .min(1, "Add at least one date")
      .max(52, "At most 52 dates"),
    hostIds: z.array(z.uuid({ message: "Choose a host" })).min(1, "Choose at least one host").max(10, "At most 10 hosts"),
  })
  .superRefine((v, ctx) => {
    if (v.format === "in_person" && !v.location) ctx.addIssue({ code: "custom", path: ["location"], message: "An in-person event needs an address" });
    const cents = v.price === "" ? 0 : Math.round(Number(v.price) * 100);
    if (cents > 0 && cents < 50) ctx.addIssue({ code: "custom", path: ["price"], message: "A paid seat costs at least 0.50" });
  });
export type EventFormInput = z.input<typeof eventFormSchema>;
export type EventFormValues = z.output<typeof eventFormSchema>;

export const materialsSchema = z.object({ materialsUrl: optionalUrl.pipe(z.string({ message: "Enter the link to send" })) });

export const attendanceSchema = z.object({
  sessionId: z.uuid({ message: "Choose a date" }),
  registrationId: z.uuid({ message: "Choose an attendee" }),
  attended: z.boolean({ message: "Choose attended or not" }),
});

/** Price field → minor units; null for free. */
export function priceCentsOf(price: string): number | null {
  const cents = price === "" ? 0 : Math.round(Number(price) * 100);
  return cents > 0 ? cents : null;
}
