import { and, eq, like } from "drizzle-orm";
import { generate } from "otplib";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { emailMessages, practices, rateLimits, recoveryCodes, sessions, totpCredentials, webauthnCredentials, type User } from "@/db/schema";
import { CODE_ATTEMPTS } from "@/lib/two-factor/attempt-limit";
import { confirmTotpEnrolment, factorSummary, pendingTotpEnrolment, regenerateRecoveryCodes, removePasskey, removeTotp, startTotpEnrolment } from "@/lib/two-factor/manage-factors";
import { passkeyAuthenticationOptions, passkeyRegistrationOptions, registerPasskey, relyingParty, verifyPasskeyForSession } from "@/lib/two-factor/passkeys";
import { resetMemberSecondFactor, setTwoFactorRequirement } from "@/lib/two-factor/reset-member";
import { secondFactorGate, type FactorSession } from "@/lib/two-factor/session-factor";
import { WRONG_CODE_MESSAGE } from "@/lib/two-factor/two-factor-schema";
import { verifyRecoveryCodeForSession, verifyTotpForSession } from "@/lib/two-factor/verify-factor";
import { auditEventsFor, countRows, createMember, createPracticeWithOwner, createSession, scopeFor } from "./helpers/factories";
import { SoftAuthenticator } from "./helpers/soft-authenticator";

/** A new magic-link session for `user` (first factor only). */
async function signIn(user: User): Promise<FactorSession> {
  return { userId: user.id, email: user.email, sessionToken: await createSession(user) };
}

/** The code an authenticator app shows `offset` seconds from now. */
const codeAt = (secret: string, offset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset });

/** Enrols the user in TOTP from a fresh session; returns the secret and the recovery codes shown. */
async function enrolTotp(user: User) {
  const session = await signIn(user);
  const started = await startTotpEnrolment(session);
  if (!started.ok) throw new Error("enrolment did not start");
  const confirmed = await confirmTotpEnrolment(session, { code: await codeAt(started.enrolment.secret) });
  if (!confirmed.ok) throw new Error(`enrolment not confirmed: ${JSON.stringify(confirmed.errors)}`);
  return { session, secret: started.enrolment.secret, recoveryCodes: confirmed.recoveryCodes! };
}

const gate = (s: FactorSession, requires = false) => secondFactorGate(s, requires);

describe("enrolling an authenticator app", () => {
  test("QR and secret first, then a correct first code turns it on, verifies the session and shows 10 recovery codes once", async () => {
    const { practice } = await createPracticeWithOwner();
    const { user } = await createMember(practice);
    const session = await signIn(user);
    const started = await startTotpEnrolment(session);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.enrolment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(started.enrolment.uri).toContain(`secret=${started.enrolment.secret}`);
    expect((await pendingTotpEnrolment(session))?.secret).toBe(started.enrolment.secret);
    // Not a factor until confirmed: nothing is asked yet.
    expect(await gate(session)).toBe("pass");

    const wrong = await confirmTotpEnrolment(session, { code: (Number(await codeAt(started.enrolment.secret)) + 1).toString().padStart(6, "0").slice(-6) });
    expect(wrong).toEqual({ ok: false, errors: { code: [WRONG_CODE_MESSAGE] } });
    const bad = await confirmTotpEnrolment(session, { code: "12ab" });
    expect(bad).toEqual({ ok: false, errors: { code: ["Enter the 6-digit code from your authenticator app"] } });

    const confirmed = await confirmTotpEnrolment(session, { code: await codeAt(started.enrolment.secret) });
    expect(confirmed.ok).toBe(true);
    if (!confirmed.ok) return;
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(await gate(session)).toBe("pass");
    expect((await factorSummary(user.id))).toMatchObject({ totp: { confirmedAt: expect.any(Date) }, passkeys: [], recoveryCodesLeft: 10 });

    // Neither the secret nor any recovery code is stored as text.
    const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, user.id));
    expect(row!.secretEncrypted).not.toContain(started.enrolment.secret);
    const hashes = await db.select({ h: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    for (const code of confirmed.recoveryCodes!) expect(hashes.some((r) => r.h.includes(code) || r.h.includes(code.replace("-", "")))).toBe(false);

    // A confirmed app is not replaced by starting again.
    expect(await startTotpEnrolment(session)).toMatchObject({ ok: false, errors: { form: [expect.stringContaining("already set up")] } });
  });
});

