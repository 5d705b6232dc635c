"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Colours with at least 3:1 contrast against white, told apart by dash pattern as well. */
const LINES = [
  { stroke: "#1f5a50", dash: undefined },
  { stroke: "#8a3b12", dash: "6 3" },
];

/**
 * One rating (e.g. closeness) over time, a line per person. The figures are
 * also in the table next to it (see the page), for screen readers and keyboards.
 */
export function RatingsChart({
  label,
  min,
  max,
  rows,
  people,
}: {
  label: string;
  min: number;
  max: number;
  rows: Record<string, string | number>[];
  people: { id: string; name: string }[];
}) {
  return (
    <div role="img" aria-label={`${label} ratings over time; the figures are in the table below`} className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: -16 }}>
          <CartesianGrid stroke="#e5e2dc" strokeDasharray="3 3" />
          <XAxis dataKey="date" tick={{ fontSize: 12, fill: "#4f5a5e" }} tickFormatter={(d: string) => d.slice(5)} />
          <YAxis domain={[min, max]} allowDecimals={false} tick={{ fontSize: 12, fill: "#4f5a5e" }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {people.map((p, i) => (
            <Line
              key={p.id}
              type="monotone"
              dataKey={p.id}
              name={p.name}
              stroke={LINES[i % LINES.length]!.stroke}
              strokeDasharray={LINES[i % LINES.length]!.dash}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
