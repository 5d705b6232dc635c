import { and, count, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { locations, members, serviceClinicians, services } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { can, rolesWith } from "@/lib/auth/roles";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { archiveServiceSchema, serviceSchema, type ServiceValues } from "./service-schema";

const NOT_FOUND = "That service was not found in this practice";
const NOT_ALLOWED = "Only an owner or admin can change services";

export type SaveServiceResult = { ok: true; serviceId: string } | { ok: false; errors: FieldErrors };

/** Thrown inside the transaction to roll it back with a field error. */
class Refusal extends Error {
  constructor(readonly errors: FieldErrors) {
    super("refused");
  }
}

/**
 * Creates a service (serviceId null) or updates one of this practice's, with
 * the clinicians who offer it, in one transaction. Owners and admins only.
 * In-person services need a location in the practice; every clinician must be
 * an owner or clinician of this practice (a forged id saves nothing).
 */
export async function saveService(scope: PracticeScope, serviceId: string | null, input: unknown): Promise<SaveServiceResult> {
  if (!can(scope.role, "settings.manage")) return fieldError("form", NOT_ALLOWED);
  const parsed = serviceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  if (serviceId !== null && !isUuid(serviceId)) return fieldError("form", NOT_FOUND);
  const v = parsed.data;
  const practiceId = scope.practice.id;
  try {
    const id = await db.transaction(async (tx) => {
      let existing: { id: string; archivedAt: Date | null } | undefined;
      if (serviceId) {
        [existing] = await tx
          .select({ id: services.id, archivedAt: services.archivedAt })
          .from(services)
          .where(and(eq(services.id, serviceId), eq(services.practiceId, practiceId)))
          .for("update");
        if (!existing) throw new Refusal({ form: [NOT_FOUND] });
      }
      await checkReferences(tx, practiceId, v);

      const now = new Date();
      const archivedAt = v.active ? null : (existing?.archivedAt ?? now);
      const row = {
        name: v.name,
        description: v.description,
        durationMinutes: v.durationMinutes,
        priceCents: v.price,
        currency: v.currency,
        format: v.format,
        attendance: v.attendance,
        bufferBeforeMinutes: v.bufferBeforeMinutes,
        bufferAfterMinutes: v.bufferAfterMinutes,
        minNoticeMinutes: v.minNoticeHours * 60,
        horizonDays: v.horizonDays,
        slotStepMinutes: v.slotStepMinutes,
        cancellationWindowHours: v.cancellationWindowHours,
        lateCancelFeeCents: v.lateCancelFee,
        noShowFeeCents: v.noShowFee,
        archivedAt,
        updatedAt: now,
      };
      let savedId: string;
      if (existing) {
        await tx.update(services).set(row).where(eq(services.id, existing.id));
        await tx.delete(serviceClinicians).where(eq(serviceClinicians.serviceId, existing.id));
        savedId = existing.id;
      } else {
        const [created] = await tx
          .insert(services)
          .values({ ...row, practiceId })
          .returning({ id: services.id });
        savedId = created!.id;
      }
      if (v.clinicianIds.length > 0) {
        await tx.insert(serviceClinicians).values(v.clinicianIds.map((memberId) => ({ practiceId, serviceId: savedId, memberId })));
      }
      const subject = { type: "service", id: savedId };
      await recordAudit(
        byMember(scope, existing ? "service.update" : "service.create", subject, {
          fields: Object.keys(row).filter((k) => k !== "updatedAt"),
          clinicianIds: v.clinicianIds,
        }),
        tx,
      );
      const wasArchived = existing ? existing.archivedAt !== null : false;
      if (wasArchived !== (archivedAt !== null) && existing) {
        await recordAudit(byMember(scope, archivedAt ? "service.archive" : "service.unarchive", subject), tx);
      }
      return savedId;
    });
    return { ok: true, serviceId: id };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** The practice must have a location for in-person services; clinicians must be its owners or clinicians. */
async function checkReferences(tx: Tx, practiceId: string, v: ServiceValues): Promise<void> {
  if (v.format === "in_person") {
    const [row] = await tx.select({ n: count() }).from(locations).where(eq(locations.practiceId, practiceId));
    if ((row?.n ?? 0) === 0) {
      throw new Refusal({ format: ["In-person services need a location: add one to the practice first, or choose online video or phone"] });
    }
  }
  if (v.clinicianIds.length > 0) {
    const found = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.practiceId, practiceId), inArray(members.id, v.clinicianIds), inArray(members.role, rolesWith("sessions.take"))))
      // Held until commit: a clinician removed meanwhile cannot leave a dangling link.
      .for("key share");
    if (found.length !== v.clinicianIds.length) {
      throw new Refusal({ clinicianIds: ["Choose clinicians from this practice's team"] });
    }
  }
}

/** Archives (hidden from booking, kept for history) or restores a service. */
export async function setServiceArchived(scope: PracticeScope, input: unknown): Promise<SaveServiceResult> {
  if (!can(scope.role, "settings.manage")) return fieldError("form", NOT_ALLOWED);
  const parsed = archiveServiceSchema.safeParse(input);
  if (!parsed.success) return fieldError("form", NOT_FOUND);
  const { serviceId, archived } = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: services.id, archivedAt: services.archivedAt })
      .from(services)
      .where(and(eq(services.id, serviceId), eq(services.practiceId, scope.practice.id)))
      .for("update");
    if (!row) return fieldError("form", NOT_FOUND);
    if ((row.archivedAt !== null) !== archived) {
      const now = new Date();
      await tx
        .update(services)
        .set({ archivedAt: archived ? now : null, updatedAt: now })
        .where(eq(services.id, serviceId));
      await recordAudit(byMember(scope, archived ? "service.archive" : "service.unarchive", { type: "service", id: serviceId }), tx);
    }
    return { ok: true as const, serviceId };
  });
}
