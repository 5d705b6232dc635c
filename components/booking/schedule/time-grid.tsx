import Link from "next/link";
import type { CSSProperties } from "react";
import { cn } from "@/components/ui/cn";
import { formatCalendarDay, formatClock, formatHour, formatTime, localDate, type Reader } from "@/lib/dates";
import { attendeeNames, type ScheduleItem } from "@/lib/booking/list-schedule";
import {
  ROW_MINUTES,
  assignLanes,
  hhmm,
  insideSpans,
  placeOnDay,
  rowCount,
  rowMinute,
  rowTaken,
  wallTimes,
  type GridBounds,
  type TimeSpan,
} from "@/lib/booking/schedule-grid";
import { FORMAT_SHORT_LABELS } from "@/lib/booking/service-labels";
import { StatusBadge } from "./status-badge";

/** One column of the grid: a clinician on the day view, a day on the week view. */
export interface GridColumn {
  key: string;
  /** The column's heading (also its region's name): "Dr. Lee", or "Tuesday 3 March". */
  heading: string;
  /** Where the heading leads (a week's day → that day), if anywhere. */
  headingHref?: string;
  /** Shown after the heading, in muted text ("today"). */
  note?: string;
  highlight?: boolean;
  date: string;
  /** The clinician an empty time books with, when the column has one. */
  clinician: { id: string; name: string } | null;
  items: ScheduleItem[];
  /** Working hours in this column (shaded lighter than the rest). */
  hours: TimeSpan[];
}

const ROW_HEIGHT = "3rem";
const HEADER = "h-14";

/**
 * The day or week as a time grid: wall-clock rows every half hour over the
 * shown hours, a column per clinician (day) or per day (week), each session a
 * block placed by its start and length in the practice's zone
 * (lib/booking/schedule-grid.ts). Every free half hour that has not passed is
 * a link to the staff booking form, prefilled, and named for what it does
 * ("Book 2:30 PM Tuesday 3 March with Dr. Lee"), so the keyboard and a screen
 * reader reach it. DOM order is time order in each column. The grid scrolls
 * sideways inside its own box when the columns do not fit (a phone).
 */
export function TimeGrid({
  practiceSlug,
  columns,
  bounds,
  timeZone,
  locale,
  now,
  minColumn,
}: {
  practiceSlug: string;
  columns: GridColumn[];
  bounds: GridBounds;
  timeZone: string;
  /** The practice's locale: its clock on the grid's edge and in every block. */
  locale: string;
  now: Date;
  /** The narrowest a column may get before the grid scrolls. */
  minColumn: string;
}) {
  const rows = rowCount(bounds);
  const gridRows: CSSProperties = { gridTemplateRows: `repeat(${rows}, ${ROW_HEIGHT})` };
  return (
    // `relative`: the empty times' screen-reader text is absolutely placed and must scroll with the box, not widen the page.
    <div className="relative overflow-x-auto rounded-lg border border-line bg-surface">
      <div className="grid w-full min-w-max" style={{ gridTemplateColumns: `3.75rem repeat(${columns.length}, minmax(${minColumn}, 1fr))` }}>
        {/* The time labels repeat what every block and empty time already says: hidden from screen readers. */}
        <div aria-hidden="true" className="border-r border-line">
          <div className={HEADER} />
          <div className="grid" style={gridRows}>
            {Array.from({ length: rows }, (_, r) => {
              const minute = rowMinute(bounds, r);
              return (
                <div key={r} className="-mt-2 pr-1 text-right text-xs text-muted">
                  {minute % 60 === 0 ? formatHour(Math.floor(minute / 60), locale) : ""}
                </div>
              );
            })}
          </div>
        </div>
        {columns.map((column) => (
          <Column key={column.key} practiceSlug={practiceSlug} column={column} bounds={bounds} rows={rows} reader={{ zone: timeZone, locale }} now={now} gridRows={gridRows} />
        ))}
      </div>
    </div>
  );
}

