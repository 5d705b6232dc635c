import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "./kinds";

/**
 * The settings form (client, react-hook-form) and the server action parse
 * with this one schema. A safety flag's in-app notice cannot be turned off:
 * the schema refuses it, and so does the database.
 */
const channels = z.object({ email: z.boolean(), inApp: z.boolean() });

export const preferencesSchema = z
  .object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, channels])) as Record<NotificationKind, typeof channels>)
  .superRefine((value, ctx) => {
    if (!value.safety_flag.inApp) ctx.addIssue({ code: "custom", path: ["safety_flag", "inApp"], message: "Safety flags always show in the app, so a flag reaches a person" });
  });

export type PreferencesInput = z.infer<typeof preferencesSchema>;
