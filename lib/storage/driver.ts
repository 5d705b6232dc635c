/**
 * Where the bytes of stored objects live. The metadata (key, type, size,
 * digest) is always a stored_objects row; a driver only keeps bytes under
 * `<practiceId>/<key>`, with both already checked (lib/storage/keys.ts).
 */
export interface BlobDriver {
  readonly name: "disk" | "s3";
  write(practiceId: string, key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when nothing is there. */
  read(practiceId: string, key: string): Promise<Buffer | null>;
  /** Deleting what is not there is not an error. */
  delete(practiceId: string, key: string): Promise<void>;
}
