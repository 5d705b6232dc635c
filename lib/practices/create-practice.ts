import { and, eq, like, or, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { members, practices, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { upsertUserByEmail } from "@/lib/clients/upsert-portal-user";
import { localeForCountry } from "@/lib/dates/locales";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { conflict, invalid, type Conflict, type Invalid } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { installStarterForms } from "@/lib/intake/starter-forms";
import { installNoteTemplates } from "@/lib/notes/templates";
import { newPracticeSchema } from "./sign-up-schema";
import { suggestSlug } from "./slug";

/** Where a practice was started from, for its audit event. */
export type PracticeOrigin = "sign_up" | "command_line" | "seed";

export type SlugTaken = Conflict<"slug_taken", { field: "slug"; suggestion: string }>;

export type CreatePracticeResult =
  | { ok: true; status: "created"; practice: { id: string; slug: string; name: string }; owner: { userId: string; email: string } }
  /** The address already owns a practice: nothing was written; the caller signs that person in instead. */
  | { ok: true; status: "existing_owner"; owner: { userId: string; email: string }; practiceSlugs: string[] }
  | Invalid
  | SlugTaken;

/**
 * The one way a practice is started: the public sign-up (lib/practices/sign-up.ts),
 * `npm run practice:create`, and tests. In one transaction: the practice, its
 * owner's user (kept if the address already has one) and owner membership, and
 * the starter forms of its kind (what the demo seed installs). The membership is
 * an invitation (`joinedAt` null) until the owner proves the address by signing
 * in with the emailed link (lib/auth/auth.ts accepts it then).
 *
 * Refuses without writing anything: bad input (per field), a taken web address
 * (with a free one to suggest), and an address that already owns a practice.
 */
export async function createPractice(input: unknown, options: { now: Date; origin: PracticeOrigin }): Promise<CreatePracticeResult> {
  const parsed = newPracticeSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const v = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      // One sign-up per address at a time, so two at once cannot both find no practice.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('practice-owner'), hashtext(${v.ownerEmail}))`);
      const owned = await practicesOwnedBy(tx, v.ownerEmail);
      if (owned) return { ok: true as const, status: "existing_owner" as const, owner: { userId: owned.userId, email: v.ownerEmail }, practiceSlugs: owned.slugs };

      const [practice] = await tx
        .insert(practices)
        .values({ name: v.name, slug: v.slug, kind: v.kind, country: v.country, timeZone: v.timeZone, currency: v.currency, locale: localeForCountry(v.country), createdAt: options.now })
        .returning({ id: practices.id, slug: practices.slug, name: practices.name });
      const userId = await upsertUserByEmail(tx, v.ownerEmail, v.ownerName);
      const [member] = await tx
        .insert(members)
        .values({ practiceId: practice!.id, userId, role: "owner", displayName: v.ownerName, invitedAt: options.now, createdAt: options.now })
        .returning({ id: members.id });
      await installStarterForms(tx, practice!.id, v.kind);
      await installNoteTemplates(tx, practice!.id);
      await recordAudit(
        { practiceId: practice!.id, actor: { kind: "system" }, action: "practice.create", subjectType: "practice", subjectId: practice!.id, detail: { origin: options.origin, kind: v.kind, ownerMemberId: member!.id } },
        tx,
      );
      return { ok: true as const, status: "created" as const, practice: practice!, owner: { userId, email: v.ownerEmail } };
    });
  } catch (error) {
    if (isUniqueViolation(error, "practices_slug_key")) return slugTaken(v.slug);
    throw error;
  }
}

/** The practices an address owns (invited or joined), or null. */
async function practicesOwnedBy(tx: DbOrTx, email: string): Promise<{ userId: string; slugs: string[] } | null> {
  const rows = await tx
    .select({ userId: users.id, slug: practices.slug })
    .from(users)
    .innerJoin(members, and(eq(members.userId, users.id), eq(members.role, "owner")))
    .innerJoin(practices, eq(practices.id, members.practiceId))
    .where(eq(users.email, email))
    .orderBy(practices.slug);
  return rows.length === 0 ? null : { userId: rows[0]!.userId, slugs: rows.map((r) => r.slug) };
}

/** A free web address near `slug`: `<slug>-2`, `-3`, … (one query). */
export async function suggestFreeSlug(slug: string, tx: DbOrTx = db): Promise<string> {
  // Slugs hold only [a-z0-9-], so `like` has no wildcard to escape. A short prefix, since
  // suggestSlug may shorten a long base (at a hyphen) to make room for the number.
  const rows = await tx
    .select({ slug: practices.slug })
    .from(practices)
    .where(or(eq(practices.slug, slug), like(practices.slug, `${slug.slice(0, 20)}%`)));
  return suggestSlug(slug, new Set(rows.map((r) => r.slug)));
}

async function slugTaken(slug: string): Promise<SlugTaken> {
  const suggestion = await suggestFreeSlug(slug);
  return conflict("slug_taken", `The web address “${slug}” is taken by another practice. “${suggestion}” is free.`, { field: "slug" as const, suggestion });
}
