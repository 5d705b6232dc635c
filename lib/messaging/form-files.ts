import type { UploadedFile } from "./post";

/** The `attachments` files of a submitted form, as bytes for lib/messaging/post.ts (empty file inputs send nothing). */
export async function filesOf(form: FormData): Promise<UploadedFile[]> {
  const files = form.getAll("attachments").filter((f): f is File => typeof f !== "string" && f.size > 0);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
