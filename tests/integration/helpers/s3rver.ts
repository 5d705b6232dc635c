import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "@/lib/storage/s3";

/**
 * A local S3-compatible server (s3rver, in this process) on a free loopback
 * port with its own temporary directory and one empty bucket, for tests that
 * drive the real @aws-sdk/client-s3: `s3Driver(server.settings)`.
 * `stop()` closes it and deletes the directory.
 */
export interface LocalS3 {
  endpoint: string;
  settings: S3Settings;
  stop(): Promise<void>;
}

export async function startLocalS3(options: { bucket?: string; prefix?: string } = {}): Promise<LocalS3> {
  const bucket = options.bucket ?? "tandem-test";
  const directory = await mkdtemp(path.join(os.tmpdir(), "tandem-s3rver-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    // s3rver checks signatures against its one built-in key pair.
    settings: { bucket, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", endpoint, prefix: options.prefix },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
