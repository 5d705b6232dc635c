import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { z } from "zod";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointmentCptLines,
  appointmentDiagnoses,
  appointments,
  clients,
  creditUses,
  memberBilling,
  members,
  payments,
  practiceBilling,
  practices,
  serviceCptLines,
  services,
} from "@/db/schema";
import type { CptLine } from "./cpt-lines";
import { formatMoney } from "@/lib/money";
import { formatCalendarDate, localDate } from "@/lib/dates";

export const superbillQuerySchema = z
  .object({
    from: z.iso.date({ message: "Choose a start date" }),
    to: z.iso.date({ message: "Choose an end date" }),
  })
  .refine((v) => v.from <= v.to, { path: ["to"], message: "The end date must be on or after the start date" });

export interface SuperbillLine {
  date: string;
  service: string;
  /** The visit's own CPT lines if its clinician set them, else the service's. */
  cpt: CptLine[];
  icd10: string[];
  clinician: string;
  license: string | null;
  npi: string | null;
  feeCents: number;
  paidCents: number;
  byCredit: boolean;
  currency: string;
}

export interface Superbill {
  practice: { name: string; address: string; phone: string | null; email: string | null; taxId: string | null; npi: string | null };
  client: { name: string; dateOfBirth: string | null; address: string | null; email: string | null; phone: string | null };
  from: string;
  to: string;
  /** The practice's locale: how the printed dates read (the fields stay YYYY-MM-DD). */
  locale?: string;
  lines: SuperbillLine[];
}

/**
 * What a superbill lists for one client and date range (practice's zone):
 * the sessions they attended (completed, or confirmed and past), each with
 * its CPT lines (code, units, modifiers: the visit's own, else the
 * service's), the clinician's recorded ICD-10 codes, the fee and what was
 * paid for it (payments less refunds; a package credit counts as paid in
 * full). The fee is the visit's charged amount, once per visit, not split
 * across its lines: the practice prices visits, not codes (decision 0043).
 */
