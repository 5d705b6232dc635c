import type { Readable } from "node:stream";
import yauzl from "yauzl";

/** Reads a stream to its end (tests only: the app never holds an export whole). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Every entry of a ZIP, by path, decompressed (yauzl checks each entry's CRC as it reads). */
export function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error ?? new Error("no zip"));
      const out = new Map<string, Buffer>();
      file.on("error", reject);
      file.on("end", () => resolve(out));
      file.on("entry", (entry: yauzl.Entry) => {
        file.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error("no stream"));
          readAll(stream).then((buf) => {
            out.set(entry.fileName, buf);
            file.readEntry();
          }, reject);
        });
      });
      file.readEntry();
    });
  });
}

export function jsonEntry<T = Record<string, unknown>[]>(entries: Map<string, Buffer>, path: string): T {
  const buf = entries.get(path);
  if (!buf) throw new Error(`no ${path} in the zip (has ${[...entries.keys()].join(", ")})`);
  return JSON.parse(buf.toString("utf8")) as T;
}
