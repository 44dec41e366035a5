import {type Diagnostic} from '../../model/diagnostic.js';
import {diagnostic} from '../../model/diagnostics.js';
import {loadPdfJs} from './load-pdfjs.js';
import {pageLines, type PageLine, type TextItemLike} from './page-lines.js';

/** One page's lines and size: what assembly needs, small enough to pass between threads. */
export interface PageData {
  number: number;
  width: number;
  height: number;
  lines: PageLine[];
}

/** The outcome of reading a range of pages. */
export type ReadPagesResult =
  | {ok: true; numPages: number; title?: string; pages: PageData[]; textItems: number; diagnostics: Diagnostic[]}
  | {ok: false; diagnostics: Diagnostic[]};

function openFailure(error: unknown, file: string): Diagnostic {
  const name = (error as {name?: string})?.name ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') return diagnostic('error', 'pdf-encrypted', 'ingest', 'Cannot read PDF: it is encrypted (password required)', {file});
  return diagnostic('error', 'pdf-corrupt', 'ingest', `Cannot read PDF: it is corrupt or truncated (${message})`, {file});
}

/** Pages between releases of pdf.js's document-level caches. */
const CLEANUP_EVERY = 64;

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfJs>>['getDocument']>['promise']>;

/**
 * Open a PDF with safe options: nothing is compiled from document data (`isEvalSupported: false`,
 * CVE-2024-4367), no font loading, no system fonts, no network (the bytes are passed in).
 */
export async function openPdf(bytes: Uint8Array, file: string): Promise<{ok: true; doc: PdfDocument} | {ok: false; diagnostics: Diagnostic[]}> {
  const pdfjs = await loadPdfJs();
  // pdf.js transfers (detaches) the array it is given: hand it a copy so the caller's bytes stay usable.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
  });
  try {
    return {ok: true, doc: await task.promise};
  } catch (error) {
    await task.destroy();
    return {ok: false, diagnostics: [openFailure(error, file)]};
  }
}

/**
 * Read the lines of pages `first`–`last` (1-based, inclusive; clipped to the document) of an open PDF,
 * one page at a time, releasing each (`page.cleanup()`), so memory does not grow with the page count
 * beyond the lines kept.
 */
export async function readRange(doc: PdfDocument, file: string, range?: readonly [number, number]): Promise<Extract<ReadPagesResult, {ok: true}>> {
  const pdfjs = await loadPdfJs();
  const diagnostics: Diagnostic[] = [];
  const pages: PageData[] = [];
  let textItems = 0;
  let title: string | undefined;
  const [first, last] = range ?? [1, doc.numPages];
  if (first === 1) {
    const info = await doc.getMetadata().catch((error: unknown) => {
      diagnostics.push(diagnostic('info', 'pdf-page-failed', 'ingest', `Cannot read the document information: ${(error as Error).message}`, {file}));
      return undefined;
    });
    const infoTitle = (info?.info as {Title?: unknown} | undefined)?.Title;
    if (typeof infoTitle === 'string' && infoTitle.trim()) title = infoTitle.trim();
  }
  for (let n = Math.max(1, first); n <= Math.min(last, doc.numPages); n++) {
    try {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({scale: 1});
      const content = await page.getTextContent({disableNormalization: true});
      const items: TextItemLike[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        // Into page space at scale 1 with the origin bottom-left, so that /Rotate pages read upright.
        const m = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
        // pdf.js's own normalisation is off (it runs on every item); NFKC here only where it can matter (ligatures).
        const str = /[^\u0000-\u024f]/.test(item.str) ? item.str.normalize('NFKC') : item.str;
        items.push({str, width: item.width, height: item.height, transform: [m[0]!, -m[1]!, m[2]!, -m[3]!, m[4]!, viewport.height - m[5]!]});
        if (str.trim()) textItems++;
      }
      const {lines, rotated} = pageLines(items, n);
      for (const text of rotated) {
        diagnostics.push(diagnostic('info', 'rotated-text-dropped', 'ingest', `Set aside rotated text \`${text.slice(0, 80)}\``, {file, page: n}));
      }
      pages.push({number: n, width: viewport.width, height: viewport.height, lines});
      page.cleanup();
      // Release document-level caches (fonts, images) now and then, so that memory stays flat however many
      // pages there are; a later page needing a released font parses it again.
      if ((n - first + 1) % CLEANUP_EVERY === 0) await doc.cleanup();
    } catch (error) {
      diagnostics.push(diagnostic('error', 'pdf-page-failed', 'ingest', `Cannot read page ${n}: ${(error as Error).message}`, {file, page: n}));
    }
  }
  const result: Extract<ReadPagesResult, {ok: true}> = {ok: true, numPages: doc.numPages, pages, textItems, diagnostics};
  if (title !== undefined) result.title = title;
  return result;
}
