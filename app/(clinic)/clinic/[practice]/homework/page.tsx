import type { Metadata } from "next";
import Link from "next/link";
import { HomeworkTabs } from "@/components/homework/homework-tabs";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Input, Select, LabelOptions } from "@/components/ui/field";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { exerciseFilterSchema } from "@/lib/homework/exercise-schema";
import { listExerciseTags, listExercises } from "@/lib/homework/exercises";
import { CATEGORY_LABELS, PARTICIPANT_LABELS } from "@/lib/homework/labels";

export const metadata: Metadata = { title: "Homework" };
export const dynamic = "force-dynamic";

export default async function HomeworkPage({ params, searchParams }: { params: Promise<{ practice: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const filter = exerciseFilterSchema.parse(await searchParams);
  const [rows, tags] = await Promise.all([listExercises(scope, filter), listExerciseTags(scope)]);
  const base = `/clinic/${slug}/homework`;
  const filtered = Boolean(filter.q || filter.category || filter.participants || filter.tag || filter.source || filter.archived);
  return (
    <>
      <PageHeader
        title="Homework"
        description="A shared library of exercises (read-only: duplicate one to adapt it) and your practice's own."
        actions={can(scope.role, "exercises.edit") ? <ButtonLink href={`${base}/exercises/new`}>New exercise</ButtonLink> : null}
      />
      <HomeworkTabs slug={slug} current="exercises" showClients={can(scope.role, "clinical.read")} />
      <form role="search" method="get" className="mb-4 grid gap-3 rounded-lg border border-line bg-surface p-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="space-y-1 sm:col-span-2 lg:col-span-3">
          <label htmlFor="hw-q" className="text-sm font-medium">
            Search
          </label>
          <Input id="hw-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder="Title, summary or tag" />
        </div>
        <div className="space-y-1">
          <label htmlFor="hw-category" className="text-sm font-medium">
            Category
          </label>
          <Select id="hw-category" name="category" defaultValue={filter.category ?? ""}>
            <option value="">All categories</option>
            <LabelOptions labels={CATEGORY_LABELS} />
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="hw-participants" className="text-sm font-medium">
            Who does it
          </label>
          <Select id="hw-participants" name="participants" defaultValue={filter.participants ?? ""}>
            <option value="">Anyone</option>
            <LabelOptions labels={PARTICIPANT_LABELS} />
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="hw-tag" className="text-sm font-medium">
            Tag
          </label>
          <Select id="hw-tag" name="tag" defaultValue={filter.tag ?? ""}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="hw-source" className="text-sm font-medium">
            Source
          </label>
          <Select id="hw-source" name="source" defaultValue={filter.source ?? "all"}>
            <option value="all">Library and ours</option>
            <option value="library">Shared library</option>
            <option value="practice">Our exercises</option>
          </Select>
        </div>
        <div className="flex items-end gap-3">
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="archived" value="1" defaultChecked={filter.archived === "1"} className="h-5 w-5 accent-brand" />
            Archived only
          </label>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>
            Apply
          </button>
          {filtered ? (
            <Link href={base} className={buttonClass("secondary")}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      <p className="mb-2 text-sm text-muted" aria-live="polite">
        {rows.length === 1 ? "1 exercise" : `${rows.length} exercises`}
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No exercises match">Try fewer filters or other words.</EmptyState>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Exercises">
          {rows.map((e) => (
            <li key={e.id} className="rounded-lg border border-line bg-surface p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link href={`${base}/exercises/${e.id}`} className="font-semibold text-brand underline-offset-2 hover:underline">
                  {e.title}
                </Link>
                {e.practiceId ? <Badge tone="ok">Ours</Badge> : <Badge>Library</Badge>}
              </div>
              <p className="mt-1 text-sm">{e.summary}</p>
              <p className="mt-2 flex flex-wrap gap-2 text-xs">
                <Badge tone="brand">{CATEGORY_LABELS[e.category]}</Badge>
                <Badge>{PARTICIPANT_LABELS[e.participants]}</Badge>
                <Badge>
                  {e.frequencyPerWeek}×/week · {e.minutes} min
                </Badge>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
