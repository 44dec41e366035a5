import {diagnostic, type Diagnostic} from '../../model/diagnostic.js';
import type {DocumentResult} from '../../model/result.js';
import {statusOf} from '../../model/result.js';
import {firstText, type Block} from '../../model/source-document.js';
import {findFurniture} from './furniture.js';
import {loadPdfJs} from './load-pdfjs.js';
import {pageBlocks, type ColumnLayout} from './page-blocks.js';
import {pageLines, type PageLine, type TextItemLike} from './page-lines.js';

/** What the PDF route produces. */
export interface PdfContent {
  blocks: Block[];
  pages: number;
  title?: string;
}

/** Options for {@link ingestPdf}. */
export interface PdfOptions {
  readonly file: string;
  /** Read only these pages (1-based, inclusive), e.g. for a worker's share of a large PDF. @default all */
  readonly pageRange?: readonly [number, number];
}

function errorDiagnostic(error: unknown, file: string): Diagnostic {
  const name = (error as {name?: string})?.name ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') return diagnostic('error', 'pdf-encrypted', 'ingest', 'Cannot read PDF: it is encrypted (password required)', {file});
  return diagnostic('error', 'pdf-corrupt', 'ingest', `Cannot read PDF: it is corrupt or truncated (${message})`, {file});
}

/**
 * PDF bytes → blocks, from glyph positions (pdfjs-dist, legacy build). Safe options: nothing is compiled
 * from document data (`isEvalSupported: false`, CVE-2024-4367), no font loading, no system fonts, no
 * network. Pages are read one at a time and released (`page.cleanup()`); only their lines are kept.
 * Rotated text is set aside, running headers and footers and page numbers are removed, and a table
 * continuing on the next page keeps its columns.
 */
export async function ingestPdf(bytes: Uint8Array, options: PdfOptions): Promise<DocumentResult<PdfContent>> {
  const {file} = options;
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
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    return {status: 'failure', diagnostics: [errorDiagnostic(error, file)]};
  }
  const diagnostics: Diagnostic[] = [];
  const pages: {number: number; width: number; height: number; lines: PageLine[]}[] = [];
  const [first, last] = options.pageRange ?? [1, doc.numPages];
  let textItems = 0;
  let title: string | undefined;
  try {
    const info = await doc.getMetadata().catch(() => undefined);
    const infoTitle = (info?.info as {Title?: unknown} | undefined)?.Title;
    if (typeof infoTitle === 'string' && infoTitle.trim()) title = infoTitle.trim();
    for (let n = Math.max(1, first); n <= Math.min(last, doc.numPages); n++) {
      try {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({scale: 1});
        const content = await page.getTextContent();
        const items: TextItemLike[] = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          // Into page space at scale 1 with the origin bottom-left, so that /Rotate pages read upright.
          const m = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
          items.push({str: item.str, width: item.width, height: item.height, hasEOL: item.hasEOL, transform: [m[0]!, -m[1]!, m[2]!, -m[3]!, m[4]!, viewport.height - m[5]!]});
        }
        textItems += items.filter((i) => i.str.trim()).length;
        const {lines, rotated} = pageLines(items, n);
        for (const text of rotated) {
          diagnostics.push(diagnostic('info', 'rotated-text-dropped', 'ingest', `Set aside rotated text \`${text.slice(0, 80)}\``, {file, page: n}));
        }
        pages.push({number: n, width: viewport.width, height: viewport.height, lines});
        page.cleanup();
      } catch (error) {
        diagnostics.push(diagnostic('error', 'pdf-page-failed', 'ingest', `Cannot read page ${n}: ${(error as Error).message}`, {file, page: n}));
      }
    }
  } finally {
    await doc.destroy();
  }
  if (textItems === 0) {
    return {status: 'failure', diagnostics: [...diagnostics, diagnostic('error', 'pdf-no-text', 'ingest', 'Cannot read PDF: it has no text layer (a scanned image?); OCR is needed', {file})]};
  }
  const furniture = findFurniture(pages);
  if (furniture.size) {
    const byPage = new Map<number, number>();
    for (const line of furniture) byPage.set(line.page, (byPage.get(line.page) ?? 0) + 1);
    diagnostics.push(diagnostic('info', 'furniture-removed', 'ingest', `Removed ${furniture.size} running header, footer or page-number line(s) on ${byPage.size} page(s)`, {file}));
  }
  const blocks: Block[] = [];
  let carry: ColumnLayout | undefined;
  for (const page of pages) {
    const result = pageBlocks(
      page.lines.filter((l) => !furniture.has(l)),
      page.width,
      carry,
    );
    blocks.push(...result.blocks);
    carry = result.carry;
  }
  title ??= firstText(blocks, 'heading') ?? firstText(blocks, 'paragraph');
  const value: PdfContent = {blocks, pages: doc.numPages};
  if (title !== undefined) value.title = title;
  return {status: statusOf(diagnostics), value, diagnostics};
}
