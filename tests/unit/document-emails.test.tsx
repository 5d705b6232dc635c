import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import DocumentSharedEmail, { documentSharedSubject } from "@/emails/document-shared";
import { signatureMatchesName } from "@/lib/documents/schemas";

const text = (element: Parameters<typeof render>[0]) => render(element, { plainText: true });

describe("the shared-document email says a document waits, never which", () => {
  test("to sign: the practice, the ask and the portal link", async () => {
    const body = await text(DocumentSharedEmail(DocumentSharedEmail.PreviewProps));
    expect(body).toContain("Hi Priya");
    expect(body).toContain("Harbor Couples Therapy has shared a document in your private client portal and asks you to read and sign it.");
    expect(body).toContain(DocumentSharedEmail.PreviewProps.portalUrl);
    expect(documentSharedSubject("Harbor Couples Therapy", "sign")).toBe("Harbor Couples Therapy asks you to sign a document");
  });

  test("to read", async () => {
    const body = await text(DocumentSharedEmail({ ...DocumentSharedEmail.PreviewProps, kind: "view", recipientName: null }));
    expect(body).toContain("Hello,");
    expect(body).toContain("Harbor Couples Therapy has shared a document with you in your private client portal.");
    expect(documentSharedSubject("Harbor Couples Therapy", "view")).toBe("Harbor Couples Therapy shared a document with you");
  });
});

describe("a typed signature is the client's own name, loosely", () => {
  const ana = { firstName: "Ana María", lastName: "Reyes-López", preferredName: "Annie" };
  test.each([
    ["ana reyes-lopez", true],
    ["REYES LÓPEZ, Ana", true],
    ["Annie Reyes López", true],
    ["Ana M. Reyes-Lopez", true],
    ["Ana Reyes", false],
    ["Ben Reyes-López", false],
    ["Reyes-López", false],
  ])("%s → %s", (typed, ok) => {
    expect(signatureMatchesName(typed, ana)).toBe(ok);
  });
});