function Column({
  practiceSlug,
  column,
  bounds,
  rows,
  reader,
  now,
  gridRows,
}: {
  practiceSlug: string;
  column: GridColumn;
  bounds: GridBounds;
  rows: number;
  reader: Reader;
  now: Date;
  gridRows: CSSProperties;
}) {
  const headingId = `col-${column.key}`;
  const timeZone = reader.zone;
  const own = column.items.filter((a) => localDate(a.startsAt, timeZone) === column.date);
  const placed = own.map((item) => ({ item, at: placeOnDay(item, column.date, timeZone, bounds) }));
  const placements = placed.flatMap((p) => (p.at ? [p.at] : []));
  const { lanes, count } = assignLanes(placements);
  const dayName = formatCalendarDay(column.date, reader.locale);
  const instants = wallTimes(column.date, bounds, timeZone);
  const withWhom = column.clinician ? ` with ${column.clinician.name}` : "";
  const clinicianQuery = column.clinician ? `&clinician=${encodeURIComponent(column.clinician.id)}` : "";

  // Free times and sessions, interleaved in time order (the keyboard's order).
  // A week has some 200 free half hours, each drawn twice (the HTML and the
  // RSC payload): they are plain links with one short class each (app/globals.css),
  // not `Link`s with ten utilities; the form they open is a full page load,
  // nothing to prefetch (decision 0025).
  const entries: { row: number; node: React.ReactNode }[] = [];
  for (let r = 0; r < rows; r++) {
    if (rowTaken(placements, r)) continue;
    const minute = rowMinute(bounds, r);
    const instant = instants[r] ?? null;
    const working = instant ? insideSpans(column.hours, instant) : false;
    const bookable = instant !== null && instant.getTime() + ROW_MINUTES * 60_000 > now.getTime();
    const style: CSSProperties = { gridRow: r + 1, gridColumn: "1 / -1" };
    const cell = working ? "grid-cell" : "grid-cell grid-cell-off";
    if (!bookable || !instant) {
      entries.push({ row: r, node: <li key={`e${r}`} aria-hidden="true" style={style} className={cell} /> });
      continue;
    }
    // The row's wall-clock minute is the instant's local time (wallTimes checks it), so its words are formatTime's.
    const time = formatClock(minute, reader.locale);
    entries.push({
      row: r,
      node: (
        <li key={`e${r}`} style={style} className={cell}>
          <a href={`/clinic/${practiceSlug}/schedule/new?date=${column.date}&time=${encodeURIComponent(hhmm(minute))}${clinicianQuery}`} className="grid-free">
            <span className="sr-only">{`Book ${time} ${dayName}${withWhom}`}</span>
            <span aria-hidden="true">+ {time}</span>
          </a>
        </li>
      ),
    });
  }
  let p = 0;
  placed.forEach(({ item, at }) => {
    if (!at) return;
    const lane = lanes[p++]!;
    entries.push({
      row: at.row,
      node: (
        <li key={item.id} className="z-10 min-w-0 p-0.5" style={{ gridRow: `${at.row + 1} / span ${at.span}`, gridColumn: lane + 1 }}>
          <Block practiceSlug={practiceSlug} item={item} reader={reader} />
        </li>
      ),
    });
  });
  entries.sort((a, b) => a.row - b.row);

  return (
    <section aria-labelledby={headingId} className={cn("min-w-0 border-r border-line last:border-r-0", column.highlight && "bg-brand-soft/40")}>
      <h3 id={headingId} className={cn(HEADER, "flex items-center overflow-hidden border-b px-2 text-sm font-semibold leading-tight", column.highlight ? "border-brand" : "border-line")}>
        <span className="line-clamp-2">
          {column.headingHref ? (
            <Link href={column.headingHref} className="text-brand underline-offset-2 hover:underline">
              {column.heading}
            </Link>
          ) : (
            column.heading
          )}
          {column.note ? <span className="font-normal text-muted"> ({column.note})</span> : null}
        </span>
      </h3>
      <ul
        className="grid"
        style={{
          ...gridRows,
          gridTemplateColumns: `repeat(${count}, minmax(0, 1fr))`,
        }}
      >
        {entries.map((e) => e.node)}
      </ul>
    </section>
  );
}

function Block({ practiceSlug, item: a, reader }: { practiceSlug: string; item: ScheduleItem; reader: Reader }) {
  const ended = a.status === "cancelled" || a.status === "late_cancelled";
  return (
    <Link
      href={`/clinic/${practiceSlug}/schedule/${a.id}`}
      className={cn(
        "block h-full overflow-hidden rounded-md border px-1.5 py-1 text-xs leading-snug hover:border-brand focus-visible:z-20",
        ended ? "border-dashed border-line bg-canvas" : "border-brand/40 bg-brand-soft",
      )}
    >
      <span className="flex flex-wrap items-center gap-x-1.5">
        <span className="font-semibold">
          {formatTime(a.startsAt, reader)} – {formatTime(a.endsAt, reader)}
        </span>
        <StatusBadge status={a.status} />
      </span>
      <span className="block truncate font-medium">{a.status === "held" && a.attendees.length === 0 ? "Being booked online" : attendeeNames(a.attendees)}</span>
      <span className="block truncate">
        <span className={cn(ended && "line-through")}>{a.service.name}</span>
        {a.seriesId ? <span className="text-muted"> · Series</span> : null}
      </span>
      <span className="block truncate text-muted">
        {a.clinician.displayName} · {a.location ? a.location.name : FORMAT_SHORT_LABELS[a.format]}
      </span>
    </Link>
  );
}
