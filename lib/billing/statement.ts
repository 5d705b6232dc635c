import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, clients, creditUses, fees, packagePurchases, packages, payments, practices, refunds, services } from "@/db/schema";
import { formatCalendarDate, localDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { FEE_LABELS } from "./payment-label";
import { paymentMethodLabel } from "./desk-schema";

/**
 * A client's statement for a date range (issue 11, problem 4; decision
 * 0038): what they were charged, what they paid and how, what came back,
 * and the balance before and after. Read from the same ledger as
 * everything else: sessions, fees, packages, payments, refunds.
 */

export interface StatementLine {
  date: string;
  description: string;
  /** Positive: owed (a charge, a refund paid out); negative: paid. */
  chargeCents: number;
  paidCents: number;
  refundedCents: number;
  balanceCents: number;
}

export interface Statement {
  practice: { name: string; address: string; email: string | null; phone: string | null };
  client: { name: string; email: string | null };
  from: string;
  to: string;
  /** The practice's locale: how the printed dates read (the fields stay YYYY-MM-DD). */
  locale?: string;
  currency: string;
  openingCents: number;
  closingCents: number;
  lines: StatementLine[];
  totals: { chargeCents: number; paidCents: number; refundedCents: number };
}

type Entry = { at: Date; date: string; description: string; charge: number; paid: number; refunded: number };

/**
 * Who a session's price is charged to: the clients who paid for it when
 * booking online (half each for a split), otherwise the first attendee; a session paid with
 * a package credit is charged through the package instead.
 */
function sessionShare(clientId: string, price: number, attendees: string[], payers: { clientId: string; splitPart: number | null }[]): number {
  const paying = [...new Set(payers.map((p) => p.clientId))];
  const owners = paying.length ? paying : attendees.slice(0, 1);
  if (!owners.includes(clientId)) return 0;
  const share = Math.floor(price / owners.length);
  return owners[0] === clientId ? price - share * (owners.length - 1) : share;
}

export async function buildStatement(practiceId: string, clientId: string, range: { from: string; to: string }, now: Date): Promise<Statement | null> {
  const [row] = await db
    .select({ practice: practices, client: clients })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)));
  if (!row) return null;
  const zone = row.practice.timeZone;
  const entries: Entry[] = [];
  const push = (at: Date, description: string, amounts: Partial<Pick<Entry, "charge" | "paid" | "refunded">>) =>
    entries.push({ at, date: localDate(at, zone), description, charge: amounts.charge ?? 0, paid: amounts.paid ?? 0, refunded: amounts.refunded ?? 0 });

  // Sessions: attended, or booked and already past (what a superbill also counts).
  const sessions = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status, price: appointments.priceCents, service: services.name })
    .from(appointmentAttendees)
    .innerJoin(appointments, eq(appointments.id, appointmentAttendees.appointmentId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(and(eq(appointmentAttendees.clientId, clientId), eq(appointments.practiceId, practiceId), inArray(appointments.status, ["completed", "confirmed"])));
  const past = sessions.filter((s) => s.status === "completed" || s.startsAt < now);
  const ids = past.map((s) => s.id);
  const attendees = ids.length ? await db.select({ appointmentId: appointmentAttendees.appointmentId, clientId: appointmentAttendees.clientId }).from(appointmentAttendees).where(inArray(appointmentAttendees.appointmentId, ids)).orderBy(appointmentAttendees.createdAt) : [];
  const payers = ids.length
    ? await db
        .select({ appointmentId: payments.appointmentId, clientId: payments.clientId, splitPart: payments.splitPart })
        .from(payments)
        .where(and(inArray(payments.appointmentId, ids), inArray(payments.kind, ["session", "deposit"]), eq(payments.status, "succeeded"), eq(payments.method, "stripe"), isNull(payments.createdByUserId)))
    : [];
  const credited = ids.length ? await db.select({ appointmentId: creditUses.appointmentId }).from(creditUses).where(and(inArray(creditUses.appointmentId, ids), isNull(creditUses.returnedAt))) : [];
  for (const s of past) {
    const byCredit = credited.some((c) => c.appointmentId === s.id);
    const share = byCredit ? 0 : sessionShare(clientId, s.price, attendees.filter((a) => a.appointmentId === s.id).map((a) => a.clientId), payers.filter((p) => p.appointmentId === s.id));
    if (byCredit) push(s.startsAt, `${s.service} (package credit)`, {});
    else if (share > 0) push(s.startsAt, s.service, { charge: share });
  }

  const feeRows = await db.select().from(fees).where(and(eq(fees.practiceId, practiceId), eq(fees.clientId, clientId), inArray(fees.status, ["open", "paid"])));
  for (const f of feeRows) push(f.createdAt, FEE_LABELS[f.kind], { charge: f.amountCents });

  const bought = await db
    .select({ at: packagePurchases.activatedAt, name: packages.name, price: packages.priceCents })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(and(eq(packagePurchases.practiceId, practiceId), eq(packagePurchases.clientId, clientId), isNotNull(packagePurchases.activatedAt)));
  for (const b of bought) push(b.at!, `Package: ${b.name}`, { charge: b.price });

  const paid = await db.select().from(payments).where(and(eq(payments.practiceId, practiceId), eq(payments.clientId, clientId), eq(payments.status, "succeeded")));
  for (const p of paid) push(p.paidAt!, `Payment, ${paymentMethodLabel(p)}`, { paid: p.amountCents });
  const back = paid.length
    ? await db
        .select({ r: refunds, method: payments.method })
        .from(refunds)
        .innerJoin(payments, eq(payments.id, refunds.paymentId))
        .where(and(inArray(refunds.paymentId, paid.map((p) => p.id)), eq(refunds.status, "succeeded")))
    : [];
  for (const r of back) push(r.r.createdAt, `Refund${r.method === "stripe" ? " to card" : ", handed back"}: ${r.r.reason}`, { refunded: r.r.amountCents });

  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  let opening = 0;
  let balance = 0;
  const lines: StatementLine[] = [];
  const totals = { chargeCents: 0, paidCents: 0, refundedCents: 0 };
  for (const e of entries) {
    if (e.date > range.to) break;
    balance += e.charge - e.paid + e.refunded;
    if (e.date < range.from) {
      opening = balance;
      continue;
    }
    totals.chargeCents += e.charge;
    totals.paidCents += e.paid;
    totals.refundedCents += e.refunded;
    lines.push({ date: e.date, description: e.description, chargeCents: e.charge, paidCents: e.paid, refundedCents: e.refunded, balanceCents: balance });
  }
  const p = row.practice;
  return {
    practice: { name: p.name, address: [p.addressLine1, p.addressLine2, [p.city, p.region, p.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", "), email: p.email, phone: p.phone },
    client: { name: `${row.client.firstName} ${row.client.lastName}`, email: row.client.email },
    from: range.from,
    to: range.to,
    locale: p.locale,
    currency: p.currency,
    openingCents: opening,
    closingCents: balance,
    lines,
    totals,
  };
}

/** The statement as a PDF, drawn like the superbill (pdf-lib, standard fonts). US Letter. */
export async function statementPdf(st: Statement): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Statement ${st.client.name} ${st.from} to ${st.to}`);
  doc.setAuthor(st.practice.name);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([612, 792]);
  let y = 750;
  const left = 40;
  const text = (t: string, x: number, size = 10, f: PDFFont = font) => page.drawText(ascii(t), { x, y, size, font: f, color: rgb(0.1, 0.12, 0.13) });
  const right = (t: string, x: number, size = 9, f: PDFFont = font) => text(t, x - f.widthOfTextAtSize(ascii(t), size), size, f);
  const line = (t: string, size = 10, f: PDFFont = font) => {
    text(t, left, size, f);
    y -= size + 5;
  };
  const m = (cents: number) => money(cents, st.currency);

  line("STATEMENT", 16, bold);
  const day = (date: string) => formatCalendarDate(date, st.locale, { short: true });
  line(`Period ${day(st.from)} to ${day(st.to)}`);
  y -= 6;
  line(st.practice.name, 12, bold);
  if (st.practice.address) line(st.practice.address);
  line([st.practice.phone, st.practice.email].filter(Boolean).join(" - ") || " ");
  y -= 6;
  line("Client", 11, bold);
  line(st.client.name);
  if (st.client.email) line(st.client.email);
  y -= 8;
  line(`Opening balance: ${m(st.openingCents)}`, 10, bold);
  y -= 4;

  const cols = { date: left, what: left + 70, charge: 400, paid: 460, refund: 515, balance: 572 };
  const header = () => {
    text("Date", cols.date, 9, bold);
    text("Description", cols.what, 9, bold);
    right("Charges", cols.charge, 9, bold);
    right("Payments", cols.paid, 9, bold);
    right("Refunds", cols.refund, 9, bold);
    right("Balance", cols.balance, 9, bold);
    y -= 4;
    page.drawLine({ start: { x: left, y }, end: { x: 572, y }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
    y -= 12;
  };
  header();
  for (const l of st.lines) {
    if (y < 90) {
      page = doc.addPage([612, 792]);
      y = 750;
      header();
    }
    text(day(l.date), cols.date, 9);
    text(l.description.slice(0, 52), cols.what, 9);
    if (l.chargeCents) right(m(l.chargeCents), cols.charge);
    if (l.paidCents) right(m(l.paidCents), cols.paid);
    if (l.refundedCents) right(m(l.refundedCents), cols.refund);
    right(m(l.balanceCents), cols.balance);
    y -= 14;
  }
  if (st.lines.length === 0) line("Nothing was charged or paid in this period.", 9);
  page.drawLine({ start: { x: left, y: y + 8 }, end: { x: 572, y: y + 8 }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
  y -= 4;
  text("Totals", cols.what, 9, bold);
  right(m(st.totals.chargeCents), cols.charge, 9, bold);
  right(m(st.totals.paidCents), cols.paid, 9, bold);
  right(m(st.totals.refundedCents), cols.refund, 9, bold);
  y -= 20;
  line(`Closing balance: ${m(st.closingCents)}${st.closingCents < 0 ? " (in credit)" : st.closingCents > 0 ? " (due)" : ""}`, 10, bold);
  return doc.save();
}

function money(cents: number, currency: string): string {
  return formatMoney(cents, currency).replace(/[^\x20-\x7E]/g, (c) => (c === "£" ? "GBP " : c === "€" ? "EUR " : c === "−" ? "-" : ""));
}

/** Standard fonts carry WinAnsi only: keep text to what they can draw. */
function ascii(value: string): string {
  return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7E£€]/g, "?");
}
