import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { practiceBrands } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { zodFieldErrors, type ActionResult } from "@/lib/form-result";
import { storage } from "@/lib/storage";
import { brandSchema } from "./brand-schema";
import { checkLogo } from "./sniff-image";

/** The brand's name and colour. The caller has checked brand.manage (owner). */
export async function saveBrand(scope: PracticeScope, values: unknown): Promise<ActionResult> {
  const parsed = brandSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { displayName, colour } = parsed.data;
  await db.transaction(async (tx) => {
    await tx
      .insert(practiceBrands)
      .values({ practiceId: scope.practice.id, displayName, colour })
      .onConflictDoUpdate({ target: practiceBrands.practiceId, set: { displayName, colour, updatedAt: new Date() } });
    await recordAudit(byMember(scope, "brand.update", { type: "practice", id: scope.practice.id }, { displayName: displayName !== null, colour }), tx);
  });
  return { ok: true };
}

/**
 * A new logo: checked by its bytes (lib/brand/sniff-image.ts), stored under a
 * fresh key, then the brand points at it and the previous logo is deleted, in
 * one transaction, so a page never shows a logo whose bytes are gone.
 */
export async function saveLogo(scope: PracticeScope, bytes: Uint8Array, now: Date = new Date()): Promise<ActionResult> {
  const check = checkLogo(bytes);
  if (!check.ok) return { ok: false, errors: { logo: [check.message] } };
  const key = `brand/logo-${now.getTime()}`;
  await db.transaction(async (tx) => {
    const [previous] = await tx.select({ logoKey: practiceBrands.logoKey }).from(practiceBrands).where(eq(practiceBrands.practiceId, scope.practice.id)).for("update");
    await storage.put(scope.practice.id, key, bytes, check.type, tx);
    await tx
      .insert(practiceBrands)
      .values({ practiceId: scope.practice.id, logoKey: key, logoVersion: now })
      .onConflictDoUpdate({ target: practiceBrands.practiceId, set: { logoKey: key, logoVersion: now, updatedAt: now } });
    await recordAudit(byMember(scope, "brand.logo_update", { type: "practice", id: scope.practice.id }, { type: check.type, bytes: bytes.length }), tx);
    // Last: it deletes the old bytes before the commit (lib/storage remove).
    if (previous?.logoKey && previous.logoKey !== key) await storage.remove(scope.practice.id, previous.logoKey, tx);
  });
  return { ok: true };
}

export async function removeLogo(scope: PracticeScope): Promise<ActionResult> {
  await db.transaction(async (tx) => {
    const [previous] = await tx.select({ logoKey: practiceBrands.logoKey }).from(practiceBrands).where(eq(practiceBrands.practiceId, scope.practice.id)).for("update");
    if (!previous?.logoKey) return;
    await tx.update(practiceBrands).set({ logoKey: null, logoVersion: null, updatedAt: new Date() }).where(eq(practiceBrands.practiceId, scope.practice.id));
    await recordAudit(byMember(scope, "brand.logo_remove", { type: "practice", id: scope.practice.id }, {}), tx);
    await storage.remove(scope.practice.id, previous.logoKey, tx);
  });
  return { ok: true };
}

/** The logo's bytes for the logo route: only the practice's current logo, never another stored object. */
export async function currentLogo(practiceId: string) {
  const [row] = await db.select({ logoKey: practiceBrands.logoKey }).from(practiceBrands).where(eq(practiceBrands.practiceId, practiceId));
  if (!row?.logoKey) return null;
  return storage.get(practiceId, row.logoKey);
}
