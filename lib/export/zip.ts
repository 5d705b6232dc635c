import type { Readable } from "node:stream";
import { ZipFile } from "yazl";

export interface ZipEntry {
  /** Path inside the archive, e.g. `tables/clients.csv`. */
  path: string;
  /** Opened only when the archive reaches this entry (yazl's lazy streams), so one table is read at a time. */
  open: () => Readable | Promise<Readable>;
  /** Called once the entry's stream has ended (progress). */
  done?: () => void | Promise<void>;
}

/**
 * A ZIP written as it goes (yazl: streaming, no dependencies, zip64 when
 * needed): the entries are opened one after another, and the archive's
 * output is a stream the caller pipes to a file or a response. A failing
 * entry destroys the output with that error, so a half-written archive is
 * never mistaken for a whole one.
 */
export function streamZip(entries: ZipEntry[], mtime: Date): Readable {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  const fail = (error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error)));
  zip.on("error", fail);
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.path, { mtime, mode: 0o100644 }, (cb) => {
      Promise.resolve()
        .then(entry.open)
        .then((stream) => {
          stream.on("error", fail);
          if (entry.done) stream.on("end", () => void Promise.resolve(entry.done!()).catch(fail));
          cb(null, stream);
        }, fail);
    });
  }
  zip.end();
  return output;
}
