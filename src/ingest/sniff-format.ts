import type {DocumentFormat} from '../model/document.js';

/** What the bytes look like. `binary` is not a document. */
export type SniffedFormat = DocumentFormat | 'binary';

/** Share of control characters above which decoded bytes are taken for binary data, not text. */
const BINARY_CONTROL_SHARE = 0.05;

/** How far into the file readers look for the `%PDF-` signature (pdf.js and Acrobat allow junk before it). */
const PDF_HEADER_WINDOW = 1024;

/**
 * How the bytes show themselves to be PDF: `header` when `%PDF-` is within the first 1 KiB (as readers
 * allow), `headerless` when there is no signature but the file is PDF syntax all the same (it opens with
 * numbered objects, `1 0 obj`, and ends with the cross-reference trailer), as some generators write and
 * every reader accepts; undefined otherwise.
 *
 * @example
 * pdfSignature(new TextEncoder().encode('%PDF-1.7\n…')); // 'header'
 */
export function pdfSignature(bytes: Uint8Array): 'header' | 'headerless' | undefined {
  const head = Buffer.from(bytes.subarray(0, PDF_HEADER_WINDOW)).toString('latin1');
  if (head.includes('%PDF-')) return 'header';
  // Comment lines (a binary marker such as "%âãÏÓ") may come first; then the first object.
  if (!/^(?:\s*%[^\r\n]*[\r\n]+)*\s*\d+\s+\d+\s+obj\b/.test(head)) return undefined;
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - PDF_HEADER_WINDOW))).toString('latin1');
  return /startxref|trailer|%%EOF/.test(tail) ? 'headerless' : undefined;
}

/** Whether the bytes are a PDF: the signature within the first 1 KiB, or PDF syntax without it ({@link pdfSignature}). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return pdfSignature(bytes) !== undefined;
}

/** Share of control characters (other than tab, LF, CR, FF) in a sample: high for binary files. */
function controlShare(text: string): number {
  const sample = text.slice(0, 8192);
  if (!sample.length) return 0;
  let control = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd || code === 0x7f) control++;
  }
  return control / sample.length;
}

/**
 * Choose a format from the content: the PDF signature, then markup, then Markdown syntax, else text.
 * The file name is never consulted here.
 *
 * @example
 * sniffFormat(bytes, '<!doctype html><p>x'); // 'html'
 */
export function sniffFormat(bytes: Uint8Array, text: string): SniffedFormat {
  if (looksLikePdf(bytes)) return 'pdf';
  // Judged on the decoded text: UTF-16 has NUL bytes but no NUL characters.
  if (controlShare(text) > BINARY_CONTROL_SHARE) return 'binary';
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype html|^(<!--[\s\S]*?-->\s*)*<html[\s>]/.test(head)) return 'html';
  const sample = text.slice(0, 200_000);
  const blockTags = (sample.match(/<\/?(p|div|table|tr|td|th|body|h[1-6]|section|article|span)\b[^>]*>/gi) ?? []).length;
  const lines = sample.split('\n');
  const nonEmpty = lines.filter((l) => l.trim()).length || 1;
  if (blockTags >= 4 && blockTags / nonEmpty > 0.5 && /<(body|table|div|p)\b/i.test(sample)) return 'html';
  // Lists are plain text as much as Markdown: they count only beside syntax that only Markdown has
  // (headings, table rules, fences, links, emphasis).
  let markdown = 0;
  let lists = 0;
  for (const line of lines) {
    if (/^#{1,6}\s+\S/.test(line)) markdown += 2;
    else if (/^\s{0,3}\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/.test(line)) markdown += 3;
    else if (/^\s{0,3}[-*+]\s+\S/.test(line) || /^\s{0,3}\d{1,3}[.)]\s+\S/.test(line)) lists += 1;
    else if (/^\s{0,3}(```|~~~)/.test(line)) markdown += 2;
    if (/\[[^\]\n]+\]\([^)\s]*\)/.test(line)) markdown += 1;
    if (/(\*\*|__)\S[^*\n]*\S\1/.test(line)) markdown += 1;
  }
  if (markdown >= 2) markdown += lists;
  if (markdown >= 3 && markdown / nonEmpty > 0.02) return 'markdown';
  return 'text';
}