describe("signing in with the second factor", () => {
  test("after the magic link the session must pass the code; a used code cannot be replayed in another session", async () => {
    const { practice } = await createPracticeWithOwner();
    const { user } = await createMember(practice);
    const { secret } = await enrolTotp(user);

    const next = await signIn(user);
    expect(await gate(next)).toBe("challenge");
    const wrong = await verifyTotpForSession(next, { code: "000000" === (await codeAt(secret)) ? "111111" : "000000" });
    expect(wrong).toEqual({ ok: false, errors: { code: [WRONG_CODE_MESSAGE] } });
    expect(await gate(next)).toBe("challenge");

    // One step ahead: always later than the step the enrolment used.
    const code = await codeAt(secret, 30);
    expect(await verifyTotpForSession(next, { code })).toEqual({ ok: true });
    expect(await gate(next)).toBe("pass");

    const other = await signIn(user);
    expect(await verifyTotpForSession(other, { code })).toEqual({ ok: false, errors: { code: [WRONG_CODE_MESSAGE] } });
    expect(await gate(other)).toBe("challenge");
  });

  test("a recovery code works once; new codes replace the old ones", async () => {
    const { practice } = await createPracticeWithOwner();
    const { user } = await createMember(practice);
    const { recoveryCodes: codes } = await enrolTotp(user);

    const first = await signIn(user);
    expect(await verifyRecoveryCodeForSession(first, { recoveryCode: codes[0]!.toUpperCase() })).toEqual({ ok: true, codesLeft: 9 });
    expect(await gate(first)).toBe("pass");

    const second = await signIn(user);
    expect(await verifyRecoveryCodeForSession(second, { recoveryCode: codes[0]! })).toEqual({
      ok: false,
      errors: { recoveryCode: ["That recovery code didn't match, or it was already used"] },
    });
    expect(await gate(second)).toBe("challenge");

    // Regenerating needs the verified session, and voids every earlier code.
    expect(await regenerateRecoveryCodes(second)).toMatchObject({ ok: false, errors: { form: [expect.any(String)] } });
    const fresh = await regenerateRecoveryCodes(first);
    expect(fresh.ok).toBe(true);
    expect(await verifyRecoveryCodeForSession(second, { recoveryCode: codes[1]! })).toMatchObject({ ok: false });
    if (fresh.ok) expect(await verifyRecoveryCodeForSession(second, { recoveryCode: fresh.recoveryCodes[0]! })).toEqual({ ok: true, codesLeft: 9 });
  });

  test(`after ${CODE_ATTEMPTS} wrong codes even the right one is refused for a while`, async () => {
    const { practice } = await createPracticeWithOwner();
    const { user } = await createMember(practice);
    const { secret } = await enrolTotp(user);
    const session = await signIn(user);
    const right = await codeAt(secret, 30);
    const wrongCode = right === "123456" ? "654321" : "123456";
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      expect(await verifyTotpForSession(session, { code: wrongCode })).toEqual({ ok: false, errors: { code: [WRONG_CODE_MESSAGE] } });
    }
    expect(await verifyTotpForSession(session, { code: right })).toEqual({
      ok: false,
      errors: { code: ["Too many codes were tried. Wait 15 minutes and try again."] },
    });
    expect(await verifyRecoveryCodeForSession(session, { recoveryCode: "abcde-fghjk" })).toMatchObject({
      ok: false,
      errors: { recoveryCode: [expect.stringContaining("Too many codes")] },
    });
    expect(await gate(session)).toBe("challenge");
    expect(await countRows(rateLimits, like(rateLimits.key, `%${user.id}`))).toBe(1);
  });
});

describe("the practice's requirement", () => {
  test("members without a factor must enrol; a member with one is asked for it; only a verified owner may turn it on, audited", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const admin = await createMember(practice, { role: "admin" });
    const clinician = await createMember(practice, { role: "clinician" });

    const ownerSession = await signIn(owner.user);
    expect(await setTwoFactorRequirement(scope, ownerSession.sessionToken, { required: true })).toEqual({
      ok: false,
      errors: { required: ["Set up your own second factor first, on your security page"] },
    });
    expect(await setTwoFactorRequirement(scopeFor(admin), (await signIn(admin.user)).sessionToken, { required: true })).toEqual({
      ok: false,
      errors: { required: ["Only an owner can do this"] },
    });
    const enrolled = await enrolTotp(owner.user);
    expect(await setTwoFactorRequirement(scope, ownerSession.sessionToken, { required: true })).toEqual({
      ok: false,
      errors: { required: ["Confirm it's you with your second factor first"] },
    });
    expect(await setTwoFactorRequirement(scope, enrolled.session.sessionToken, { required: true })).toEqual({ ok: true });
    const [row] = await db.select({ required: practices.requireTwoFactor }).from(practices).where(eq(practices.id, practice.id));
    expect(row!.required).toBe(true);
    expect(await auditEventsFor(practice.id, "practice.two_factor_requirement")).toHaveLength(1);

    const clinicianSession = await signIn(clinician.user);
    expect(await gate(clinicianSession, true)).toBe("enrol");
    // The same person in a practice that does not require it is let through.
    expect(await gate(clinicianSession, false)).toBe("pass");
    // Enrolling from the first-factor session satisfies the requirement at once.
    const started = await startTotpEnrolment(clinicianSession);
    if (!started.ok) throw new Error("enrolment did not start");
    await confirmTotpEnrolment(clinicianSession, { code: await codeAt(started.enrolment.secret) });
    expect(await gate(clinicianSession, true)).toBe("pass");
  });
});

