import { and, asc, desc, eq, gte, inArray, lte } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointmentAttendees, appointments, members, noteTemplates, noteTemplateVersions, practices, sessionNotes } from "@/db/schema";
import { installNoteTemplates } from "@/lib/notes/templates";
import type { NoteContent } from "@/lib/notes/content";
import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";

const DAY = 24 * 3_600_000;

/*
 * Signed notes for the demo's past sessions (decision 0052), written for the
 * demo in our own words and deliberately plain. Each clinician's most recent
 * session is left without a note, so the home shows one note to write rather
 * than a month of them overdue.
 */
const CONTENT: Record<string, NoteContent> = {
  "couples-session": {
    partner_a: "Came in tired; wants more evenings together once the baby sleeps.",
    partner_b: "Feels criticised when plans change; wants to be asked, not told.",
    cycle: "The familiar reach-and-retreat showed up over the weekend plans; both named it sooner than last time.",
    interventions: "Tracked the cycle as it happened; slowed the exchange; an enactment of asking for time together.",
    homework: "Ten-minute check-in on three evenings.",
    plan: "Continue stage one work; revisit the check-ins next session.",
  },
  "pelvic-pt-daily": {
    since_last: "Home program done most days; less discomfort sitting at work.",
    pain_nrs: 3,
    treatment: "Breathing with pelvic floor relaxation, hip mobility, graded core work.",
    response: "Tolerated well; relaxation easier by the end of the visit.",
    plan: "Progress the core work; keep the breathing practice daily.",
  },
  soap: {
    subjective: "Reports a steadier week and better sleep.",
    objective: "Engaged and settled; on time.",
    assessment: "Making progress toward the plan's goals.",
    plan: "Continue the current focus; review the homework next time.",
  },
};

export async function seedDemoNotes(tx: Tx, now: Date): Promise<void> {
  const slugs = Object.values(DEMO_PRACTICE_SLUGS);
  const demo = await tx.select({ id: practices.id, kind: practices.kind }).from(practices).where(inArray(practices.slug, slugs));
  for (const practice of demo) {
    await installNoteTemplates(tx, practice.id);
    const templates = await tx
      .select({ slug: noteTemplates.slug, versionId: noteTemplateVersions.id })
      .from(noteTemplateVersions)
      .innerJoin(noteTemplates, eq(noteTemplates.id, noteTemplateVersions.templateId))
      .where(eq(noteTemplates.practiceId, practice.id))
      .orderBy(asc(noteTemplateVersions.version));
    const versionOf = (slug: string) => templates.findLast((t) => t.slug === slug)?.versionId;
    const past = await tx
      .select({ id: appointments.id, memberId: appointments.memberId, endsAt: appointments.endsAt, userId: members.userId })
      .from(appointments)
      .innerJoin(members, eq(members.id, appointments.memberId))
      .where(
        and(
          eq(appointments.practiceId, practice.id),
          inArray(appointments.status, ["confirmed", "completed"]),
          gte(appointments.startsAt, new Date(now.getTime() - 30 * DAY)),
          lte(appointments.endsAt, now),
        ),
      )
      .orderBy(desc(appointments.startsAt));
    if (past.length === 0) continue;
    const people = await tx
      .select({ appointmentId: appointmentAttendees.appointmentId, clientId: appointmentAttendees.clientId })
      .from(appointmentAttendees)
      .where(and(eq(appointmentAttendees.practiceId, practice.id), inArray(appointmentAttendees.appointmentId, past.map((p) => p.id))))
      .orderBy(asc(appointmentAttendees.createdAt));
    const skipped = new Set<string>();
    const rows = past.flatMap((a) => {
      if (!skipped.has(a.memberId)) {
        skipped.add(a.memberId);
        return [];
      }
      const attendees = people.filter((p) => p.appointmentId === a.id).map((p) => p.clientId);
      if (attendees.length === 0) return [];
      const slug = attendees.length > 1 ? "couples-session" : practice.kind === "pelvic_pt" ? "pelvic-pt-daily" : "soap";
      const templateVersionId = versionOf(slug);
      if (!templateVersionId) return [];
      const signedAt = new Date(a.endsAt.getTime() + 2 * 3_600_000);
      return [
        {
          practiceId: practice.id,
          clientId: attendees[0]!,
          partnerClientId: attendees[1] ?? null,
          appointmentId: a.id,
          kind: "progress" as const,
          authorUserId: a.userId,
          templateVersionId,
          content: CONTENT[slug]!,
          status: "signed" as const,
          signedByUserId: a.userId,
          signedAt: signedAt < now ? signedAt : now,
          createdAt: a.endsAt,
          updatedAt: signedAt < now ? signedAt : now,
        },
      ];
    });
    if (rows.length) await tx.insert(sessionNotes).values(rows);
  }
}
