import { buttonClass } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { ScheduleOptions, ScheduleView } from "@/lib/booking/list-schedule";

/**
 * Who, where and whether to show cancelled sessions: a plain GET form, so it
 * works before (and without) JavaScript and the URL says what is shown.
 */
export function ScheduleFilters({
  action,
  view,
  date,
  memberId,
  locationId,
  includeCancelled,
  options,
}: {
  action: string;
  view: ScheduleView;
  date: string;
  memberId: string | null;
  locationId: string | null;
  includeCancelled: boolean;
  options: ScheduleOptions;
}) {
  return (
    <form method="get" action={action} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end" aria-label="Filter the schedule">
      <input type="hidden" name="view" value={view} />
      <input type="hidden" name="date" value={date} />
      <div className="space-y-1 sm:w-56">
        <label htmlFor="schedule-member" className="text-sm font-medium">
          Clinician
        </label>
        <Select id="schedule-member" name="member" defaultValue={memberId ?? "all"}>
          <option value="all">All clinicians</option>
          {options.clinicians.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </Select>
      </div>
      {options.locations.length > 0 ? (
        <div className="space-y-1 sm:w-56">
          <label htmlFor="schedule-location" className="text-sm font-medium">
            Location
          </label>
          <Select id="schedule-location" name="location" defaultValue={locationId ?? "all"}>
            <option value="all">All locations</option>
            {options.locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" name="cancelled" value="1" defaultChecked={includeCancelled} className="h-5 w-5 accent-brand" />
        Show cancelled
      </label>
      <button type="submit" className={buttonClass("secondary")}>
        Show
      </button>
    </form>
  );
}
