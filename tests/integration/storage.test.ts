import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { storedObjects } from "@/db/schema";
import { parseEnv } from "@/lib/env";
import { MAX_OBJECT_BYTES, StorageError, objectStore, type BlobDriver, type ObjectStore } from "@/lib/storage";
import { diskDriver } from "@/lib/storage/disk";
import { s3Driver } from "@/lib/storage/s3";
import { createPractice } from "./helpers/factories";
import { startLocalS3, type LocalS3 } from "./helpers/s3rver";

/**
 * One contract, both drivers: whatever STORAGE_DRIVER says, a caller sees the
 * same behaviour. Each driver's bytes are also checked where they really land
 * (the file on disk, the object in the bucket) by means other than the driver.
 */
interface Backend {
  driver: BlobDriver;
  /** The bytes at the driver's real location, read without the driver; null when absent. */
  raw(practiceId: string, key: string): Promise<Buffer | null>;
  /** Overwrites the bytes at the real location (a damaged or tampered blob). */
  tamper(practiceId: string, key: string, bytes: Buffer): Promise<void>;
  /** Everything the driver has written anywhere, as paths relative to its root. */
  everything(): Promise<string[]>;
}

let diskRoot: string;
let s3: LocalS3;

beforeAll(async () => {
  diskRoot = await mkdtemp(path.join(os.tmpdir(), "tandem-disk-store-"));
  s3 = await startLocalS3({ prefix: "tandem/" });
});
afterAll(async () => {
  await s3?.stop();
  if (diskRoot) await rm(diskRoot, { recursive: true, force: true });
});

