"use client";

import { DropdownMenu } from "radix-ui";
import Link from "next/link";

export function PracticeSwitcher({ current, practices }: { current: string; practices: { slug: string; name: string }[] }) {
  const currentName = practices.find((p) => p.slug === current)?.name ?? current;
  if (practices.length < 2) return <span className="font-semibold">{currentName}</span>;
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex min-h-11 items-center gap-1 rounded-md px-2 font-semibold hover:bg-brand-soft">
        {currentName}
        <span aria-hidden="true">▾</span>
        <span className="sr-only">Switch practice</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="start" className="z-50 min-w-56 rounded-md border border-line bg-surface p-1 shadow-lg">
          {practices.map((p) => (
            <DropdownMenu.Item key={p.slug} asChild>
              <Link href={`/clinic/${p.slug}`} className="block rounded px-3 py-2 outline-none data-[highlighted]:bg-brand-soft">
                {p.name}
              </Link>
            </DropdownMenu.Item>
          ))}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
