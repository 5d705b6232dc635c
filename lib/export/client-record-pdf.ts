import type { TransactionSql } from "postgres";
import { formatCalendarDate, formatDateTime, formatShortDate, localDate, practiceReader } from "@/lib/dates";
import { formatAnswer } from "@/lib/intake/format-answer";
import { allQuestions, isAnswerable, type FormDefinition } from "@/lib/intake/form-definition";
import type { Answers } from "@/lib/intake/answers";
import { MEASURE_NAMES, isMeasureId, type MeasureScore } from "@/lib/intake/measures/types";
import { formatMoney } from "@/lib/money";
import { PdfWriter, ascii } from "./pdf-writer";

/**
 * What the readable record shows, read in the export's snapshot: the
 * client's own answers, check-ins and payments only (never the partner's),
 * the couple's shared homework, and the sessions they attended or booked.
 */
export interface ClientRecordData {
  practice: { name: string; timeZone: string; locale: string };
  client: {
    firstName: string;
    lastName: string;
    preferredName: string | null;
    pronouns: string | null;
    email: string | null;
    phone: string | null;
    dateOfBirth: string | null;
    status: string;
    createdAt: Date;
  };
  partner: { firstName: string; lastName: string } | null;
  responses: {
    title: string;
    kind: string;
    measure: string | null;
    version: number;
    status: string;
    definition: FormDefinition;
    answers: Answers;
    scores: MeasureScore | null;
    submittedAt: Date | null;
    createdAt: Date;
    signatureName: string | null;
    signedAt: Date | null;
  }[];
  appointments: { startsAt: Date; status: string; format: string; service: string; clinician: string; priceCents: number; currency: string; couple: boolean; icd10: string[] | null }[];
  homework: { id: string; title: string; mode: string; startDate: string; dueDate: string; endedAt: Date | null; personalNote: string | null; couple: boolean }[];
  checkIns: { assignmentId: string; exercise: string; date: string; done: boolean; ratings: Record<string, number>; reflection: string | null; sharedWithPartner: boolean }[];
  payments: { createdAt: Date; paidAt: Date | null; kind: string; status: string; description: string; amountCents: number; refundedCents: number; currency: string }[];
}

