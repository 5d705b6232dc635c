import { describe, expect, test } from "vitest";
import { brandSchema } from "@/lib/brand/brand-schema";
import { contrastWithWhite, darkEnoughShade, MIN_CONTRAST, normaliseHex, passesWithWhite } from "@/lib/brand/colour";
import { practiceContextOf } from "@/lib/brand/practice-context";
import { checkLogo, MAX_LOGO_BYTES, sniffImage } from "@/lib/brand/sniff-image";

describe("brand colour contrast", () => {
  test("white on black is 21:1, white on white 1:1", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
  });

  test("the app's own green passes; a yellow and a mid grey do not", () => {
    expect(passesWithWhite("#1f5a50")).toBe(true);
    expect(passesWithWhite("#ffcc00")).toBe(false);
    // #777777 is 4.48:1, just under the line; #767676 is the lightest grey that passes.
    expect(passesWithWhite("#777777")).toBe(false);
    expect(passesWithWhite("#767676")).toBe(true);
  });

  test("the suggested shade passes and keeps the hue", () => {
    for (const hex of ["#ffcc00", "#66ccff", "#ff9999", "#777777", "#ffffff"]) {
      const shade = darkEnoughShade(hex);
      expect(contrastWithWhite(shade)).toBeGreaterThanOrEqual(MIN_CONTRAST);
      // Not needlessly dark: a little lighter would fail.
      expect(contrastWithWhite(shade)).toBeLessThan(MIN_CONTRAST + 0.4);
    }
    expect(darkEnoughShade("#1f5a50")).toBe("#1f5a50");
  });

  test("hex forms are normalised", () => {
    expect(normaliseHex("#ABC")).toBe("#aabbcc");
    expect(normaliseHex("1F5A50")).toBe("#1f5a50");
    expect(normaliseHex("teal")).toBeNull();
    expect(normaliseHex("#12345")).toBeNull();
  });

  test("the form refuses a light colour, naming the field and offering a shade", () => {
    const result = brandSchema.safeParse({ displayName: "", colour: "#ffcc00" });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(["colour"]);
    expect(issue.message).toMatch(/^Brand colour: white text on #ffcc00 has a contrast of 1\.\d:1/);
    expect(issue.message).toContain(darkEnoughShade("#ffcc00"));
  });

  test("the form keeps a dark colour, lower-cased, and empty fields as none", () => {
    expect(brandSchema.parse({ displayName: "  Harbor  ", colour: "#6B2D5C" })).toEqual({ displayName: "Harbor", colour: "#6b2d5c" });
    expect(brandSchema.parse({ displayName: "", colour: "" })).toEqual({ displayName: null, colour: null });
    expect(brandSchema.safeParse({ displayName: "x".repeat(81), colour: "" }).error?.issues[0]?.path).toEqual(["displayName"]);
  });
});

describe("logo sniffing", () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
  const webp = new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ");
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  test("PNG, JPEG and WebP are known by their first bytes", () => {
    expect(sniffImage(png)).toBe("image/png");
    expect(sniffImage(jpeg)).toBe("image/jpeg");
    expect(sniffImage(webp)).toBe("image/webp");
  });

  test("SVG, GIF, a renamed text file and an empty file are refused", () => {
    expect(sniffImage(svg)).toBeNull();
    expect(sniffImage(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(sniffImage(new TextEncoder().encode("just text with a .png name"))).toBeNull();
    expect(checkLogo(svg)).toEqual({ ok: false, message: expect.stringMatching(/^Logo: use a PNG, JPEG or WebP image/) });
    expect(checkLogo(new Uint8Array())).toEqual({ ok: false, message: "Logo: choose an image file" });
  });

  test("more than 1 MB is refused, 1 MB exactly is kept", () => {
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(png);
    expect(checkLogo(big)).toEqual({ ok: false, message: "Logo: the file is larger than 1 MB" });
    expect(checkLogo(big.subarray(0, MAX_LOGO_BYTES))).toEqual({ ok: true, type: "image/png" });
  });
});

describe("which practice a public page belongs to", () => {
  const id = "0b6c3a52-2f5e-4f7e-9b1a-6a1f6c3e2d10";
  test("booking pages, ?practice= and a sign-in's way back", () => {
    expect(practiceContextOf("/book/harbor-couples")).toEqual({ slug: "harbor-couples" });
    expect(practiceContextOf("/sign-in?practice=harbor-couples")).toEqual({ slug: "harbor-couples" });
    expect(practiceContextOf(`/sign-in?callbackUrl=${encodeURIComponent(`/portal/${id}/forms`)}`)).toEqual({ clientId: id });
    expect(practiceContextOf(`/sign-in/verify?token=t&callbackUrl=${encodeURIComponent("http://localhost:3000/book/harbor-couples")}`)).toEqual({ slug: "harbor-couples" });
  });

  test("nothing for other pages and malformed names", () => {
    expect(practiceContextOf(`/pay/${id}?t=abc`)).toEqual({ paymentId: id });
    expect(practiceContextOf(`/pay/${id}/cancel?t=abc`)).toEqual({ paymentId: id });
    expect(practiceContextOf("/pay/return?session_id=cs_test_a1b2c3d4e5")).toEqual({ checkoutSessionId: "cs_test_a1b2c3d4e5" });
    expect(practiceContextOf("/pay/return?session_id=nope")).toBeNull();
    expect(practiceContextOf("/pay/not-a-uuid")).toBeNull();
    expect(practiceContextOf("/")).toBeNull();
    expect(practiceContextOf("/sign-in")).toBeNull();
    expect(practiceContextOf("/book/Not_A_Slug")).toBeNull();
    expect(practiceContextOf("/portal/not-a-uuid")).toBeNull();
    expect(practiceContextOf(null)).toBeNull();
  });
});
