"use client";

import { AreaError } from "@/components/layout/area-error";

export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <AreaError digest={error.digest} reset={reset} homeHref="/portal" homeLabel="Go to your portal home" />;
}
