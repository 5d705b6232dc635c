import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { BlobDriver } from "./driver";
import { assertLocation } from "./keys";

export interface S3Settings {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** An S3-compatible service's origin; unset: AWS S3 itself. */
  endpoint?: string;
  /** Before every object key, ending in "/" (checked in lib/env.ts). */
  prefix?: string;
}

/**
 * Bytes as objects `<prefix><practiceId>/<key>` in one bucket, through the
 * official AWS SDK, so AWS S3 and S3-compatible services (MinIO, R2, …) take
 * the same path. Several app instances share the bucket.
 */
export function s3Driver(settings: S3Settings): BlobDriver {
  const client = new S3Client({
    region: settings.region,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    ...(settings.endpoint
      ? {
          endpoint: settings.endpoint,
          // Compatible services rarely have per-bucket DNS names.
          forcePathStyle: true,
          // The SDK's default CRC32 trailers are not understood by every compatible service;
          // the digest in stored_objects checks the bytes anyway.
          requestChecksumCalculation: "WHEN_REQUIRED" as const,
          responseChecksumValidation: "WHEN_REQUIRED" as const,
        }
      : {}),
  });
  const prefix = settings.prefix ?? "";
  const objectKey = (practiceId: string, key: string) => {
    assertLocation(practiceId, key);
    return `${prefix}${practiceId}/${key}`;
  };

  return {
    name: "s3",
    async write(practiceId, key, bytes, contentType) {
      await client.send(
        new PutObjectCommand({ Bucket: settings.bucket, Key: objectKey(practiceId, key), Body: bytes, ContentType: contentType, ContentLength: bytes.length }),
      );
    },
    async read(practiceId, key) {
      try {
        const result = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: objectKey(practiceId, key) }));
        if (!result.Body) return null;
        return Buffer.from(await result.Body.transformToByteArray());
      } catch (error) {
        if (error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)) return null;
        throw error;
      }
    },
    async delete(practiceId, key) {
      await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: objectKey(practiceId, key) }));
    },
  };
}
