import { randomUUID } from "node:crypto";
import type postgres from "postgres";

export interface BookingFixture {
  practiceId: string;
  slug: string;
  serviceId: string;
  memberIds: string[];
  timeZone: string;
}

/**
 * A practice of its own: `clinicians` clinicians working 9:00–17:00 every day
 * in Los Angeles, one 50-minute online service (15-minute step, 10-minute
 * buffer after, no notice, 60-day horizon) that all of them offer.
 */
export async function createBookingFixture(sql: postgres.Sql, clinicians: number): Promise<BookingFixture> {
  const tag = randomUUID().slice(0, 8);
  const timeZone = "America/Los_Angeles";
  const [practice] = await sql<{ id: string }[]>`
    -- Published: the public booking routes answer only for published practices (decision 0027).
    insert into practices (name, slug, kind, time_zone, published_at) values (${`Bench ${tag}`}, ${`bench-${tag}`}, 'couples_therapy', ${timeZone}, now()) returning id`;
  const practiceId = practice!.id;
  const [service] = await sql<{ id: string }[]>`
    insert into services (practice_id, name, duration_minutes, price_cents, format, attendance, buffer_after_minutes, min_notice_minutes, horizon_days, slot_step_minutes)
    values (${practiceId}, 'Couples session', 50, 19000, 'online', 'individual', 10, 0, 60, 15) returning id`;
  const memberIds: string[] = [];
  for (let i = 0; i < clinicians; i++) {
    const [user] = await sql<{ id: string }[]>`insert into users (email, name) values (${`clinician${i}-${tag}@bench.tandem.test`}, ${`Clinician ${i}`}) returning id`;
    const [member] = await sql<{ id: string }[]>`
      insert into members (practice_id, user_id, role, display_name, joined_at) values (${practiceId}, ${user!.id}, 'clinician', ${`Clinician ${i}`}, now()) returning id`;
    memberIds.push(member!.id);
    await sql`insert into service_clinicians (practice_id, service_id, member_id) values (${practiceId}, ${service!.id}, ${member!.id})`;
    for (let weekday = 1; weekday <= 7; weekday++) {
      await sql`insert into availability_rules (practice_id, member_id, weekday, start_minute, end_minute, time_zone)
                values (${practiceId}, ${member!.id}, ${weekday}, ${9 * 60}, ${17 * 60}, ${timeZone})`;
    }
  }
  return { practiceId, slug: `bench-${tag}`, serviceId: service!.id, memberIds, timeZone };
}
