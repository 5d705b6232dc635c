import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, isNull } from "drizzle-orm";
import NextAuth from "next-auth";
import type { EmailConfig } from "next-auth/providers/email";
import { db } from "@/db/client";
import { accounts, members, sessions, users, verificationTokens } from "@/db/schema";
import SignInEmail, { signInSubject } from "@/emails/sign-in";
import { brandForContext } from "@/lib/brand/load-brand";
import { practiceContextOf } from "@/lib/brand/practice-context";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { sha256Hex } from "@/lib/tokens";
import { safeRedirectPath } from "./safe-redirect";
import { authSecret } from "./secret";
import { SESSION_POLICY } from "./session-policy";

export const SIGN_IN_LINK_MINUTES = 10;

/**
 * The origin is configuration, never a header. Auth.js derives its own URL
 * (the links it emails, its redirects, whether cookies are `__Secure-`) from
 * AUTH_URL when set, and otherwise from the request's Host and
 * X-Forwarded-Host, which anyone can send. Pinning it to APP_URL here, before
 * NextAuth() runs, covers both its route handler (reqWithEnvURL) and the
 * server-side signIn() (createActionURL); Auth.js reads only process.env for
 * this, there is no config option. See docs/decisions/0015-edge-security.md.
 */
process.env.AUTH_URL = env.APP_URL;

/**
 * The emailed link opens /sign-in/verify, a page with a "Sign in" button,
 * instead of Auth.js's callback: mail scanners that open links then cannot
 * use up the one-time token. Only the query (token, email, callbackUrl) is
 * taken from Auth.js's URL; the origin is APP_URL whatever Auth.js built.
 */
export function confirmationUrl(callbackUrl: string): string {
  const confirm = new URL("/sign-in/verify", env.APP_URL);
  confirm.search = new URL(callbackUrl).search;
  return confirm.toString();
}

const emailProvider: EmailConfig = {
  id: "email",
  type: "email",
  name: "Email",
  maxAge: SIGN_IN_LINK_MINUTES * 60,
  async sendVerificationRequest({ identifier, url, token }) {
    const key = `sign-in:${sha256Hex(token)}`;
    // Asked for on a practice's page (or on the way back to one): the email wears that practice's look.
    const brand = await brandForContext(practiceContextOf(new URL(url).searchParams.get("callbackUrl") ? `/sign-in${new URL(url).search}` : null), null);
    const result = await sendEmail({
      key,
      to: identifier,
      subject: signInSubject,
      template: "sign-in",
      brandPracticeId: brand?.practiceId ?? null,
      element: SignInEmail({ url: confirmationUrl(url), minutes: SIGN_IN_LINK_MINUTES }),
    });
    if (result.status === "failed") throw new Error("sign-in email could not be sent");
  },
};

export const { handlers, signIn, signOut } = NextAuth({
  adapter: DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  providers: [emailProvider],
  secret: authSecret(),
  // Safe: AUTH_URL (above) fixes the origin, so the Host header is never used.
  trustHost: true,
  // The longest any session may live; lib/auth/current-user.ts applies the
  // tighter per-kind idle and absolute limits on every request.
  session: { strategy: "database", maxAge: SESSION_POLICY.client.absoluteMs / 1000, updateAge: 0 },
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
  callbacks: {
    // Always a path on this site (APP_URL); anything that a browser would
    // read as another host (`/\evil`, `//evil`, tab tricks) goes to the start.
    redirect({ url }) {
      return safeRedirectPath(url, env.APP_URL, "/after-sign-in");
    },
    // Only people the system already knows (staff invited, clients given
    // portal access) may sign in; an unknown address never gets an account.
    async signIn({ user }) {
      if (!user.email) return false;
      const [known] = await db.select({ id: users.id }).from(users).where(eq(users.email, user.email.toLowerCase()));
      return Boolean(known);
    },
  },
  events: {
    async signIn({ user }) {
      if (!user.id) return;
      // The first sign-in accepts any pending invitations.
      await db
        .update(members)
        .set({ joinedAt: new Date() })
        .where(and(eq(members.userId, user.id), isNull(members.joinedAt)));
    },
  },
});
