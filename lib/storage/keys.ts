import { createHash } from "node:crypto";

/** The largest object kept: a 50 MB workbook. The database checks it too (stored_objects_size). */
export const MAX_OBJECT_BYTES = 50 * 1024 * 1024;

/**
 * The same rule as the database's stored_objects_key_format: path segments of
 * lowercase letters, digits, ".", "_" and "-", each starting with a letter or
 * digit. So no segment can be "." or "..", and a key can never climb out of
 * its practice's folder on disk or its prefix in a bucket.
 */
const KEY_FORMAT = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
const PRACTICE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CONTENT_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

export type StorageErrorCode = "bad_key" | "bad_content_type" | "empty" | "too_large";

/**
 * A refusal of the storage module itself. Callers check files before they get
 * here (lib/files/sniff.ts checkFile), so reaching one is a bug in the caller,
 * which is why it is thrown rather than returned.
 */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StorageError";
  }
}

export function isValidKey(key: string): boolean {
  return key.length <= 200 && KEY_FORMAT.test(key);
}

/** Throws unless the pair names a place inside one practice's own space. */
export function assertLocation(practiceId: string, key: string): void {
  if (!PRACTICE_ID.test(practiceId)) throw new StorageError("bad_key", "storage: the practice id is not a uuid");
  if (!isValidKey(key)) throw new StorageError("bad_key", "storage: the key is not a valid object key");
}

export function assertPut(practiceId: string, key: string, bytes: Uint8Array, contentType: string): void {
  assertLocation(practiceId, key);
  if (!CONTENT_TYPE.test(contentType)) throw new StorageError("bad_content_type", "storage: the content type is not a media type");
  if (bytes.length === 0) throw new StorageError("empty", "storage: an object needs at least one byte");
  if (bytes.length > MAX_OBJECT_BYTES) throw new StorageError("too_large", `storage: an object is at most ${MAX_OBJECT_BYTES} bytes`);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
