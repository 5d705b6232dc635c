"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDayMonth, type Reader } from "@/lib/dates/format";

export interface MeasureSeries {
  key: string;
  label: string;
  points: { at: number; total: number }[];
}

const COLORS = ["#1f5a50", "#a4262c", "#2f6fb0", "#7a4b00"];

/**
 * A measure's totals over time, one line per person (both partners on one
 * chart for a CSI) or per scale (PFDI-20, PFIQ-7). The page pairs it with a
 * table of the same figures.
 */
export function MeasureChart({
  title,
  max,
  series,
  cutoff,
  reader,
}: {
  title: string;
  max: number;
  series: MeasureSeries[];
  cutoff?: { value: number; label: string };
  /** The practice's zone and locale: the ticks name the practice's day, not the browser's. */
  reader: Reader;
}) {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p.at)))].sort((a, b) => a - b);
  const data = times.map((at) => {
    const row: Record<string, number> = { at };
    for (const s of series) {
      const p = s.points.find((x) => x.at === at);
      if (p) row[s.key] = p.total;
    }
    return row;
  });
  const fmt = (at: number) => formatDayMonth(at, reader);
  return (
    <div role="img" aria-label={`${title}: ${series.map((s) => `${s.label} ${s.points.map((p) => p.total).join(", ")}`).join("; ")}`} className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -16 }}>
          <CartesianGrid stroke="#d9d5cd" strokeDasharray="3 3" />
          <XAxis dataKey="at" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={fmt} tick={{ fill: "#4f5a5e", fontSize: 12 }} />
          <YAxis domain={[0, max]} allowDecimals={false} tick={{ fill: "#4f5a5e", fontSize: 12 }} />
          <Tooltip labelFormatter={(v) => fmt(Number(v))} />
          <Legend />
          {cutoff ? <ReferenceLine y={cutoff.value} stroke="#7a4b00" strokeDasharray="4 4" label={{ value: cutoff.label, fill: "#7a4b00", fontSize: 11, position: "insideTopLeft" }} /> : null}
          {series.map((s, i) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot connectNulls isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
