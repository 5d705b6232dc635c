import { z } from "zod";
import { MB, type FileType } from "@/lib/files/sniff";

/**
 * The one schema for a message, shared by the composers (react-hook-form)
 * and the domain (lib/messaging/post.ts). Attachments are checked apart, by
 * their bytes (lib/files/sniff.ts checkFile), since a form field cannot say
 * what a file really is.
 */
export const MESSAGE_BODY_MAX = 5000;
export const ATTACHMENT_MAX_BYTES = 20 * MB;
// One file a message keeps a request under the server-action limit (next.config.ts, 21 MB).
export const ATTACHMENT_MAX_FILES = 1;
export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/webp"] as const satisfies readonly FileType[];

export const messageSchema = z.object({
  body: z
    .string({ message: "Message: write something" })
    .trim()
    .min(1, "Message: write something")
    .max(MESSAGE_BODY_MAX, `Message: at most ${MESSAGE_BODY_MAX} characters`),
});
export type MessageInput = z.input<typeof messageSchema>;

export const replyTemplateSchema = z.object({
  title: z.string().trim().min(1, "Title: give the template a name").max(80, "Title: at most 80 characters"),
  body: z.string().trim().min(1, "Text: write the reply").max(MESSAGE_BODY_MAX, `Text: at most ${MESSAGE_BODY_MAX} characters`),
});
export type ReplyTemplateInput = z.input<typeof replyTemplateSchema>;

export const messagingSettingsSchema = z.object({
  crisisText: z.string().trim().max(1000, "Crisis text: at most 1000 characters"),
  frontDeskAccess: z.boolean(),
});
export type MessagingSettingsInput = z.input<typeof messagingSettingsSchema>;

export const messagePreferenceSchema = z.object({
  emailMode: z.enum(["each", "digest"], { message: "Emails: choose one" }),
});
export type MessagePreferenceInput = z.input<typeof messagePreferenceSchema>;

/** Inbox filters from the URL; anything unreadable falls back to the default. */
export const inboxFilterSchema = z.object({
  clinician: z.string().uuid().optional().catch(undefined),
  needsReply: z.enum(["1"]).optional().catch(undefined),
  status: z.enum(["open", "done", "all"]).default("open").catch("open"),
});
export type InboxFilter = z.output<typeof inboxFilterSchema>;

/** The note above every composer: messages are not for emergencies. */
export const NOT_FOR_EMERGENCIES = "Messages are not for emergencies: replies can take a working day or more.";

export type MessageEmailModeValue = z.output<typeof messagePreferenceSchema>["emailMode"];
