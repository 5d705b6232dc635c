/**
 * What one import may hold. The file limit stays under the 10 MB that the
 * proxy buffers (next.config proxyClientMaxBodySize's default) and the server
 * action body limit in next.config.ts; 20,000 rows is twice the benchmark's
 * 10,000 and more than any one practice's list we have seen. A cell longer
 * than `MAX_CELL_CHARS` makes that row bad (with its line), never the file.
 */
export const IMPORT_LIMITS = {
  maxFileBytes: 5 * 1024 * 1024,
  maxRows: 20_000,
  maxCellChars: 5_000,
  /** Notes are the one long field (the other fields have the client form's limits). */
  maxNotesChars: 5_000,
  /** Rows shown on the preview before confirming. */
  previewRows: 10,
  /** Rows per INSERT statement in the import transaction. */
  batchSize: 1_000,
} as const;

/**
 * The sentence for a file over the size limit, or null. Pure, so the import
 * page checks in the browser before sending: a file over the server action's
 * body limit (next.config.ts) would otherwise fail in Next itself, with no
 * sentence for the person (a 50,000-row export is about 7 MB).
 */
export function fileTooLargeMessage(bytes: number): string | null {
  if (bytes <= IMPORT_LIMITS.maxFileBytes) return null;
  return `The file is ${formatBytes(bytes)}; at most ${formatBytes(IMPORT_LIMITS.maxFileBytes)} can be imported at once. Split it into smaller files.`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
