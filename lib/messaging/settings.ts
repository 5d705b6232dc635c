import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { messagePreferences, messagingSettings, replyTemplates } from "@/db/schema";
import type { ClientScope, PracticeScope } from "@/lib/auth/guards";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { invalid, notFound, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { isUuid } from "@/lib/ids";
import { messagePreferenceSchema, messagingSettingsSchema, replyTemplateSchema, type MessageEmailModeValue } from "./message-schema";

export interface MessagingSettings {
  crisisText: string | null;
  frontDeskAccess: boolean;
}

/** The practice's messaging settings, defaults when never saved. */
export async function getMessagingSettings(practiceId: string): Promise<MessagingSettings> {
  const [row] = await db.select({ crisisText: messagingSettings.crisisText, frontDeskAccess: messagingSettings.frontDeskAccess }).from(messagingSettings).where(eq(messagingSettings.practiceId, practiceId));
  return row ?? { crisisText: null, frontDeskAccess: false };
}

export async function saveMessagingSettings(scope: PracticeScope, input: unknown, now: Date): Promise<{ ok: true } | Invalid> {
  const parsed = messagingSettingsSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const values = { crisisText: parsed.data.crisisText || null, frontDeskAccess: parsed.data.frontDeskAccess, updatedAt: now };
  await db.transaction(async (tx) => {
    await tx.insert(messagingSettings).values({ practiceId: scope.practice.id, ...values }).onConflictDoUpdate({ target: messagingSettings.practiceId, set: values });
    await recordAudit(byMember(scope, "messaging.settings", { type: "practice", id: scope.practice.id }, { frontDeskAccess: values.frontDeskAccess }), tx);
  });
  return { ok: true };
}

export async function listReplyTemplates(practiceId: string) {
  return db.select({ id: replyTemplates.id, title: replyTemplates.title, body: replyTemplates.body }).from(replyTemplates).where(eq(replyTemplates.practiceId, practiceId)).orderBy(asc(replyTemplates.title));
}

const TITLE_TAKEN = { title: ["Title: another template already has this name"] };

/** Create (`id` null) or change a reply template of the practice. */
export async function saveReplyTemplate(scope: PracticeScope, id: string | null, input: unknown, now: Date): Promise<{ ok: true; id: string } | Invalid | NotFound> {
  const parsed = replyTemplateSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  try {
    if (id === null) {
      const [row] = await db.insert(replyTemplates).values({ practiceId: scope.practice.id, ...parsed.data, createdAt: now, updatedAt: now }).returning({ id: replyTemplates.id });
      return { ok: true, id: row!.id };
    }
    if (!isUuid(id)) return notFound("This template was not found.");
    const [row] = await db
      .update(replyTemplates)
      .set({ ...parsed.data, updatedAt: now })
      .where(and(eq(replyTemplates.practiceId, scope.practice.id), eq(replyTemplates.id, id)))
      .returning({ id: replyTemplates.id });
    return row ? { ok: true, id: row.id } : notFound("This template was not found.");
  } catch (error) {
    if (isUniqueViolation(error, "reply_templates_practice_id_title_key")) return invalid(TITLE_TAKEN);
    throw error;
  }
}

export async function deleteReplyTemplate(scope: PracticeScope, id: string): Promise<{ ok: true } | NotFound> {
  if (!isUuid(id)) return notFound("This template was not found.");
  const rows = await db.delete(replyTemplates).where(and(eq(replyTemplates.practiceId, scope.practice.id), eq(replyTemplates.id, id))).returning({ id: replyTemplates.id });
  return rows.length > 0 ? { ok: true } : notFound("This template was not found.");
}

export async function getMessagePreference(client: { id: string }): Promise<MessageEmailModeValue> {
  const [row] = await db.select({ mode: messagePreferences.emailMode }).from(messagePreferences).where(eq(messagePreferences.clientId, client.id));
  return row?.mode ?? "each";
}

/** The client's choice: an email per message, or a daily digest. */
export async function saveMessagePreference(scope: Pick<ClientScope, "client">, input: unknown, now: Date): Promise<{ ok: true } | Invalid> {
  const parsed = messagePreferenceSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  await db
    .insert(messagePreferences)
    .values({ clientId: scope.client.id, practiceId: scope.client.practiceId, emailMode: parsed.data.emailMode, updatedAt: now })
    .onConflictDoUpdate({ target: messagePreferences.clientId, set: { emailMode: parsed.data.emailMode, updatedAt: now } });
  return { ok: true };
}
