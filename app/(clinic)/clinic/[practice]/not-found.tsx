"use client";

import { useParams } from "next/navigation";
import { AreaNotFound } from "@/components/layout/area-states";

// Shown inside the workspace shell (with its navigation) for a record that is not in this
// practice, or a workspace address that does not exist. The same words for both: a record of
// another practice must not read differently from one that never existed. (A client component
// only to read the practice from the address: not-found files get no params.)
export default function WorkspaceNotFound() {
  const { practice } = useParams<{ practice: string }>();
  return (
    <AreaNotFound
      text="This page does not exist in this workspace, or you do not have access to it."
      homeHref={`/clinic/${practice}`}
      homeLabel="Go to the workspace home"
    />
  );
}