export async function loadClientRecord(tx: TransactionSql, practiceId: string, clientId: string): Promise<ClientRecordData | null> {
  const [head] = await tx<{ practice_name: string; time_zone: string; locale: string; client: ClientRecordData["client"] & Record<string, unknown> }[]>`
    select p.name as practice_name, p.time_zone, p.locale,
      json_build_object('firstName', c.first_name, 'lastName', c.last_name, 'preferredName', c.preferred_name, 'pronouns', c.pronouns,
        'email', c.email, 'phone', c.phone, 'dateOfBirth', c.date_of_birth, 'status', c.status, 'createdAt', c.created_at) as client
    from clients c join practices p on p.id = c.practice_id
    where c.practice_id = ${practiceId} and c.id = ${clientId}`;
  if (!head) return null;
  const [partner] = await tx<{ first_name: string; last_name: string }[]>`
    select o.first_name, o.last_name from couples k
    join clients o on o.practice_id = k.practice_id and o.id = case when k.client_a_id = ${clientId} then k.client_b_id else k.client_a_id end
    where k.practice_id = ${practiceId} and (k.client_a_id = ${clientId} or k.client_b_id = ${clientId})`;
  const responses = await tx<
    {
      title: string;
      kind: string;
      measure: string | null;
      version: number;
      status: string;
      definition: FormDefinition;
      answers: Answers;
      scores: MeasureScore | null;
      submitted_at: string | null;
      created_at: string;
      signature_name: string | null;
      signed_at: string | null;
    }[]
  >`
    select t.title, t.kind, t.measure, v.version, r.status, v.definition, r.answers, r.scores, to_json(r.submitted_at) as submitted_at, to_json(r.created_at) as created_at, r.signature_name, to_json(r.signed_at) as signed_at
    from form_responses r
    join form_versions v on v.id = r.version_id
    join form_templates t on t.id = r.template_id
    where r.practice_id = ${practiceId} and r.client_id = ${clientId}
    order by coalesce(r.submitted_at, r.created_at), r.id`;
  const appointments = await tx<
    { starts_at: string; status: string; format: string; service: string; clinician: string; price_cents: number; currency: string; couple: boolean; icd10: string[] | null }[]
  >`
    select to_json(a.starts_at) as starts_at, a.status, a.format, s.name as service, m.display_name as clinician, a.price_cents, a.currency, a.couple_id is not null as couple, d.icd10_codes as icd10
    from appointment_attendees x
    join appointments a on a.id = x.appointment_id
    join services s on s.id = a.service_id
    join members m on m.id = a.member_id
    left join appointment_diagnoses d on d.appointment_id = a.id
    where x.practice_id = ${practiceId} and x.client_id = ${clientId}
    order by a.starts_at, a.id`;
  const homework = await tx<{ id: string; title: string; mode: string; start_date: string; due_date: string; ended_at: string | null; personal_note: string | null; couple: boolean }[]>`
    select h.id, coalesce(e.title, p.title) as title, h.mode, h.start_date::text, h.due_date::text, to_json(h.ended_at) as ended_at, h.personal_note, h.couple_id is not null as couple
    from homework_assignments h
    left join exercises e on e.id = h.exercise_id
    left join programs p on p.id = h.program_id
    where h.practice_id = ${practiceId}
      and (h.client_id = ${clientId} or h.couple_id in (select k.id from couples k where k.practice_id = ${practiceId} and (k.client_a_id = ${clientId} or k.client_b_id = ${clientId})))
    order by h.start_date, h.id`;
  const checkIns = await tx<{ assignment_id: string; exercise: string; date: string; done: boolean; ratings: Record<string, number>; reflection: string | null; shared_with_partner: boolean }[]>`
    select c.assignment_id, e.title as exercise, c.date::text, c.done, c.ratings, c.reflection, c.shared_with_partner
    from homework_check_ins c join exercises e on e.id = c.exercise_id
    where c.practice_id = ${practiceId} and c.client_id = ${clientId}
    order by c.date, c.id`;
  const payments = await tx<
    { created_at: string; paid_at: string | null; kind: string; status: string; description: string; amount_cents: number; refunded_cents: number; currency: string }[]
  >`
    select to_json(p.created_at) as created_at, to_json(p.paid_at) as paid_at, p.kind, p.status, p.description, p.amount_cents, p.refunded_cents, p.currency
    from payments p where p.practice_id = ${practiceId} and p.client_id = ${clientId}
    order by p.created_at, p.id`;
  const c = head.client;
  return {
    practice: { name: head.practice_name, timeZone: head.time_zone, locale: head.locale },
    client: { ...c, createdAt: new Date(c.createdAt) },
    partner: partner ? { firstName: partner.first_name, lastName: partner.last_name } : null,
    responses: responses.map((r) => ({
      title: r.title,
      kind: r.kind,
      measure: r.measure,
      version: r.version,
      status: r.status,
      definition: r.definition,
      answers: r.answers,
      scores: r.scores,
      submittedAt: at(r.submitted_at),
      createdAt: at(r.created_at)!,
      signatureName: r.signature_name,
      signedAt: at(r.signed_at),
    })),
    appointments: appointments.map((a) => ({
      startsAt: at(a.starts_at)!,
      status: a.status,
      format: a.format,
      service: a.service,
      clinician: a.clinician,
      priceCents: a.price_cents,
      currency: a.currency,
      couple: a.couple,
      icd10: a.icd10,
    })),
    homework: homework.map((h) => ({
      id: h.id,
      title: h.title,
      mode: h.mode,
      startDate: h.start_date,
      dueDate: h.due_date,
      endedAt: at(h.ended_at),
      personalNote: h.personal_note,
      couple: h.couple,
    })),
    checkIns: checkIns.map((c) => ({
      assignmentId: c.assignment_id,
      exercise: c.exercise,
      date: c.date,
      done: c.done,
      ratings: c.ratings,
      reflection: c.reflection,
      sharedWithPartner: c.shared_with_partner,
    })),
    payments: payments.map((p) => ({
      createdAt: at(p.created_at)!,
      paidAt: at(p.paid_at),
      kind: p.kind,
      status: p.status,
      description: p.description,
      amountCents: p.amount_cents,
      refundedCents: p.refunded_cents,
      currency: p.currency,
    })),
  };
}