describe("managing one's own factors", () => {
  test("removing a factor needs the verified session; removing the last one drops the recovery codes", async () => {
    const { practice } = await createPracticeWithOwner();
    const { user } = await createMember(practice);
    const { session } = await enrolTotp(user);
    const unverified = await signIn(user);
    expect(await removeTotp(unverified)).toMatchObject({ ok: false, errors: { form: ["Confirm it's you with your second factor first"] } });
    expect(await removeTotp(session)).toEqual({ ok: true });
    expect(await factorSummary(user.id)).toEqual({ totp: null, passkeys: [], recoveryCodesLeft: 0 });
    expect(await gate(unverified)).toBe("pass");
  });
});

describe("passkeys", () => {
  test("register and sign in with a passkey; another person's passkey or a reused challenge is refused", async () => {
    const { practice } = await createPracticeWithOwner();
    const { user } = await createMember(practice);
    const { origin, rpID } = relyingParty();
    const authenticator = new SoftAuthenticator(origin);

    const session = await signIn(user);
    const reg = await passkeyRegistrationOptions(session, "Test User");
    if (!reg.ok) throw new Error("no registration options");
    expect(reg.options.rp.id).toBe(rpID);
    expect(await registerPasskey(session, { name: "", response: authenticator.register(reg.options) })).toEqual({
      ok: false,
      errors: { name: ['Give this passkey a name, like "Work laptop"'] },
    });
    const registered = await registerPasskey(session, { name: "Work laptop", response: authenticator.register(reg.options) });
    expect(registered).toMatchObject({ ok: true, recoveryCodes: expect.any(Array) });
    expect((await factorSummary(user.id)).passkeys).toMatchObject([{ id: authenticator.id, name: "Work laptop" }]);

    const next = await signIn(user);
    expect(await gate(next)).toBe("challenge");
    const auth = await passkeyAuthenticationOptions(next);
    if (!auth.ok) throw new Error("no authentication options");
    // A response signed over some other challenge is refused.
    expect(await verifyPasskeyForSession(next, authenticator.authenticate(auth.options, rpID, "bm90LXRoZS1jaGFsbGVuZ2U"))).toMatchObject({ ok: false });
    // That attempt used the challenge up; a new one is needed.
    const again = await passkeyAuthenticationOptions(next);
    if (!again.ok) throw new Error("no authentication options");
    const response = authenticator.authenticate(again.options, rpID);
    expect(await verifyPasskeyForSession(next, response)).toEqual({ ok: true });
    expect(await gate(next)).toBe("pass");
    expect(await verifyPasskeyForSession(next, response)).toMatchObject({ ok: false });

    // Someone else cannot answer with this person's passkey.
    const stranger = await createMember(practice);
    const strangerSession = await signIn(stranger.user);
    const strangerAuth = await passkeyAuthenticationOptions(strangerSession);
    expect(strangerAuth).toMatchObject({ ok: false, errors: { form: ["No passkey is set up for this account"] } });

    expect(await removePasskey(next, { passkeyId: authenticator.id })).toEqual({ ok: true });
    expect(await countRows(webauthnCredentials, eq(webauthnCredentials.userId, user.id))).toBe(0);
  });
});

describe("an owner resets a member's second factor", () => {
  test("factors, recovery codes and sessions go; audited; the member is told by email without any secret", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const admin = await createMember(practice, { role: "admin" });
    const member = await createMember(practice, { role: "clinician" });
    const { recoveryCodes: codes, secret } = await enrolTotp(member.user);

    expect(await resetMemberSecondFactor(scopeFor(admin), { memberId: member.member.id })).toEqual({
      ok: false,
      errors: { memberId: ["Only an owner can do this"] },
    });
    const elsewhere = await createPracticeWithOwner();
    expect(await resetMemberSecondFactor(elsewhere.scope, { memberId: member.member.id })).toEqual({
      ok: false,
      errors: { memberId: ["That member is not on this team"] },
    });
    expect(await resetMemberSecondFactor(scope, { memberId: owner.member.id })).toMatchObject({ ok: false });

    expect(await resetMemberSecondFactor(scope, { memberId: member.member.id })).toEqual({ ok: true });
    expect(await factorSummary(member.user.id)).toEqual({ totp: null, passkeys: [], recoveryCodesLeft: 0 });
    expect(await countRows(sessions, eq(sessions.userId, member.user.id))).toBe(0);
    const audit = await auditEventsFor(practice.id, "member.two_factor_reset");
    expect(audit).toMatchObject([{ subjectId: member.member.id, actorUserId: owner.user.id }]);

    const [mail] = await db
      .select()
      .from(emailMessages)
      .where(and(eq(emailMessages.to, member.user.email), eq(emailMessages.template, "two-factor-reset")));
    expect(mail!.subject).toBe("Your two-step sign-in was reset");
    expect(mail!.text).toContain(owner.member.displayName);
    expect(mail!.text).not.toContain(secret);
    for (const code of codes) expect(mail!.text).not.toContain(code);

    // Nothing left to reset the second time.
    expect(await resetMemberSecondFactor(scope, { memberId: member.member.id })).toEqual({
      ok: false,
      errors: { memberId: ["This member has no second factor to reset"] },
    });
  });
});
