import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { emailField } from "@/lib/auth/sign-in-schema";

export const roleField = z.enum(ROLES, { message: "Choose a role" });

export const inviteSchema = z.object({
  email: emailField,
  displayName: z.string().trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
  role: roleField,
  credentials: z
    .string()
    .trim()
    .max(60, "Credentials must be at most 60 characters")
    .optional()
    .transform((v) => (v ? v : null)),
});
export type InviteInput = z.input<typeof inviteSchema>;

export const changeRoleSchema = z.object({ memberId: z.uuid({ message: "Unknown member" }), role: roleField });
export const removeMemberSchema = z.object({ memberId: z.uuid({ message: "Unknown member" }) });
