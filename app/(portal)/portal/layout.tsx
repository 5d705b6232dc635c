import type { ReactNode } from "react";
import { SimpleShell } from "@/components/layout/simple-shell";

export default function PortalLayout({ children }: { children: ReactNode }) {
  return <SimpleShell homeHref="/portal">{children}</SimpleShell>;
}
