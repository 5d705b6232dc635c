import { CsvError, parse } from "csv-parse/sync";
import { decodeCsvBytes, type Encoding } from "./decode";
import { DELIMITERS, type Delimiter } from "./delimiters";

export { DELIMITERS, DELIMITER_LABELS, type Delimiter } from "./delimiters";
import { IMPORT_LIMITS, fileTooLargeMessage } from "./limits";

/** A record of the file: its cells and the line it starts on (1 = the header line). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  encoding: Encoding;
  delimiter: Delimiter;
  headers: string[];
  rows: CsvRow[];
  /** Blank lines and rows whose every cell is empty: ignored, counted for the preview. */
  emptyRows: number;
}


export type ParseFailure = { ok: false; message: string };

class TooManyRows extends Error {}

/**
 * Reads an uploaded CSV with csv-parse: quoted fields (with delimiters, quotes
 * and line breaks inside), a byte order mark, CRLF or CR line ends, and the
 * delimiter (comma, semicolon, tab, pipe) detected from the first lines unless
 * given. Refuses, with a sentence a person can act on, a file over the size
 * limit, a binary file, an unclosed quote, a file with no header or no rows,
 * and more rows than the limit (stopping as soon as it passes it).
 */
export function parseCsv(bytes: Uint8Array, options: { delimiter?: Delimiter } = {}): ({ ok: true } & ParsedCsv) | ParseFailure {
  const { maxRows } = IMPORT_LIMITS;
  if (bytes.byteLength === 0) return { ok: false, message: "The file is empty." };
  const tooLarge = fileTooLargeMessage(bytes.byteLength);
  if (tooLarge) return { ok: false, message: tooLarge };
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, message: "This does not look like a CSV file (it holds binary data). Save the spreadsheet as CSV and upload that." };
  // One line end for all: csv-parse's line count then matches what an editor shows,
  // and a line break inside a quoted cell is kept as "\n".
  const text = decoded.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const delimiter = options.delimiter ?? detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  let count = 0;
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      on_record: (record: string[]) => {
        // The header plus maxRows data rows; stop reading the moment there are more.
        if (++count > maxRows + 1) throw new TooManyRows();
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof TooManyRows || (error instanceof CsvError && error.cause instanceof TooManyRows)) {
      return { ok: false, message: `The file has more than ${maxRows.toLocaleString("en-US")} rows; split it into files of at most ${maxRows.toLocaleString("en-US")} rows.` };
    }
    if (error instanceof CsvError) return { ok: false, message: csvErrorMessage(error) };
    throw error;
  }
  const [header, ...body] = records;
  if (!header || header.record.every((h) => h.trim() === "")) return { ok: false, message: "The file has no header row: the first line should name the columns (First name, Last name, Email…)." };
  const headers = header.record.map((h, i) => h.trim() || `Column ${i + 1}`);
  const rows: CsvRow[] = [];
  let emptyRows = 0;
  for (const { record, info } of body) {
    if (record.every((c) => c.trim() === "")) {
      emptyRows++;
      continue;
    }
    // info.lines is the line the record ends on; it starts that many line breaks earlier.
    const breaks = record.reduce((n, c) => n + countBreaks(c), 0);
    rows.push({ line: info.lines - breaks, cells: record });
  }
  if (rows.length === 0) return { ok: false, message: "The file has a header but no rows to import." };
  return { ok: true, encoding: decoded.encoding, delimiter, headers, rows, emptyRows };
}

function countBreaks(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}

/**
 * The delimiter whose count is the same, and highest, on the first lines
 * outside quotes (a spreadsheet in a comma-decimal locale saves ";").
 * Comma when nothing stands out.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = splitLogicalLines(text.slice(0, 64 * 1024), 20);
  let best: Delimiter = ",";
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length / counts.length;
    const score = first * consistent;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Up to `max` non-empty lines, not splitting inside quotes. */
function splitLogicalLines(text: string, max: number): string[] {
  const out: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === "\n" && !inQuotes) {
      const line = text.slice(start, i);
      if (line.trim() !== "") out.push(line);
      start = i + 1;
    }
  }
  if (out.length < max && start < text.length && !inQuotes) {
    const line = text.slice(start);
    if (line.trim() !== "") out.push(line);
  }
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === d && !inQuotes) n++;
  }
  return n;
}

function csvErrorMessage(error: CsvError): string {
  const line = (error as unknown as { lines?: number }).lines;
  const at = line ? ` (line ${line})` : "";
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `A quoted cell is never closed${at}: a " opens a cell that runs to the end of the file. Check that line in a text editor.`;
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return `A quote is misplaced${at}: a cell that starts with " must end with " before the next delimiter.`;
    default:
      return `The file could not be read as CSV${at}.`;
  }
}
