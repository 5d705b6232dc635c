import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** Sub-navigation of the homework area: clients with homework (clinical roles), the bank, the programs. */
export function HomeworkTabs({ slug, current, showClients }: { slug: string; current: "exercises" | "programs" | "clients"; showClients: boolean }) {
  const tabs = [
    ...(showClients ? [{ key: "clients", href: `/clinic/${slug}/homework/clients`, label: "Clients" }] : []),
    { key: "exercises", href: `/clinic/${slug}/homework`, label: "Exercise bank" },
    { key: "programs", href: `/clinic/${slug}/homework/programs`, label: "Programs" },
  ];
  return (
    <nav aria-label="Homework" className="mb-4">
      <ul className="flex flex-wrap gap-2">
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
