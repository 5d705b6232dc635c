import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { clients, members, messages, messagingSettings, practices, threads, users } from "@/db/schema";
import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
import { ensureThreads } from "@/lib/messaging/threads";

const H = (name: string) => `${name}@harbor.demo.tandem.test`;

/**
 * A few messages for the Harbor couple (times relative to `now`): their
 * shared thread with both partners and the therapist, and Priya's own thread,
 * which Daniel never sees. Written as rows, not through the domain, so the
 * seed sends no email.
 */
export async function seedDemoMessages(tx: Tx, now = new Date()): Promise<number> {
  const [practice] = await tx.select().from(practices).where(eq(practices.slug, DEMO_PRACTICE_SLUGS.couplesTherapy));
  if (!practice) throw new Error("demo messages: no couples practice");
  const people = await tx
    .select({ id: clients.id, email: clients.email, userId: clients.userId })
    .from(clients)
    .where(and(eq(clients.practiceId, practice.id), inArray(clients.email, [H("daniel.okafor"), H("priya.okafor")])));
  const daniel = people.find((p) => p.email === H("daniel.okafor"));
  const priya = people.find((p) => p.email === H("priya.okafor"));
  const [therapist] = await tx
    .select({ id: members.id, userId: members.userId })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.practiceId, practice.id), eq(users.email, H("therapist"))));
  if (!daniel || !priya || !therapist) throw new Error("demo messages: the Harbor couple or therapist is missing");
  await ensureThreads(tx, { id: priya.id, practiceId: practice.id });
  const rows = await tx.select().from(threads).where(eq(threads.practiceId, practice.id));
  const shared = rows.find((t) => t.kind === "shared" && (t.clientAId === priya.id || t.clientBId === priya.id));
  const priyaOwn = rows.find((t) => t.kind === "own" && t.clientId === priya.id);
  if (!shared || !priyaOwn) throw new Error("demo messages: threads were not made");
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const client = (c: { id: string; userId: string | null }) => ({ authorKind: "client" as const, authorClientId: c.id, authorUserId: c.userId, authorMemberId: null });
  const staff = { authorKind: "staff" as const, authorClientId: null, authorUserId: therapist.userId, authorMemberId: therapist.id };
  const script = [
    { thread: shared, at: ago(50), ...client(priya), body: "We had a rough weekend. Can we start with that on Tuesday?" },
    { thread: shared, at: ago(46), ...staff, body: "Thank you for telling me. Yes, we will start there. Until then, try the stress-reducing conversation once, 20 minutes, no advice." },
    { thread: shared, at: ago(30), ...client(daniel), body: "We did it on Sunday. It helped more than we expected." },
    { thread: priyaOwn, at: ago(20), ...client(priya), body: "Something I would like to talk about on my own first, before our next couples session." },
  ];
  for (const m of script) {
    await tx.insert(messages).values({ practiceId: practice.id, threadId: m.thread.id, authorKind: m.authorKind, authorClientId: m.authorClientId, authorUserId: m.authorUserId, authorMemberId: m.authorMemberId, body: m.body, createdAt: m.at });
  }
  for (const t of [shared, priyaOwn]) {
    const last = script.filter((m) => m.thread.id === t.id).at(-1)!;
    await tx.update(threads).set({ lastMessageAt: last.at, lastAuthorKind: last.authorKind, assignedMemberId: therapist.id }).where(eq(threads.id, t.id));
  }
  await tx
    .insert(messagingSettings)
    .values({ practiceId: practice.id, crisisText: "In a crisis, call or text 988 (Suicide & Crisis Lifeline), or 911 in an emergency." })
    .onConflictDoNothing();
  return script.length;
}
