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

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
