import { randomUUID } from "node:crypto";
import { db, sql } from "@/db/client";
import { members, practices, users } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";

/**
 * A practice with 500 clients, each with their own thread, and 40 messages
 * in each (20,000 in all, client and staff in turn, over the last 40 days);
 * the owner has read half the threads. A clinician is assigned 100 of them.
 * Bulk-inserted in SQL (generate_series): the messages trigger only guards
 * updates and deletes.
 */
export async function createInboxFixture(now: Date): Promise<{ owner: PracticeScope; clinician: PracticeScope; threadId: string }> {
  const tag = randomUUID().slice(0, 8);
  const [practice] = await db.insert(practices).values({ name: `Bench ${tag}`, slug: `bench-${tag}`, kind: "couples_therapy", timeZone: "America/New_York" }).returning();
  const [ownerUser, clinicianUser] = await db
    .insert(users)
    .values([
      { email: `owner-${tag}@bench.test`, name: "Owner" },
      { email: `clinician-${tag}@bench.test`, name: "Clinician" },
    ])
    .returning();
  const [owner, clinician] = await db
    .insert(members)
    .values([
      { practiceId: practice!.id, userId: ownerUser!.id, role: "owner", displayName: "Owner", joinedAt: now },
      { practiceId: practice!.id, userId: clinicianUser!.id, role: "clinician", displayName: "Clinician", joinedAt: now },
    ])
    .returning();
  const p = practice!.id;
  const at = now.toISOString();
  await sql`insert into clients (practice_id, first_name, last_name) select ${p}, 'Client', 'Bench' || lpad(g::text, 4, '0') from generate_series(1, 500) g`;
  await sql`insert into threads (practice_id, kind, client_id, created_at) select ${p}, 'own', c.id, ${at}::timestamptz - interval '41 days' from clients c where c.practice_id = ${p}`;
  await sql`update threads t set assigned_member_id = ${clinician!.id} from (select id from threads where practice_id = ${p} order by id limit 100) x where t.id = x.id`;
  await sql`insert into messages (practice_id, thread_id, author_kind, author_client_id, author_user_id, author_member_id, body, created_at)
    select t.practice_id, t.id,
      (case when k % 2 = 0 then 'client' else 'staff' end)::message_author_kind,
      case when k % 2 = 0 then t.client_id end,
      case when k % 2 = 0 then null else ${ownerUser!.id}::uuid end,
      case when k % 2 = 0 then null else ${owner!.id}::uuid end,
      'Message ' || k || ' in a thread of the benchmark, about as long as a short note between sessions.',
      ${at}::timestamptz - (interval '1 day' * (40 - k)) - (interval '1 minute' * (row_number() over (partition by k order by t.id)))
    from threads t cross join generate_series(0, 39) k where t.practice_id = ${p}`;
  await sql`update threads t set last_message_at = m.at, last_author_kind = m.kind
    from (select distinct on (thread_id) thread_id, created_at as at, author_kind as kind from messages where practice_id = ${p} order by thread_id, seq desc) m
    where t.id = m.thread_id`;
  await sql`insert into thread_members (thread_id, user_id, practice_id, last_read_at)
    select id, ${ownerUser!.id}, practice_id, ${at}::timestamptz - interval '20 days' from threads where practice_id = ${p} and client_id in (select id from clients where practice_id = ${p} and last_name < 'Bench0251')`;
  const [thread] = await sql<{ id: string }[]>`select id from threads where practice_id = ${p} order by last_message_at desc limit 1`;
  const scope = (u: typeof ownerUser, m: typeof owner): PracticeScope => ({
    user: { id: u!.id, email: u!.email, name: u!.name, isStaff: true },
    practice: practice!,
    memberId: m!.id,
    role: m!.role,
    displayName: m!.displayName,
  });
  return { owner: scope(ownerUser, owner), clinician: scope(clinicianUser, clinician), threadId: thread!.id };
}
