import path from "node:path";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import type { DbOrTx } from "@/db/client";
import { storedObjects } from "@/db/schema";
import { env, type Env } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { diskDriver } from "./disk";
import type { BlobDriver } from "./driver";
import { assertLocation, assertPut, sha256Hex } from "./keys";
import { s3Driver } from "./s3";

export { MAX_OBJECT_BYTES, StorageError, isValidKey } from "./keys";
export type { BlobDriver } from "./driver";

/**
 * The one way files are kept (decision 0045, which replaced the PostgreSQL
 * backend of 0040). Every object belongs to a practice and is read and written
 * under that practice's id, so a key from one practice never reaches another's
 * bytes. The index is always the stored_objects table (so listing, export and
 * tenancy stay in SQL); the bytes go to a driver chosen by STORAGE_DRIVER:
 * local disk by default, an S3-compatible bucket when configured. Callers do
 * not know which.
 */
export interface StoredObject {
  contentType: string;
  bytes: Buffer;
  createdAt: Date;
}

export interface ObjectStore {
  /** Refuses (throws StorageError) a bad key or content type, no bytes, or more than MAX_OBJECT_BYTES, storing nothing. */
  put(practiceId: string, key: string, bytes: Uint8Array, contentType: string, tx?: DbOrTx): Promise<void>;
  /** Null when there is no such object — or its bytes are gone or do not match their digest. */
  get(practiceId: string, key: string): Promise<StoredObject | null>;
  remove(practiceId: string, key: string, tx?: DbOrTx): Promise<void>;
}

/** The store over one driver's bytes. */
export function objectStore(driver: BlobDriver): ObjectStore {
  const where = (practiceId: string, key: string) => and(eq(storedObjects.practiceId, practiceId), eq(storedObjects.key, key));
  return {
    async put(practiceId, key, bytes, contentType, tx = db) {
      assertPut(practiceId, key, bytes, contentType);
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const sha256 = sha256Hex(buffer);
      // Bytes first, row second: if the row's transaction rolls back, what is left is a blob no
      // row names (unreachable, harmless), never a row that promises bytes that are not there.
      // Overwriting a key replaces its blob at once, so a rolled-back overwrite leaves the old
      // row with new bytes: the digest then fails and it reads as missing, never as wrong bytes.
      // A caller that must keep the old version until commit writes a fresh key (as the logo does).
      await driver.write(practiceId, key, buffer, contentType);
      const createdAt = new Date();
      await tx
        .insert(storedObjects)
        .values({ practiceId, key, contentType, byteSize: buffer.length, sha256, bytes: null, createdAt })
        .onConflictDoUpdate({ target: [storedObjects.practiceId, storedObjects.key], set: { contentType, byteSize: buffer.length, sha256, bytes: null, createdAt } });
    },
    async get(practiceId, key) {
      assertLocation(practiceId, key);
      const [row] = await db
        .select({ contentType: storedObjects.contentType, byteSize: storedObjects.byteSize, sha256: storedObjects.sha256, bytes: storedObjects.bytes, createdAt: storedObjects.createdAt })
        .from(storedObjects)
        .where(where(practiceId, key));
      if (!row) return null;
      // A row of the former PostgreSQL backend keeps its bytes in the row; the database checked their length.
      if (row.bytes) return { contentType: row.contentType, bytes: row.bytes, createdAt: row.createdAt };
      const bytes = await driver.read(practiceId, key);
      if (!bytes || bytes.length !== row.byteSize || sha256Hex(bytes) !== row.sha256) {
        // The key and practice only: never a byte of the content.
        log.warn({ scope: "storage", driver: driver.name, practiceId, key, found: bytes ? bytes.length : null }, "storage: object bytes missing or not matching their digest; treated as missing");
        return null;
      }
      return { contentType: row.contentType, bytes, createdAt: row.createdAt };
    },
    async remove(practiceId, key, tx = db) {
      assertLocation(practiceId, key);
      // Row first, bytes second: a failure between the two leaves an orphaned blob, which no
      // read can reach, rather than a row whose bytes are gone. Inside a caller's transaction
      // the blob goes before the commit, so call remove last there (a rollback after it would
      // leave a row that reads as missing).
      await tx.delete(storedObjects).where(where(practiceId, key));
      await driver.delete(practiceId, key);
    },
  };
}

/** The driver the settings choose (validated in lib/env.ts). */
export function driverFromEnv(settings: Env): BlobDriver {
  if (settings.STORAGE_DRIVER === "s3") {
    return s3Driver({
      bucket: settings.S3_BUCKET!,
      region: settings.S3_REGION,
      accessKeyId: settings.S3_ACCESS_KEY_ID!,
      secretAccessKey: settings.S3_SECRET_ACCESS_KEY!,
      endpoint: settings.S3_ENDPOINT,
      prefix: settings.S3_PREFIX,
    });
  }
  return diskDriver(storedFilesRoot(settings.DATA_DIR));
}

/** DATA_DIR/files: the disk driver's root, one folder per practice. */
export function storedFilesRoot(dataDir: string = env.DATA_DIR): string {
  return path.resolve(dataDir, "files");
}

export const storage: ObjectStore = objectStore(driverFromEnv(env));
