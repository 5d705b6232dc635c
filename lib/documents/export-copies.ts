import type { TransactionSql } from "postgres";
import { storage } from "@/lib/storage";

export interface SignedCopyFile {
  fileName: string;
  bytes: () => Promise<Buffer>;
}

/**
 * The client's own signed copies for their record's export, read in the
 * export's snapshot (the bytes through storage, wherever it keeps them).
 * Never a partner's: their copy carries their IP and browser.
 */
export async function signedCopiesOf(tx: TransactionSql, practiceId: string, clientId: string): Promise<SignedCopyFile[]> {
  const rows = await tx<{ id: string; key: string; filename: string }[]>`
    select g.id, g.signed_storage_key as key, d.filename
    from document_signatures g
    join document_shares s on s.id = g.share_id
    join documents d on d.id = s.document_id
    where g.practice_id = ${practiceId} and g.client_id = ${clientId}
    order by g.signed_at, g.id`;
  return rows.map((r) => ({
    fileName: `${r.filename.replace(/\.pdf$/i, "").replace(/[^A-Za-z0-9._-]+/g, "-")}-signed-${r.id.slice(0, 8)}.pdf`,
    bytes: async () => {
      const stored = await storage.get(practiceId, r.key);
      // A signed copy whose bytes are gone is a fault worth failing the export for, not an empty file.
      if (!stored) throw new Error("client export: a signed copy is missing from storage");
      return stored.bytes;
    },
  }));
}
