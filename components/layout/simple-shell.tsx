import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { BrandMark, PoweredByFooter } from "@/components/layout/public-header";
import { brandStyle, type PracticeBrand } from "@/lib/brand/load-brand";

/**
 * A page frame with the wordmark (linking `homeHref`) and sign-out: the portal and a member's own
 * account pages. Inside one practice's portal it wears that practice's logo, name and colour.
 */
export function SimpleShell({ homeHref, brand, children }: { homeHref: string; brand?: PracticeBrand | null; children: ReactNode }) {
  return (
    <div className="min-h-dvh" style={brandStyle(brand ?? null)}>
      <header className="border-b-4 border-b-brand bg-surface">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-2 px-4 py-2">
          {brand ? (
            <BrandMark brand={brand} href={homeHref} />
          ) : (
            <Link href={homeHref} className="font-bold text-brand">
              Tandem
            </Link>
          )}
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
      {brand ? <PoweredByFooter /> : null}
    </div>
  );
}
