import { generate } from "otplib";
import { describe, expect, test } from "vitest";
import { decryptTotpSecret, encryptTotpSecret, hashRecoveryCode } from "@/lib/two-factor/keys";
import { relyingParty } from "@/lib/two-factor/passkeys";
import { generateRecoveryCodes, looksLikeRecoveryCode, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from "@/lib/two-factor/recovery-codes";
import { checkTotpCode, formatSecretForManualEntry, newTotpSecret, totpUri, TOTP_PERIOD_SECONDS } from "@/lib/two-factor/totp";
import { recoveryCodeSchema, totpCodeSchema } from "@/lib/two-factor/two-factor-schema";

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("TOTP", () => {
  test("a code generated now by an authenticator (otplib) is accepted, with its time step", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const check = await checkTotpCode(secret, code, null);
    expect(check.valid).toBe(true);
    if (check.valid) expect(Math.abs(check.timeStep - Math.floor(nowSeconds() / TOTP_PERIOD_SECONDS))).toBeLessThanOrEqual(1);
  });

  test("a code from a phone one step ahead is accepted; one from five minutes ago is not", async () => {
    const secret = newTotpSecret();
    expect((await checkTotpCode(secret, await generate({ secret, epoch: nowSeconds() + 30 }), null)).valid).toBe(true);
    expect((await checkTotpCode(secret, await generate({ secret, epoch: nowSeconds() - 300 }), null)).valid).toBe(false);
  });

  test("the same code is refused once its step was used (no replay)", async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret });
    const first = await checkTotpCode(secret, code, null);
    expect(first.valid).toBe(true);
    if (!first.valid) return;
    expect((await checkTotpCode(secret, code, first.timeStep)).valid).toBe(false);
  });

  test("another secret's code, or something that is not 6 digits, is refused", async () => {
    const secret = newTotpSecret();
    const other = newTotpSecret();
    const code = await generate({ secret: other });
    // The two secrets agree by chance about three times in a million: compare against the real answers.
    const mine = await Promise.all([-30, 0, 30].map((d) => generate({ secret, epoch: nowSeconds() + d })));
    expect((await checkTotpCode(secret, code, null)).valid).toBe(mine.includes(code));
    expect((await checkTotpCode(secret, "12345", null)).valid).toBe(false);
    expect((await checkTotpCode(secret, "abcdef", null)).valid).toBe(false);
  });

  test("the URI an app scans names the issuer and the account; the secret is grouped for typing", () => {
    const secret = newTotpSecret();
    const uri = totpUri(secret, "dana@example.test");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Tandem:dana(%40|@)example\.test\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=Tandem");
    expect(formatSecretForManualEntry(secret).replace(/ /g, "")).toBe(secret);
    expect(formatSecretForManualEntry("ABCDEFGH")).toBe("ABCD EFGH");
  });

  test("the code field ignores spaces and names itself when wrong", () => {
    expect(totpCodeSchema.safeParse({ code: "123 456" })).toMatchObject({ success: true, data: { code: "123456" } });
    const bad = totpCodeSchema.safeParse({ code: "12a456" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["code"], message: "Enter the 6-digit code from your authenticator app" });
  });
});

describe("secret storage", () => {
  test("a TOTP secret round-trips through encryption and differs from its ciphertext", () => {
    const key = "k".repeat(40);
    const stored = encryptTotpSecret(key, "JBSWY3DPEHPK3PXPJBSWY3DP");
    expect(stored).not.toContain("JBSWY3DP");
    expect(decryptTotpSecret(key, stored)).toBe("JBSWY3DPEHPK3PXPJBSWY3DP");
    expect(() => decryptTotpSecret("x".repeat(40), stored)).toThrow();
  });

  test("recovery code hashes are keyed and stable", () => {
    expect(hashRecoveryCode("a".repeat(32), "abcde23456")).toBe(hashRecoveryCode("a".repeat(32), "abcde23456"));
    expect(hashRecoveryCode("a".repeat(32), "abcde23456")).not.toBe(hashRecoveryCode("b".repeat(32), "abcde23456"));
  });
});

describe("recovery codes", () => {
  test("ten distinct codes, each accepted back however it is typed", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
      expect(looksLikeRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `)).toBe(true);
      expect(normaliseRecoveryCode(code.toUpperCase())).toBe(code.replace("-", ""));
    }
    expect(recoveryCodeSchema.safeParse({ recoveryCode: "nope" }).error?.issues[0]?.path).toEqual(["recoveryCode"]);
  });
});

describe("relying party", () => {
  test("id and origin come from APP_URL", () => {
    expect(relyingParty("https://app.tandem.example/")).toEqual({ rpID: "app.tandem.example", origin: "https://app.tandem.example", rpName: "Tandem" });
    expect(relyingParty("http://localhost:3000")).toMatchObject({ rpID: "localhost", origin: "http://localhost:3000" });
  });
});
