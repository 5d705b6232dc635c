"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export function ClinicNav({ slug, items }: { slug: string; items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 whitespace-nowrap">
        {items.map((item) => {
          const href = `/clinic/${slug}${item.href}`;
          const active = item.href === "" ? pathname === href : pathname.startsWith(href);
          return (
            <li key={item.href}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-11 items-center rounded-md px-3 py-2 text-sm font-medium",
                  active ? "bg-brand text-white" : "text-ink hover:bg-brand-soft",
                )}
              >
                {item.label}
                <PendingMark />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/**
 * A tapped section shows at once that it is on its way. (Not a loading.tsx: a loading boundary
 * starts every response streaming as a 200, so a page that then finds no such record could no
 * longer answer 404; see decision 0032.)
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  if (!pending) return null;
  return (
    <span role="status" className="ml-2 inline-flex items-center">
      <span aria-hidden="true" className="size-2 animate-pulse rounded-full bg-current" />
      <span className="sr-only">Loading</span>
    </span>
  );
}