export async function buildSuperbill(practiceId: string, clientId: string, range: { from: string; to: string }, now: Date): Promise<Superbill | null> {
  const [row] = await db
    .select({ practice: practices, billing: practiceBilling, client: clients })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .leftJoin(practiceBilling, eq(practiceBilling.practiceId, practices.id))
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)));
  if (!row) return null;
  const zone = row.practice.timeZone;
  const sessions = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      status: appointments.status,
      priceCents: appointments.priceCents,
      currency: appointments.currency,
      serviceId: services.id,
      service: services.name,
      clinician: members.displayName,
      credentials: members.credentials,
      license: memberBilling.licenseNumber,
      npi: memberBilling.npi,
      icd10: appointmentDiagnoses.icd10Codes,
    })
    .from(appointmentAttendees)
    .innerJoin(appointments, eq(appointments.id, appointmentAttendees.appointmentId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(members, eq(members.id, appointments.memberId))
    .leftJoin(memberBilling, eq(memberBilling.memberId, members.id))
    .leftJoin(appointmentDiagnoses, eq(appointmentDiagnoses.appointmentId, appointments.id))
    .where(
      and(
        eq(appointmentAttendees.clientId, clientId),
        eq(appointments.practiceId, practiceId),
        inArray(appointments.status, ["completed", "confirmed"]),
        lt(appointments.startsAt, now),
        gte(appointments.startsAt, sql`(${range.from}::date)::timestamp at time zone ${zone}`),
        lt(appointments.startsAt, sql`((${range.to}::date + 1)::timestamp) at time zone ${zone}`),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  const ids = sessions.map((s) => s.id);
  const paid = ids.length
    ? await db
        .select({ appointmentId: payments.appointmentId, cents: sql<number>`sum(${payments.amountCents} - ${payments.refundedCents})::int` })
        .from(payments)
        .where(and(inArray(payments.appointmentId, ids), eq(payments.status, "succeeded")))
        .groupBy(payments.appointmentId)
    : [];
  const cptLine = { code: serviceCptLines.code, units: serviceCptLines.units, modifiers: serviceCptLines.modifiers };
  const serviceIds = [...new Set(sessions.map((s) => s.serviceId))];
  const serviceLines = serviceIds.length
    ? await db.select({ serviceId: serviceCptLines.serviceId, ...cptLine }).from(serviceCptLines).where(and(inArray(serviceCptLines.serviceId, serviceIds), eq(serviceCptLines.practiceId, practiceId))).orderBy(asc(serviceCptLines.position))
    : [];
  const visitLines = ids.length
    ? await db
        .select({ appointmentId: appointmentCptLines.appointmentId, code: appointmentCptLines.code, units: appointmentCptLines.units, modifiers: appointmentCptLines.modifiers })
        .from(appointmentCptLines)
        .where(and(inArray(appointmentCptLines.appointmentId, ids), eq(appointmentCptLines.practiceId, practiceId)))
        .orderBy(asc(appointmentCptLines.position))
    : [];
  const strip = ({ code, units, modifiers }: CptLine): CptLine => ({ code, units, modifiers });
  const linesFor = (appointmentId: string, serviceId: string): CptLine[] => {
    const own = visitLines.filter((l) => l.appointmentId === appointmentId);
    return (own.length > 0 ? own : serviceLines.filter((l) => l.serviceId === serviceId)).map(strip);
  };
  const credited = ids.length ? await db.select({ appointmentId: creditUses.appointmentId }).from(creditUses).where(and(inArray(creditUses.appointmentId, ids), isNull(creditUses.returnedAt))) : [];
  const p = row.practice;
  return {
    practice: {
      name: p.name,
      address: [p.addressLine1, p.addressLine2, [p.city, p.region, p.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", "),
      phone: p.phone,
      email: p.email,
      taxId: row.billing?.taxId ?? null,
      npi: row.billing?.npi ?? null,
    },
    client: { name: `${row.client.firstName} ${row.client.lastName}`, dateOfBirth: row.client.dateOfBirth, address: clientAddress(row.client), email: row.client.email, phone: row.client.phone },
    from: range.from,
    to: range.to,
    locale: p.locale,
    lines: sessions.map((s) => {
      const byCredit = credited.some((c) => c.appointmentId === s.id);
      return {
        date: localDate(s.startsAt, zone),
        service: s.service,
        cpt: linesFor(s.id, s.serviceId),
        icd10: s.icd10 ?? [],
        clinician: s.credentials ? `${s.clinician}, ${s.credentials}` : s.clinician,
        license: s.license ?? null,
        npi: s.npi ?? null,
        feeCents: s.priceCents,
        paidCents: byCredit ? s.priceCents : (paid.find((x) => x.appointmentId === s.id)?.cents ?? 0),
        byCredit,
        currency: s.currency,
      };
    }),
  };
}

/** A client's postal address on one line, or null when none is recorded. */
export function clientAddress(c: { addressLine1: string | null; addressLine2: string | null; city: string | null; region: string | null; postalCode: string | null; country: string | null }): string | null {
  if (!c.addressLine1) return null;
  return [c.addressLine1, c.addressLine2, [c.city, [c.region, c.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", "), c.country].filter(Boolean).join(", ");
}

/**
 * The superbill as a PDF (pdf-lib: pure JavaScript, no native build or
 * headless browser, standard fonts embedded, maintained). US Letter.
 */
export async function superbillPdf(bill: Superbill): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Superbill ${bill.client.name} ${bill.from} to ${bill.to}`);
  doc.setAuthor(bill.practice.name);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([612, 792]);
  let y = 750;
  const left = 40;
  const text = (t: string, x: number, size = 10, f: PDFFont = font, target: PDFPage = page) => target.drawText(ascii(t), { x, y, size, font: f, color: rgb(0.1, 0.12, 0.13) });
  const line = (t: string, size = 10, f: PDFFont = font) => {
    text(t, left, size, f);
    y -= size + 5;
  };

  line("SUPERBILL", 16, bold);
  const day = (date: string) => formatCalendarDate(date, bill.locale, { short: true });
  line(`Statement of services ${day(bill.from)} to ${day(bill.to)}`, 10);
  y -= 6;
  line(bill.practice.name, 12, bold);
  if (bill.practice.address) line(bill.practice.address);
  line([bill.practice.phone, bill.practice.email].filter(Boolean).join(" · ") || " ");
  line(`Tax ID (EIN): ${bill.practice.taxId ?? "not set"}    Practice NPI: ${bill.practice.npi ?? "not set"}`);
  y -= 6;
  line("Client", 11, bold);
  line(bill.client.name);
  line(`Date of birth: ${bill.client.dateOfBirth ? formatCalendarDate(bill.client.dateOfBirth, bill.locale) : "not recorded"}`);
  line(`Address: ${bill.client.address ?? "not recorded"}`);
  line([bill.client.email, bill.client.phone].filter(Boolean).join(" · ") || " ");
  y -= 8;

  const cols = [
    { label: "Date", x: left },
    { label: "CPT", x: left + 62 },
    { label: "Units", x: left + 100 },
    { label: "Modifiers", x: left + 130 },
    { label: "ICD-10", x: left + 186 },
    { label: "Clinician / license", x: left + 262 },
    { label: "Fee", x: left + 430 },
    { label: "Paid", x: left + 486 },
  ];
  const header = () => {
    for (const c of cols) text(c.label, c.x, 9, bold);
    y -= 4;
    page.drawLine({ start: { x: left, y }, end: { x: 572, y }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
    y -= 12;
  };
  header();
  let fee = 0;
  let paid = 0;
  const currency = bill.lines[0]?.currency ?? "USD";
  for (const l of bill.lines) {
    if (y < 90) {
      page = doc.addPage([612, 792]);
      y = 750;
      header();
    }
    text(day(l.date), cols[0]!.x, 9);
    const [first, ...more] = l.cpt;
    const cptRow = (c: CptLine | undefined) => {
      text(c?.code ?? "-", cols[1]!.x, 9);
      text(c ? String(c.units) : "-", cols[2]!.x, 9);
      text(c?.modifiers.join(" ") || "-", cols[3]!.x, 9);
    };
    cptRow(first);
    text(l.icd10.join(", ").slice(0, 20) || "-", cols[4]!.x, 9);
    text(l.clinician.slice(0, 30), cols[5]!.x, 9);
    text(money(l.feeCents, l.currency), cols[6]!.x, 9);
    text(money(l.paidCents, l.currency) + (l.byCredit ? "*" : ""), cols[7]!.x, 9);
    y -= 11;
    text(`${l.service.slice(0, 30)}`, cols[0]!.x + 6, 8);
    text(`License ${l.license ?? "not set"}${l.npi ? `, NPI ${l.npi}` : ""}`.slice(0, 36), cols[5]!.x, 8);
    // A visit's further CPT lines, one per row under the first.
    for (const c of more) {
      y -= 11;
      cptRow(c);
    }
    y -= 15;
    fee += l.feeCents;
    paid += l.paidCents;
  }
  if (bill.lines.length === 0) line("No sessions in this period.");
  y -= 4;
  page.drawLine({ start: { x: left, y: y + 10 }, end: { x: 572, y: y + 10 }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
  text("Total", cols[5]!.x, 10, bold);
  text(money(fee, currency), cols[6]!.x, 10, bold);
  text(money(paid, currency), cols[7]!.x, 10, bold);
  y -= 24;
  if (bill.lines.some((l) => l.byCredit)) line("* paid with a prepaid package credit", 8);
  line("Fees are per visit; a visit with several CPT lines lists its fee once.", 8);
  line("Prepared for the client's out-of-network insurance claim.", 8);
  return doc.save();
}

export function money(cents: number, currency: string): string {
  return formatMoney(cents, currency).replace(/[^\x20-\x7E]/g, (c) => (c === "£" ? "GBP " : c === "€" ? "EUR " : ""));
}

/** Standard fonts carry WinAnsi only: keep text to what they can draw. */
export function ascii(value: string): string {
  return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7E£€]/g, "?");
}
