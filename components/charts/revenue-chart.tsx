"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Net revenue by month (one currency). The page pairs it with a table of the same figures. */
export function RevenueChart({ data, currency, label }: { data: { month: string; net: number }[]; currency: string; label: string }) {
  const money = (v: number) => new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(v);
  return (
    <div role="img" aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={money} tick={{ fontSize: 12 }} width={72} />
          <Tooltip formatter={(v) => money(Number(v))} />
          <Bar dataKey="net" name="Net revenue" fill="#23524a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
