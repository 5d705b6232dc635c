import type { ReactNode } from "react";
import { SimpleShell } from "@/components/layout/simple-shell";

/** The member's own account pages: outside any one practice, so no practice navigation. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <SimpleShell homeHref="/clinic">{children}</SimpleShell>;
}