function diskBackend(): Backend {
  return {
    driver: diskDriver(diskRoot),
    raw: (practiceId, key) => readFile(path.join(diskRoot, practiceId, key)).catch(() => null),
    async tamper(practiceId, key, bytes) {
      await writeFile(path.join(diskRoot, practiceId, key), bytes);
    },
    async everything() {
      const entries = await readdir(diskRoot, { recursive: true, withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => path.relative(diskRoot, path.join(e.parentPath, e.name)));
    },
  };
}

function s3Backend(): Backend {
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  const Bucket = s3.settings.bucket;
  return {
    driver: s3Driver(s3.settings),
    async raw(practiceId, key) {
      try {
        const got = await client.send(new GetObjectCommand({ Bucket, Key: `tandem/${practiceId}/${key}` }));
        return Buffer.from(await got.Body!.transformToByteArray());
      } catch {
        return null;
      }
    },
    async tamper(practiceId, key, bytes) {
      await client.send(new PutObjectCommand({ Bucket, Key: `tandem/${practiceId}/${key}`, Body: bytes }));
    },
    async everything() {
      const { ListObjectsV2Command } = await import("@aws-sdk/client-s3");
      const listed = await client.send(new ListObjectsV2Command({ Bucket }));
      return (listed.Contents ?? []).map((o) => o.Key!);
    },
  };
}

/** A PDF-like buffer: a real header, then incompressible bytes. */
function pdfLike(size: number): Buffer {
  const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

const rowsOf = (practiceId: string) => db.select().from(storedObjects).where(eq(storedObjects.practiceId, practiceId));

describe.each([
  ["disk", diskBackend],
  ["s3", s3Backend],
] as const)("storage contract: %s driver", (_name, makeBackend) => {
  let backend: Backend;
  let store: ObjectStore;
  beforeAll(() => {
    backend = makeBackend();
    store = objectStore(backend.driver);
  });

  test("a 20 MB PDF round-trips; the row holds its size and digest, the bytes are at <practice>/<key>", async () => {
    const practice = await createPractice();
    const pdf = pdfLike(20 * 1024 * 1024);
    await store.put(practice.id, "messages/att-1.pdf", pdf, "application/pdf");
    const got = await store.get(practice.id, "messages/att-1.pdf");
    expect(got?.contentType).toBe("application/pdf");
    expect(got!.bytes.equals(pdf)).toBe(true);
    const [row] = await rowsOf(practice.id);
    expect(row).toMatchObject({ key: "messages/att-1.pdf", byteSize: pdf.length, bytes: null });
    expect(row!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await backend.raw(practice.id, "messages/att-1.pdf"))!.equals(pdf)).toBe(true);
  });

  test("putting the same key again replaces bytes and type; one row remains", async () => {
    const practice = await createPractice();
    await store.put(practice.id, "docs/plan", Buffer.from("first version"), "text/plain");
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
    await store.put(practice.id, "docs/plan", png, "image/png");
    const got = await store.get(practice.id, "docs/plan");
    expect(got?.contentType).toBe("image/png");
    expect(got!.bytes.equals(png)).toBe(true);
    expect(await rowsOf(practice.id)).toHaveLength(1);
  });

  test("remove deletes the row and the bytes; removing again is harmless", async () => {
    const practice = await createPractice();
    await store.put(practice.id, "exports/e1.zip", Buffer.from("PK zip-ish"), "application/zip");
    await store.remove(practice.id, "exports/e1.zip");
    expect(await store.get(practice.id, "exports/e1.zip")).toBeNull();
    expect(await rowsOf(practice.id)).toEqual([]);
    expect(await backend.raw(practice.id, "exports/e1.zip")).toBeNull();
    await store.remove(practice.id, "exports/e1.zip");
  });

  test("a key under practice A is not found under practice B, and B cannot remove or overwrite it", async () => {
    const a = await createPractice();
    const b = await createPractice();
    const secret = Buffer.from("practice A's letter");
    await store.put(a.id, "letters/welcome.pdf", secret, "application/pdf");
    expect(await store.get(b.id, "letters/welcome.pdf")).toBeNull();
    await store.remove(b.id, "letters/welcome.pdf");
    await store.put(b.id, "letters/welcome.pdf", Buffer.from("practice B's own"), "application/pdf");
    expect((await store.get(a.id, "letters/welcome.pdf"))!.bytes.equals(secret)).toBe(true);
    expect((await store.get(b.id, "letters/welcome.pdf"))!.bytes.toString()).toBe("practice B's own");
  });

  test("above 50 MB is refused with nothing stored; exactly 50 MB is kept", async () => {
    const practice = await createPractice();
    const before = await backend.everything();
    const tooBig = Buffer.alloc(MAX_OBJECT_BYTES + 1, 0x41);
    await expect(store.put(practice.id, "workbooks/big.xlsx", tooBig, "application/octet-stream")).rejects.toMatchObject({ code: "too_large" });
    expect(await rowsOf(practice.id)).toEqual([]);
    expect(await backend.everything()).toEqual(before);
    await store.put(practice.id, "workbooks/max.xlsx", tooBig.subarray(0, MAX_OBJECT_BYTES), "application/octet-stream");
    expect((await store.get(practice.id, "workbooks/max.xlsx"))?.bytes.length).toBe(MAX_OBJECT_BYTES);
  }, 60_000);

  test("bad keys are refused before anything is written: no climbing out with ../", async () => {
    const practice = await createPractice();
    const before = await backend.everything();
    for (const key of ["../escape", "a/../../escape", "..", "a/./b", "/absolute", "a//b", "a/", "Upper", "a b", "x".repeat(201), ""]) {
      await expect(store.put(practice.id, key, Buffer.from("x"), "text/plain"), key).rejects.toBeInstanceOf(StorageError);
      await expect(store.get(practice.id, key), key).rejects.toMatchObject({ code: "bad_key" });
      await expect(store.remove(practice.id, key), key).rejects.toMatchObject({ code: "bad_key" });
    }
    await expect(store.put("../other", "k", Buffer.from("x"), "text/plain")).rejects.toMatchObject({ code: "bad_key" });
    await expect(store.put(practice.id, "k", Buffer.from("x"), "not a type")).rejects.toMatchObject({ code: "bad_content_type" });
    expect(await rowsOf(practice.id)).toEqual([]);
    expect(await backend.everything()).toEqual(before);
  });

  test("a row written by the former PostgreSQL backend is still read from its bytes", async () => {
    const practice = await createPractice();
    const logo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(100)]);
    await db.insert(storedObjects).values({ practiceId: practice.id, key: "brand/logo-1", contentType: "image/jpeg", byteSize: logo.length, bytes: logo });
    const got = await store.get(practice.id, "brand/logo-1");
    expect(got?.contentType).toBe("image/jpeg");
    expect(got!.bytes.equals(logo)).toBe(true);
    await store.remove(practice.id, "brand/logo-1");
    expect(await rowsOf(practice.id)).toEqual([]);
  });

  test("bytes that no longer match their digest read as missing", async () => {
    const practice = await createPractice();
    await store.put(practice.id, "docs/signed.pdf", Buffer.from("%PDF-1.7 signed"), "application/pdf");
    await backend.tamper(practice.id, "docs/signed.pdf", Buffer.from("%PDF-1.7 forged"));
    expect(await store.get(practice.id, "docs/signed.pdf")).toBeNull();
  });

  test("a rolled-back transaction leaves no row (at most an unreachable blob)", async () => {
    const practice = await createPractice();
    await expect(
      db.transaction(async (tx) => {
        await store.put(practice.id, "docs/draft.pdf", Buffer.from("%PDF-1.7 draft"), "application/pdf", tx);
        throw new Error("the caller changed its mind");
      }),
    ).rejects.toThrow("the caller changed its mind");
    expect(await rowsOf(practice.id)).toEqual([]);
    expect(await store.get(practice.id, "docs/draft.pdf")).toBeNull();
  });
});

