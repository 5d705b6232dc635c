import { z } from "zod";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email address is too long")
  .pipe(z.email({ message: "Enter a valid email address" }));

export const signInSchema = z.object({ email: emailField });
export type SignInInput = z.input<typeof signInSchema>;
