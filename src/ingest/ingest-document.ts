import {createHash} from 'node:crypto';
import {type Diagnostic} from '../model/diagnostic.js';
import {diagnostic} from '../model/diagnostics.js';
import type {DocumentResult} from '../model/result.js';
import {statusOf} from '../model/result.js';
import type {Block, DocumentFormat, Repair, SourceDocument} from '../model/document.js';
import {headingPaths} from './heading-paths.js';
import {finishTable} from './table/finish-table.js';
import {decodeText} from './decode/decode-text.js';
import {repairMojibake} from './decode/repair-mojibake.js';
import {DEFAULT_MAX_BYTES, MAX_LINE_CHARS} from './limits.js';
import {looksLikePdf, sniffFormat} from './sniff-format.js';

/** Options for {@link ingestDocument}. */
export interface IngestOptions {
  /** The document's name as reported in provenance and diagnostics ('/'-separated, relative). */
  readonly file: string;
  /** Refuse documents larger than this many bytes. @default 104857600 (100 MB) */
  readonly maxBytes?: number;
  /** Worker threads for reading a large PDF. @default the number of CPUs */
  readonly threads?: number;
}

export {DEFAULT_MAX_BYTES};

/** SHA-256 of the bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function failure(file: string, code: Parameters<typeof diagnostic>[1], message: string): DocumentResult<SourceDocument> {
  return {status: 'failure', diagnostics: [diagnostic('error', code, 'ingest', message, {file})]};
}

/** Cut lines over {@link MAX_LINE_CHARS}, with a warning for each. */
function capLines(text: string, file: string, diagnostics: Diagnostic[]): string {
  if (text.length <= MAX_LINE_CHARS || !text.split('\n').some((l) => l.length > MAX_LINE_CHARS)) return text;
  return text
    .split('\n')
    .map((line, k) => {
      if (line.length <= MAX_LINE_CHARS) return line;
      diagnostics.push(diagnostic('warning', 'limit-exceeded', 'ingest', `Cut line of ${line.length} characters to ${MAX_LINE_CHARS}`, {file, line: k + 1}));
      return line.slice(0, MAX_LINE_CHARS);
    })
    .join('\n');
}

/**
 * Bytes → {@link SourceDocument}. The format and the text encoding are detected from the bytes;
 * the file name is used only in provenance. Never throws for bad input: a document that cannot be
 * read is a `failure` result with a diagnostic naming the reason.
 *
 * @example
 * const result = await ingestDocument(new TextEncoder().encode('Area\tObjective\n'), {file: 'a.txt'});
 * result.status; // 'success'
 */
export async function ingestDocument(bytes: Uint8Array, options: IngestOptions): Promise<DocumentResult<SourceDocument>> {
  const {file} = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) return failure(file, 'file-empty', 'Cannot read document: the file is empty');
  if (bytes.length > maxBytes) {
    return failure(file, 'file-too-large', `Cannot read document: ${bytes.length} bytes is over the limit of ${maxBytes} bytes`);
  }
  const hash = sha256(bytes);
  const diagnostics: Diagnostic[] = [];
  let format: DocumentFormat;
  let encoding = 'binary';
  let blocks: Block[];
  let title: string | undefined;
  let pages: number | undefined;
  let repairs: Repair[] = [];

  // Each reader is loaded only when a document needs it: reading a PDF never loads the HTML and
  // Markdown parsers, and the reverse.
  if (looksLikePdf(bytes)) {
    const {ingestPdf} = await import('./pdf/ingest-pdf.js');
    const pdf = await ingestPdf(bytes, options.threads === undefined ? {file} : {file, threads: options.threads});
    if (pdf.status === 'failure') return pdf;
    format = 'pdf';
    ({blocks, pages} = pdf.value);
    title = pdf.value.title;
    diagnostics.push(...pdf.diagnostics);
  } else {
    const decoded = decodeText(bytes);
    const sniffed = sniffFormat(bytes, decoded.text);
    if (sniffed === 'binary' || sniffed === 'pdf') {
      return failure(file, 'binary-content', 'Cannot read document: the bytes are not PDF, HTML, Markdown or text');
    }
    format = sniffed;
    encoding = decoded.encoding;
    if (decoded.encoding !== 'utf-8') {
      diagnostics.push(diagnostic('info', 'encoding-detected', 'ingest', `Decoded as \`${decoded.encoding}\` (${decoded.evidence})`, {file}));
    }
    if (decoded.replaced > 0) {
      diagnostics.push(
        diagnostic('warning', 'encoding-invalid', 'ingest', `Replaced ${decoded.replaced} invalid byte sequence(s) with U+FFFD`, {file}),
      );
    }
    const repaired = repairMojibake(decoded.text, file);
    repairs = repaired.repairs;
    diagnostics.push(...repaired.diagnostics);
    const text = format === 'html' ? repaired.text : capLines(repaired.text, file, diagnostics);
    let read: {blocks: Block[]; title?: string; furniture?: {lines: number; pages: number}};
    try {
      read =
        format === 'html'
          ? (await import('./html/ingest-html.js')).ingestHtml(text)
          : format === 'markdown'
            ? (await import('./markdown/ingest-markdown.js')).ingestMarkdown(text)
            : (await import('./text/ingest-text.js')).ingestText(text);
    } catch (error) {
      // A parser that gives up (a stack overflow on markup nested thousands deep) refuses the document.
      const reason = error instanceof RangeError ? 'nesting too deep' : ((error as Error)?.message ?? String(error));
      return failure(file, 'parse-failed', `Cannot parse ${format === 'html' ? 'HTML' : format === 'markdown' ? 'Markdown' : 'text'}: ${reason}`);
    }
    blocks = read.blocks;
    title = read.title;
    if (read.furniture) {
      diagnostics.push(diagnostic('info', 'furniture-removed', 'ingest', `Removed ${read.furniture.lines} running header, footer or page-number line(s) repeated on ${read.furniture.pages} page(s)`, {file}));
    }
  }
  // Every format's blocks are finished alike: one header detector, group rows, heading paths.
  blocks = headingPaths(blocks.map((block) => (block.kind === 'table' ? finishTable(block) : block)));
  const value: SourceDocument = {file, sha256: hash, format, encoding, blocks, repairs, diagnostics};
  if (title !== undefined) value.title = title;
  if (pages !== undefined) value.pages = pages;
  return {status: statusOf(diagnostics), value, diagnostics};
}
