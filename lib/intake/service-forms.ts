import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { formTemplates, serviceForms, services } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";

export const serviceFormsSchema = z.object({ serviceIds: z.array(z.uuid("Choose services from the list")).max(200) });

/** The practice's live services, and whether each requires this form. */
export async function listServiceRequirements(practiceId: string, templateId: string) {
  if (!isUuid(templateId)) return [];
  const rows = await db
    .select({ id: services.id, name: services.name, required: serviceForms.templateId })
    .from(services)
    .leftJoin(serviceForms, and(eq(serviceForms.serviceId, services.id), eq(serviceForms.templateId, templateId)))
    .where(and(eq(services.practiceId, practiceId), isNull(services.archivedAt)))
    .orderBy(asc(services.name));
  return rows.map((r) => ({ id: r.id, name: r.name, required: r.required !== null }));
}

/** Sets which of the practice's services require this form (attendees get it after booking). */
export async function setServiceRequirements(scope: PracticeScope, templateId: string, input: unknown): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const parsed = serviceFormsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  if (!isUuid(templateId)) return { ok: false, errors: { form: ["This form was not found"] } };
  const practiceId = scope.practice.id;
  return db.transaction(async (tx): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> => {
    const [template] = await tx
      .select({ id: formTemplates.id })
      .from(formTemplates)
      .where(and(eq(formTemplates.practiceId, practiceId), eq(formTemplates.id, templateId)));
    if (!template) return { ok: false, errors: { form: ["This form was not found"] } };
    const wanted = [...new Set(parsed.data.serviceIds)];
    const own = wanted.length
      ? await tx
          .select({ id: services.id })
          .from(services)
          .where(and(eq(services.practiceId, practiceId), inArray(services.id, wanted)))
      : [];
    if (own.length !== wanted.length) return { ok: false, errors: { serviceIds: ["Choose services from the list"] } };
    await tx.delete(serviceForms).where(and(eq(serviceForms.practiceId, practiceId), eq(serviceForms.templateId, templateId)));
    if (wanted.length) await tx.insert(serviceForms).values(wanted.map((serviceId) => ({ practiceId, serviceId, templateId, position: 10 })));
    await recordAudit(byMember(scope, "form_template.services", { type: "form_template", id: templateId }, { serviceIds: wanted }), tx);
    return { ok: true };
  });
}
