import { headers } from "next/headers";
import type { ReactNode } from "react";
import { headerAccount } from "@/components/layout/header-account";
import { PoweredByFooter, PublicHeader } from "@/components/layout/public-header";
import { getCurrentUser } from "@/lib/auth/current-user";
import { brandForContext, brandStyle } from "@/lib/brand/load-brand";
import { practiceContextOf } from "@/lib/brand/practice-context";
import { REQUEST_PATH_HEADER, signInPathFor } from "@/lib/http/request-path";

/**
 * Public pages. A practice's own pages (its booking page, a sign-in reached
 * from it) wear the practice's name, logo and colour (decision 0040); the
 * product's name is then only in the small footer.
 */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  const user = await getCurrentUser();
  const brand = await brandForContext(practiceContextOf(path), user?.id ?? null);
  const onSignIn = path?.startsWith("/sign-in") ?? false;
  return (
    <div style={brandStyle(brand)} className="min-h-dvh">
      <PublicHeader brand={brand} account={await headerAccount(user)} signInHref={brand && !onSignIn ? signInPathFor(path) : "/sign-in"} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      {brand ? <PoweredByFooter /> : null}
    </div>
  );
}
