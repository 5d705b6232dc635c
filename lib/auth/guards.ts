import { and, eq, isNotNull, sql } from "drizzle-orm";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { REQUEST_PATH_HEADER, signInPathFor } from "@/lib/http/request-path";
import { cache } from "react";
import { db } from "@/db/client";
import { clients, members, practiceBrands, practices } from "@/db/schema";
import type { Client, MemberRole, Practice } from "@/db/schema";
import { getCurrentUser, type CurrentUser } from "./current-user";
import { can, type Capability } from "./roles";
import { isUuid } from "@/lib/ids";
import { enforceSecondFactor } from "./second-factor-guard";

export interface PracticeScope {
  user: CurrentUser;
  practice: Practice;
  memberId: string;
  role: MemberRole;
  displayName: string;
}

/** Signed out: to the sign-in page, which brings the person back to this page afterwards. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPathFor((await headers()).get(REQUEST_PATH_HEADER)));
  return user;
}

const membershipFor = cache(async (userId: string, practiceSlug: string) => {
  const [row] = await db
    .select({ practice: practices, memberId: members.id, role: members.role, displayName: members.displayName })
    .from(members)
    .innerJoin(practices, eq(practices.id, members.practiceId))
    .where(and(eq(members.userId, userId), eq(practices.slug, practiceSlug), isNotNull(members.joinedAt)));
  return row ?? null;
});

/**
 * The signed-in member's scope in the practice named by the URL. Anyone who
 * is not a member (a client, a member of another practice) gets a 404, not
 * a glimpse; so does a member whose role lacks `capability` (lib/auth/roles.ts).
 * Call it at the top of every clinic page, route handler and server action;
 * the capability is required so that no entry point forgets to say what it does.
 */
export async function requireMember(practiceSlug: string, capability: Capability): Promise<PracticeScope> {
  const user = await requireUser();
  const membership = await membershipFor(user.id, practiceSlug);
  if (!membership) notFound();
  // Second factor before anything else the workspace shows or does.
  await enforceSecondFactor(user, membership.practice);
  if (!can(membership.role, capability)) notFound();
  return { user, ...membership };
}

/** Every practice the user has joined, for the practice switcher. */
export async function listMemberships(userId: string) {
  return db
    .select({ slug: practices.slug, name: practices.name, role: members.role })
    .from(members)
    .innerJoin(practices, eq(practices.id, members.practiceId))
    .where(and(eq(members.userId, userId), isNotNull(members.joinedAt)))
    .orderBy(practices.name);
}

export interface ClientScope {
  user: CurrentUser;
  client: Client;
  practice: Practice;
  /** The name the practice shows its clients (its brand's display name, else its name; decision 0040). Receipts keep the legal name. */
  practiceDisplayName: string;
}

/** Client records the signed-in user may open in the portal (their own). */
export async function listOwnClientRecords(userId: string) {
  return db
    .select({ client: clients, practice: practices, practiceDisplayName: sql<string>`coalesce(${practiceBrands.displayName}, ${practices.name})` })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, practices.id))
    .where(eq(clients.userId, userId))
    .orderBy(practices.name);
}

/**
 * The signed-in user's own client record `clientId`; anything else is a 404.
 */
export async function requireClient(clientId: string): Promise<ClientScope> {
  const user = await requireUser();
  if (!isUuid(clientId)) notFound();
  const [row] = await db
    .select({ client: clients, practice: practices, practiceDisplayName: sql<string>`coalesce(${practiceBrands.displayName}, ${practices.name})` })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, practices.id))
    .where(and(eq(clients.id, clientId), eq(clients.userId, user.id)));
  if (!row) notFound();
  return { user, ...row };
}

