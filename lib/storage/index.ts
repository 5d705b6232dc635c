import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { storedObjects } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

/**
 * The one way files are kept (decision 0040). Every object belongs to a
 * practice and is read and written under that practice's id, so a key from
 * one practice never reaches another's bytes.
 *
 * Backend today: PostgreSQL (`stored_objects`, bytea, 1 MB per object checked
 * by the database). An S3-compatible backend belongs behind this same
 * interface when large files (workbooks, exports) move here; the callers
 * would not change.
 */
export interface StoredObject {
  contentType: string;
  bytes: Buffer;
  createdAt: Date;
}

export interface ObjectStore {
  put(practiceId: string, key: string, bytes: Uint8Array, contentType: string, tx?: DbOrTx): Promise<void>;
  get(practiceId: string, key: string): Promise<StoredObject | null>;
  remove(practiceId: string, key: string, tx?: DbOrTx): Promise<void>;
}

export const postgresStore: ObjectStore = {
  async put(practiceId, key, bytes, contentType, tx = db) {
    const buffer = Buffer.from(bytes);
    await tx
      .insert(storedObjects)
      .values({ practiceId, key, contentType, byteSize: buffer.length, bytes: buffer })
      .onConflictDoUpdate({
        target: [storedObjects.practiceId, storedObjects.key],
        set: { contentType, byteSize: buffer.length, bytes: buffer, createdAt: new Date() },
      });
  },
  async get(practiceId, key) {
    const [row] = await db
      .select({ contentType: storedObjects.contentType, bytes: storedObjects.bytes, createdAt: storedObjects.createdAt })
      .from(storedObjects)
      .where(and(eq(storedObjects.practiceId, practiceId), eq(storedObjects.key, key)));
    return row ?? null;
  },
  async remove(practiceId, key, tx = db) {
    await tx.delete(storedObjects).where(and(eq(storedObjects.practiceId, practiceId), eq(storedObjects.key, key)));
  },
};

export const storage: ObjectStore = postgresStore;