/** A timestamp the snapshot read as JSON (ISO 8601); drizzle leaves the shared pool's timestamps unparsed. */
function at(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** Each submitted answer with its question's wording and its form's version: `answers.json` in the ZIP. */
export function readableAnswers(record: ClientRecordData) {
  return record.responses.map((r) => ({
    form: r.title,
    kind: r.kind,
    version: r.version,
    status: r.status,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    score: r.scores
      ? {
          total: r.scores.total,
          max: r.scores.max,
          band: r.scores.bandLabel,
          ...(r.scores.subscales ? { scales: r.scores.subscales.map((sub) => ({ scale: sub.label, score: sub.score, max: sub.max })) } : {}),
        }
      : null,
    answers: allQuestions(r.definition)
      .filter(({ question }) => isAnswerable(question))
      .map(({ section, question }) => ({
        section: section.title,
        questionId: question.id,
        question: question.label,
        answer: r.answers[question.id] ?? null,
        shown: formatAnswer(question, r.answers[question.id]),
      })),
  }));
}

const STATUS: Record<string, string> = {
  held: "Held",
  pending_payment: "Waiting for payment",
  confirmed: "Confirmed",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
  late_cancelled: "Cancelled late",
  expired: "Expired",
};
const FORMAT: Record<string, string> = { in_person: "in person", online: "online", phone: "by phone" };

/** The readable record (record.pdf): details, intake responses, measures with charts, appointments, homework and check-ins, payments. */
export async function clientRecordPdf(record: ClientRecordData, now: Date, superbillNote: string): Promise<Uint8Array> {
  const zone = record.practice.timeZone;
  // The practice's zone and locale: how its staff read times (decision 0044).
  const reader = practiceReader(record.practice);
  const locale = record.practice.locale;
  const c = record.client;
  const name = `${c.firstName} ${c.lastName}`;
  const pdf = await PdfWriter.create(`Client record: ${name}`, record.practice.name);
  pdf.title(`Client record: ${name}`);
  pdf.text(`${record.practice.name} - exported ${formatDateTime(now, reader)} (${zone})`, { muted: true });

  pdf.heading("Details");
  pdf.field("Name", name);
  if (c.preferredName) pdf.field("Preferred name", c.preferredName);
  if (c.pronouns) pdf.field("Pronouns", c.pronouns);
  pdf.field("Date of birth", c.dateOfBirth ? formatCalendarDate(c.dateOfBirth, locale) : "not recorded");
  pdf.field("Email", c.email ?? "not recorded");
  pdf.field("Phone", c.phone ?? "not recorded");
  pdf.field("Status", c.status === "active" ? "Active" : "Archived");
  pdf.field("Client since", formatShortDate(localDate(c.createdAt, zone), locale));
  if (record.partner) pdf.field("In a couple with", `${record.partner.firstName} ${record.partner.lastName} (their own answers and check-ins are in their own record)`);

  const forms = record.responses.filter((r) => r.kind !== "measure");
  pdf.heading("Intake and other forms");
  if (forms.length === 0) pdf.text("No forms answered.", { muted: true });
  for (const r of forms) {
    pdf.subheading(`${r.title} (version ${r.version})`);
    pdf.text(r.submittedAt ? `Submitted ${formatDateTime(r.submittedAt, reader)}` : `Draft, started ${formatDateTime(r.createdAt, reader)}`, { muted: true });
    for (const { section, question } of allQuestions(r.definition)) {
      if (!isAnswerable(question)) continue;
      pdf.text(`${section.title}: ${question.label}`, { bold: true, indent: 8 });
      pdf.text(formatAnswer(question, r.answers[question.id]), { indent: 16 });
    }
    if (r.signatureName && r.signedAt) pdf.text(`Signed by ${r.signatureName} on ${formatDateTime(r.signedAt, reader)}`, { indent: 8, muted: true });
  }

  const measures = record.responses.filter((r) => r.kind === "measure" && r.status === "submitted" && r.scores);
  pdf.heading("Measures");
  if (measures.length === 0) pdf.text("No measures completed.", { muted: true });
  const byMeasure = new Map<string, typeof measures>();
  for (const r of measures) byMeasure.set(r.title, [...(byMeasure.get(r.title) ?? []), r]);
  for (const [title, rows] of byMeasure) {
    const m = rows[0]!.measure;
    pdf.subheading(isMeasureId(m) ? `${title} (${MEASURE_NAMES[m]})` : title);
    for (const r of rows) {
      const s = r.scores!;
      pdf.text(`${formatShortDate(localDate(r.submittedAt ?? r.createdAt, zone), locale)}: ${s.total === null ? "not scored" : `${s.total} of ${s.max}`}${s.bandLabel ? `, ${s.bandLabel}` : ""} (version ${r.version})`, { indent: 8 });
      if (s.subscales?.length) pdf.text(s.subscales.map((sub) => `${sub.label} ${sub.score === null ? "not scored" : `${sub.score} of ${sub.max}`}`).join("; "), { indent: 16 });
    }
    const points = rows.filter((r) => r.scores!.total !== null).map((r) => ({ label: localDate(r.submittedAt ?? r.createdAt, zone), value: r.scores!.total! }));
    if (points.length > 1) pdf.chart(points, rows[0]!.scores!.max);
  }

  pdf.heading("Appointments");
  if (record.appointments.length === 0) pdf.text("No appointments.", { muted: true });
  for (const a of record.appointments) {
    pdf.text(
      `${formatDateTime(a.startsAt, reader)} - ${a.service}${a.couple ? " (couple)" : ""} with ${a.clinician}, ${FORMAT[a.format] ?? a.format}: ${STATUS[a.status] ?? a.status}, ${money(a.priceCents, a.currency)}${a.icd10?.length ? `; ICD-10 ${a.icd10.join(", ")}` : ""}`,
    );
  }

  pdf.heading("Homework and check-ins");
  if (record.homework.length === 0) pdf.text("No homework.", { muted: true });
  for (const h of record.homework) {
    pdf.subheading(`${h.title}${h.couple ? (h.mode === "together" ? " (as a couple, together)" : " (each partner)") : ""}`);
    pdf.text(`${formatShortDate(h.startDate, locale)} to ${formatShortDate(h.dueDate, locale)}${h.endedAt ? `, ended ${formatShortDate(localDate(h.endedAt, zone), locale)}` : ""}`, { muted: true });
    if (h.personalNote) pdf.text(`Note from the clinician: ${h.personalNote}`, { indent: 8 });
    const mine = record.checkIns.filter((c) => c.assignmentId === h.id);
    if (mine.length === 0) pdf.text("No check-ins.", { indent: 8, muted: true });
    for (const ci of mine) {
      const ratings = Object.entries(ci.ratings)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      pdf.text(`${formatShortDate(ci.date, locale)} - ${ci.exercise}: ${ci.done ? "done" : "not done"}${ratings ? `; ${ratings}` : ""}`, { indent: 8 });
      if (ci.reflection) pdf.text(`Reflection${ci.sharedWithPartner ? " (shared with partner)" : ""}: ${ci.reflection}`, { indent: 16 });
    }
  }

  pdf.heading("Payments and superbills");
  if (record.payments.length === 0) pdf.text("No payments.", { muted: true });
  for (const p of record.payments) {
    const refunded = p.refundedCents > 0 ? `, ${money(p.refundedCents, p.currency)} refunded` : "";
    pdf.text(`${formatShortDate(localDate(p.paidAt ?? p.createdAt, zone), locale)} - ${p.description}: ${money(p.amountCents, p.currency)}, ${p.status}${refunded}`);
  }
  pdf.gap(6);
  pdf.text(superbillNote, { muted: true });
  return pdf.save();
}

function money(cents: number, currency: string): string {
  return ascii(formatMoney(cents, currency).replace("£", "GBP ").replace("€", "EUR "));
}
