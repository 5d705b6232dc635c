"use client";

import { useParams } from "next/navigation";
import { AreaError } from "@/components/layout/area-error";

export default function WorkspaceError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { practice } = useParams<{ practice: string }>();
  return <AreaError digest={error.digest} reset={reset} homeHref={`/clinic/${practice}`} homeLabel="Go to the workspace home" />;
}
