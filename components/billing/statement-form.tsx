/** A date range and a download button for a client's statement (a plain GET form: works without script). */
export function StatementForm({ action, defaultFrom, defaultTo }: { action: string; defaultFrom: string; defaultTo: string }) {
  return (
    <form method="get" action={action} className="mt-2 flex flex-wrap items-end gap-3" aria-label="Statement">
      <label className="text-sm font-medium">
        Start date
        <input type="date" name="from" required defaultValue={defaultFrom} className="mt-1 block min-h-11 rounded-md border border-line bg-surface px-2" />
      </label>
      <label className="text-sm font-medium">
        End date
        <input type="date" name="to" required defaultValue={defaultTo} className="mt-1 block min-h-11 rounded-md border border-line bg-surface px-2" />
      </label>
      <button type="submit" className="inline-flex min-h-11 items-center rounded-md border border-line bg-surface px-4 font-medium hover:bg-canvas">
        Download statement (PDF)
      </button>
    </form>
  );
}
