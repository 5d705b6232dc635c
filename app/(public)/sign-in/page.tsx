import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { brandForContext } from "@/lib/brand/load-brand";
import { practiceContextOf } from "@/lib/brand/practice-context";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { env } from "@/lib/env";
import { devSignInAction } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; practice?: string | string[] }> }) {
  const query = await searchParams;
  const asked = typeof query.callbackUrl === "string" ? query.callbackUrl : "";
  // Only a path on this site; the action and Auth.js check it again.
  const callbackUrl = asked ? safeRedirectPath(asked, env.APP_URL, "") : "";
  if (await getCurrentUser()) redirect(callbackUrl || "/after-sign-in");
  const practice = typeof query.practice === "string" ? query.practice : "";
  const context = practiceContextOf(`/sign-in?${new URLSearchParams({ ...(practice ? { practice } : {}), ...(callbackUrl ? { callbackUrl } : {}) })}`);
  const brand = await brandForContext(context, null);
  const showDemo = env.NODE_ENV === "development";
  return (
    <div className="mx-auto max-w-md space-y-6">
      <Card>
        <h1 className="text-2xl font-semibold">{brand ? `Sign in to ${brand.name}` : "Sign in"}</h1>
        <p className="mb-4 mt-1 text-muted">We&apos;ll email you a link. No password needed.</p>
        <SignInForm callbackUrl={callbackUrl || undefined} />
      </Card>
      {showDemo ? (
        <Card>
          <h2 className="font-semibold">Demo accounts (development only)</h2>
          <p className="mb-3 text-sm text-muted">Sign in with one click as a seeded demo user.</p>
          <ul className="space-y-2">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <form action={devSignInAction}>
                  <input type="hidden" name="email" value={a.email} />
                  {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
                  <Button type="submit" variant="secondary" className="w-full flex-col items-start text-left">
                    <span>{a.name}</span>
                    <span className="text-sm font-normal text-muted">{a.label}</span>
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
