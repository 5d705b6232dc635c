import type { Metadata } from "next";
import { RefreshWhileRunning, StartExportButton } from "@/components/export/start-export-button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTime, practiceReader } from "@/lib/dates";
import { listPracticeExports, EXPORT_VALID_HOURS } from "@/lib/export/practice-export";

export const metadata: Metadata = { title: "Export" };
export const dynamic = "force-dynamic";

const STATUS = { queued: "Waiting to start", running: "Running", done: "Ready", failed: "Failed" } as const;

export default async function ExportPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "data.export");
  const now = new Date();
  const exports = await listPracticeExports(scope, now);
  const reader = practiceReader(scope.practice);
  const running = exports.some((e) => e.status === "queued" || e.status === "running");
  return (
    <>
      <PageHeader title="Export" description="Take everything with you: the whole practice, or one client's record." />
      <RefreshWhileRunning running={running} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">The whole practice</h2>
          <p className="mb-3 text-muted">
            A ZIP with a CSV and a JSON file for every table (clients, appointments, forms and answers, homework and check-ins, payments and more) and the
            practice&apos;s stored files. It is made in the background; the link works for {EXPORT_VALID_HOURS} hours.
          </p>
          <StartExportButton practiceSlug={slug} />
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">One client&apos;s record</h2>
          <p className="text-muted">
            Open the client and choose <strong>Export record</strong>: a ZIP with a readable PDF and the client&apos;s data as JSON. For a client in a couple it
            holds that client&apos;s own answers and check-ins, never their partner&apos;s.
          </p>
        </Card>
      </div>
      <section aria-labelledby="recent-exports" className="mt-6">
        <h2 id="recent-exports" className="mb-3 font-semibold">
          Recent exports
        </h2>
        {exports.length === 0 ? (
          <p className="text-muted">No exports yet.</p>
        ) : (
          <ul className="space-y-3">
            {exports.map((e) => (
              <li key={e.id}>
                <Card>
                  <div className="flex flex-wrap items-center justify-between gap-3">
                    <div>
                      <p className="font-medium">
                        {STATUS[e.status]}
                        <span className="font-normal text-muted"> · asked {formatDateTime(e.createdAt, reader)}</span>
                      </p>
                      {e.status === "running" || e.status === "queued" ? (
                        <div className="mt-2">
                          <label htmlFor={`progress-${e.id}`} className="text-sm text-muted">
                            {e.tablesDone} of {e.tablesTotal} tables
                          </label>
                          <progress id={`progress-${e.id}`} className="ml-2 align-middle" max={e.tablesTotal || 1} value={e.tablesDone} />
                        </div>
                      ) : null}
                      {e.status === "done" ? (
                        <p className="text-sm text-muted">
                          {e.tablesTotal} tables, {e.rowsWritten.toLocaleString("en-US")} rows, {formatBytes(e.bytes ?? 0)}
                          {e.expiresAt ? (e.downloadToken ? ` · link works until ${formatDateTime(e.expiresAt, reader)}` : " · the link has expired") : null}
                        </p>
                      ) : null}
                      {e.status === "failed" ? <p className="text-sm text-danger">{e.error ?? "The export stopped."} Start a new one.</p> : null}
                    </div>
                    {e.downloadToken ? (
                      <a className="font-medium text-brand underline" href={`/clinic/${slug}/settings/export/download?token=${encodeURIComponent(e.downloadToken)}`} download>
                        Download the export
                      </a>
                    ) : null}
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
