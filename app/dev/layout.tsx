import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { env } from "@/lib/env";

/**
 * Everything under /dev (the outbox, which holds sign-in links) exists only
 * with NODE_ENV=development said explicitly (`next dev` says it); unset,
 * production and test answer 404 whatever the data.
 */
export default function DevLayout({ children }: { children: ReactNode }) {
  if (env.NODE_ENV !== "development") notFound();
  return children;
}
