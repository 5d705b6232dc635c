"use client";

import { signDocumentAction } from "@/app/(portal)/portal/[clientId]/documents/actions";
import { TypedSignatureForm } from "@/components/forms/typed-signature-form";

/** Read and sign a shared document. */
export function SignDocumentForm({ clientId, shareId }: { clientId: string; shareId: string }) {
  return (
    <TypedSignatureForm
      sign={(values) => signDocumentAction(clientId, shareId, values)}
      agreement="I have read this document and I agree that the name I type below is my signature on it."
      submitLabel="Sign the document"
      idPrefix="document"
    />
  );
}