describe("stored_objects refuses what the module refuses", () => {
  test("a traversal key, a row with neither bytes nor digest, or more than 50 MB", async () => {
    const practice = await createPractice();
    const base = { practiceId: practice.id, contentType: "text/plain", byteSize: 1, sha256: "0".repeat(64) };
    await expect(db.insert(storedObjects).values({ ...base, key: "a/../b" })).rejects.toThrow();
    await expect(db.insert(storedObjects).values({ ...base, key: "a", sha256: null })).rejects.toThrow();
    await expect(db.insert(storedObjects).values({ ...base, key: "a", byteSize: MAX_OBJECT_BYTES + 1 })).rejects.toThrow();
    await expect(db.insert(storedObjects).values({ ...base, key: "a", bytes: Buffer.from("two") })).rejects.toThrow();
    expect(await db.select().from(storedObjects).where(eq(storedObjects.practiceId, practice.id))).toEqual([]);
  });
});

describe("migration 0029", () => {
  test("its hand-written part gives a legacy row the digest of its bytes", async () => {
    const practice = await createPractice();
    const logo = Buffer.from("legacy logo bytes");
    await db.insert(storedObjects).values({ practiceId: practice.id, key: "brand/logo-0", contentType: "image/png", byteSize: logo.length, bytes: logo });
    const migration = await readFile(path.join(process.cwd(), "db/migrations/0029_storage_drivers.sql"), "utf8");
    await db.execute(sql.raw(migration.split("-- hand-written below")[1]!));
    const [row] = await rowsOf(practice.id);
    expect(row!.sha256).toBe(createHash("sha256").update(logo).digest("hex"));
  });
});

describe("STORAGE_DRIVER settings", () => {
  const base = { NODE_ENV: "test" };
  test("disk by default; s3 without bucket or keys stops the start naming each", () => {
    expect(parseEnv(base).STORAGE_DRIVER).toBe("disk");
    expect(() => parseEnv({ ...base, STORAGE_DRIVER: "s3" })).toThrow(/S3_BUCKET: is required with STORAGE_DRIVER=s3[\s\S]*S3_ACCESS_KEY_ID[\s\S]*S3_SECRET_ACCESS_KEY/);
    expect(() => parseEnv({ ...base, STORAGE_DRIVER: "s3", S3_BUCKET: "b-1", S3_ACCESS_KEY_ID: "k" })).toThrow(/S3_SECRET_ACCESS_KEY/);
    const ok = parseEnv({ ...base, STORAGE_DRIVER: "s3", S3_BUCKET: "tandem-files", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s", S3_PREFIX: "prod/" });
    expect(ok).toMatchObject({ STORAGE_DRIVER: "s3", S3_REGION: "us-east-1", S3_PREFIX: "prod/" });
    expect(() => parseEnv({ ...base, S3_PREFIX: "../x/" })).toThrow(/S3_PREFIX/);
  });

  test("production fails closed too", () => {
    const production = {
      NODE_ENV: "production",
      APP_URL: "https://tandem.example",
      AUTH_SECRET: "x".repeat(32),
      STRIPE_MODE: "standin",
      MAIL_TRANSPORT: "outbox",
    };
    expect(parseEnv(production).STORAGE_DRIVER).toBe("disk");
    expect(() => parseEnv({ ...production, STORAGE_DRIVER: "s3", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" })).toThrow(/S3_BUCKET/);
  });
});

