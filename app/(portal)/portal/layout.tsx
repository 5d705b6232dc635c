import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SimpleShell } from "@/components/layout/simple-shell";
import { getCurrentUser } from "@/lib/auth/current-user";
import { brandForContext } from "@/lib/brand/load-brand";
import { practiceContextOf } from "@/lib/brand/practice-context";
import { REQUEST_PATH_HEADER } from "@/lib/http/request-path";

/** A client record's pages wear its practice's look; only the signed-in owner of that record gets it (lib/brand/load-brand.ts). */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const context = practiceContextOf((await headers()).get(REQUEST_PATH_HEADER));
  const user = await getCurrentUser();
  const brand = user && context && "clientId" in context ? await brandForContext(context, user.id) : null;
  return (
    <SimpleShell homeHref={brand && context && "clientId" in context ? `/portal/${context.clientId}` : "/portal"} brand={brand}>
      {children}
    </SimpleShell>
  );
}
