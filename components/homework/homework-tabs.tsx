import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** Sub-navigation of the homework area: the bank and the programs. */
export function HomeworkTabs({ slug, current }: { slug: string; current: "exercises" | "programs" }) {
  const tabs = [
    { key: "exercises", href: `/clinic/${slug}/homework`, label: "Exercise bank" },
    { key: "programs", href: `/clinic/${slug}/homework/programs`, label: "Programs" },
  ] as const;
  return (
    <nav aria-label="Homework" className="mb-4">
      <ul className="flex gap-2">
        {tabs.map((t) => (
          <li key={t.key}>
            <Link
              href={t.href}
              aria-current={current === t.key ? "page" : undefined}
              className={cn(
                "inline-flex min-h-11 items-center rounded-md border px-3 py-2 text-sm font-medium",
                current === t.key ? "border-brand bg-brand-soft text-brand-strong" : "border-line bg-surface text-ink hover:bg-canvas",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
