import { FEE_LABELS, type FeeKind } from "@/lib/billing/fees";
import { formatShortDate, localDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

/** An open fee (lib/billing/billing-queries outstandingBalances). */
export interface FeeRow {
  id: string;
  kind: FeeKind;
  amountCents: number;
  currency: string;
  createdAt: Date;
  clientId: string;
  firstName: string;
  lastName: string;
}

/** A payment that failed or still waits, with no later payment that succeeded for the same thing. */
export interface OpenPaymentRow {
  id: string;
  status: "failed" | "pending";
  amountCents: number;
  currency: string;
  description: string;
  clientId: string;
  firstName: string;
  lastName: string;
  createdAt: Date;
}

export interface HomeBalance {
  clientId: string;
  who: string;
  /** "$50.00", or "$50.00 · £40.00" across currencies. */
  amount: string;
  /** "No-show fee", "Late-cancellation fee, No-show fee". */
  what: string;
  since: string;
}

export interface HomePaymentLine {
  paymentId: string;
  clientId: string;
  who: string;
  amount: string;
  description: string;
  since: string;
}

export interface HomeBilling {
  /** Totals owed per currency, "$125.00 · £40.00"; null when nothing is owed. */
  totalDue: string | null;
  balances: HomeBalance[];
  failed: HomePaymentLine[];
  waiting: HomePaymentLine[];
}

const amounts = (byCurrency: Map<string, number>) => [...byCurrency.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([c, n]) => formatMoney(n, c)).join(" · ");

/** Balances due per client (largest first), failed charges and payments waiting (oldest first). Pure. */
export function shapeBilling(fees: readonly FeeRow[], openPayments: readonly OpenPaymentRow[], zone: string): HomeBilling {
  const byClient = new Map<string, { who: string; owed: Map<string, number>; kinds: Set<FeeKind>; oldest: Date; sortKey: number }>();
  const total = new Map<string, number>();
  for (const f of fees) {
    const entry = byClient.get(f.clientId) ?? { who: `${f.firstName} ${f.lastName}`, owed: new Map(), kinds: new Set(), oldest: f.createdAt, sortKey: 0 };
    entry.owed.set(f.currency, (entry.owed.get(f.currency) ?? 0) + f.amountCents);
    entry.kinds.add(f.kind);
    if (f.createdAt < entry.oldest) entry.oldest = f.createdAt;
    entry.sortKey += f.amountCents;
    byClient.set(f.clientId, entry);
    total.set(f.currency, (total.get(f.currency) ?? 0) + f.amountCents);
  }
  const balances = [...byClient.entries()]
    .sort((a, b) => b[1].sortKey - a[1].sortKey || a[1].who.localeCompare(b[1].who))
    .map(([clientId, e]) => ({
      clientId,
      who: e.who,
      amount: amounts(e.owed),
      what: [...e.kinds].sort().map((k) => FEE_LABELS[k]).join(", "),
      since: `Since ${formatShortDate(localDate(e.oldest, zone))}`,
    }));
  const line = (p: OpenPaymentRow): HomePaymentLine => ({
    paymentId: p.id,
    clientId: p.clientId,
    who: `${p.firstName} ${p.lastName}`,
    amount: formatMoney(p.amountCents, p.currency),
    description: p.description,
    since: formatShortDate(localDate(p.createdAt, zone)),
  });
  const byAge = [...openPayments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  return {
    totalDue: total.size > 0 ? amounts(total) : null,
    balances,
    failed: byAge.filter((p) => p.status === "failed").map(line),
    waiting: byAge.filter((p) => p.status === "pending").map(line),
  };
}
