import { formatIsoDay } from "@/lib/dates/format";

/** The dashboard's payments as CSV (pure). */

export interface PaymentRow {
  id: string;
  createdAt: Date;
  paidAt: Date | null;
  kind: string;
  status: string;
  amountCents: number;
  refundedCents: number;
  currency: string;
  description: string;
  clientId: string;
  clientName: string;
  clinicianName: string | null;
  serviceName: string | null;
}

export function csvOfPayments(rows: PaymentRow[], zone: string): string {
  const head = ["date", "client", "description", "clinician", "service", "kind", "status", "currency", "amount", "refunded"];
  const money = (cents: number) => (cents / 100).toFixed(2);
  const cell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v);
  const date = (d: Date) => formatIsoDay(d, zone);
  const lines = rows.map((r) =>
    [date(r.createdAt), r.clientName, r.description, r.clinicianName ?? "", r.serviceName ?? "", r.kind, r.status, r.currency, money(r.amountCents), money(r.refundedCents)].map(cell).join(","),
  );
  return [head.join(","), ...lines].join("\r\n") + "\r\n";
}
