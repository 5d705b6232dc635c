import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { BlobDriver } from "./driver";
import { assertLocation } from "./keys";

/**
 * Bytes as files under `<root>/<practiceId>/<key>` (root: DATA_DIR/files, the
 * folder the practice export copies). Written to a temporary file beside the
 * practice folders and renamed into place, so a reader sees the old bytes or
 * the new ones, never half a file. One machine only (docs/deploy.md).
 */
export function diskDriver(root: string): BlobDriver {
  const base = path.resolve(root);
  // Outside every practice folder, so the export never picks up a half-written file.
  const tmpDir = path.join(base, ".tmp");

  function fileOf(practiceId: string, key: string): string {
    assertLocation(practiceId, key);
    const file = path.resolve(base, practiceId, ...key.split("/"));
    // The key format already rules out "..": this is the second lock on the same door.
    if (!file.startsWith(path.join(base, practiceId) + path.sep)) throw new Error("storage: a key left its practice folder");
    return file;
  }

  return {
    name: "disk",
    async write(practiceId, key, bytes) {
      const file = fileOf(practiceId, key);
      await mkdir(tmpDir, { recursive: true });
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = path.join(tmpDir, randomUUID());
      try {
        const handle = await open(tmp, "wx", 0o600);
        try {
          await handle.writeFile(bytes);
          // On disk before the row that points at it commits.
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(tmp, file);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },
    async read(practiceId, key) {
      try {
        return await readFile(fileOf(practiceId, key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return null;
        throw error;
      }
    },
    async delete(practiceId, key) {
      await rm(fileOf(practiceId, key), { force: true });
    },
  };
}
