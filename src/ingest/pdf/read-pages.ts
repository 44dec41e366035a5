import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {type Diagnostic} from '../../model/diagnostic.js';
import {diagnostic} from '../../model/diagnostics.js';
import {loadPdfJs, pdfWorker} from './load-pdfjs.js';
import {pageLines, round2, uprightFrame, type PageLine, type TextItemLike} from './page-lines.js';
import {rulingsReader, type Rulings} from './rulings.js';

/**
 * Text that is not in the page's content stream: a FreeText or other markup annotation's contents, or a
 * text or choice form field's value. Read as its own block, flagged with where it came from.
 */
export interface PageNote {
  text: string;
  origin: 'annotation' | 'form-field';
  /** The annotation's rectangle in page space (origin bottom-left), rounded to 2 decimals. */
  bbox: [number, number, number, number];
}

/** One page's lines and size: what assembly needs, small enough to pass between threads. */
export interface PageData {
  number: number;
  /** Size in the frame the page is read in (after turning it, see `turned`). */
  width: number;
  height: number;
  lines: PageLine[];
  /** Degrees the page was turned to read its text upright (see `uprightFrame`); absent when 0. */
  turned?: number;
  /** Annotation and form-field text, top to bottom; absent when none. */
  notes?: PageNote[];
  /** The page's rulings in the same frame as its lines, when the page looks tabular (see {@link TABULAR_LINES}). */
  rulings?: Rulings;
}

/**
 * A page is asked for its drawing (pdf.js `getOperatorList`, as costly as its text) only when this many
 * of its lines have a column gap: where a ruled table may be. Pages of running text never pay for it.
 */
const TABULAR_LINES = 3;

/**
 * Drawing operators read from one page for its rulings. Past this the page is a map, chart or drawing,
 * not a ruled table: the rest of its drawing is not read, its tables are found from text alignment, and a
 * `pdf-drawing-skipped` warning says so. The policy documents read here draw at most a few thousand
 * operators on a table page; pdf.js's corpus has one-page maps of 186,000 and 380,000.
 */
export const MAX_DRAWING_OPS = 50_000;

/** The private parts of pdf.js's page proxy (v5.6 `src/display/api.js`) that stream its operator list. */
interface PageInternals {
  _pageIndex: number;
  _transport?: {
    getRenderingIntent?(intent: string, annotationMode: number, printAnnotationStorage: null, isEditing: boolean, isOpList: boolean): {renderingIntent: number; cacheKey: string; annotationStorageSerializable: {map: unknown; transfer?: unknown[]}; modifiedIds: unknown};
    messageHandler?: {sendWithStream?(action: string, data: unknown, queueingStrategy?: undefined, transfer?: unknown[]): ReadableStream<{fnArray: number[]; argsArray: unknown[]}>};
  };
}

/**
 * A page's operator list, chunk by chunk as pdf.js's worker code sends it (about 1,000 operators each),
 * as `page.getOperatorList` reads it (`_pumpOperatorList`), but without gathering the whole list, so a
 * page's drawing is never held at once; reading stops (and pdf.js stops evaluating) once `onChunk` says
 * so. Where pdf.js's internals are not as expected, the whole list is read with `getOperatorList`.
 */
async function streamOperatorList(page: PdfPage, annotationMode: number, onChunk: (fnArray: number[], argsArray: unknown[]) => boolean): Promise<void> {
  const internals = page as unknown as PageInternals;
  const transport = internals._transport;
  const intent = transport?.getRenderingIntent?.('display', annotationMode, null, false, true);
  const send = transport?.messageHandler?.sendWithStream;
  if (!intent || !send) {
    const list = await page.getOperatorList({annotationMode});
    onChunk(list.fnArray, list.argsArray);
    return;
  }
  // pdf.js names a page by its id, which differs from its index only in a document whose pages an editor
  // reordered; a document opened from bytes has none.
  const args = {pageId: internals._pageIndex, pageIndex: internals._pageIndex, intent: intent.renderingIntent, cacheKey: intent.cacheKey, annotationStorage: intent.annotationStorageSerializable.map, modifiedIds: intent.modifiedIds};
  const reader = send.call(transport.messageHandler, 'GetOperatorList', args, undefined, intent.annotationStorageSerializable.transfer).getReader();
  for (;;) {
    const {value, done} = await reader.read();
    if (done) return;
    if (!onChunk(value.fnArray, value.argsArray)) {
      // pdf.js asserts that a stream is cancelled with an Error; its worker code then stops evaluating the page.
      await reader.cancel(new Error('Enough of the drawing was read'));
      return;
    }
  }
}

/**
 * The page's rulings, from its operator list, placed in the frame its text is read in; `undefined` when
 * the page draws more than {@link MAX_DRAWING_OPS} operators.
 */
async function pageRulings(page: PdfPage, viewport: Viewport, frame: {place: (x: number, y: number) => [number, number]; width: number; height: number}): Promise<Rulings | undefined> {
  const pdfjs = await loadPdfJs();
  const m = viewport.transform as number[];
  const place = (x: number, y: number): [number, number] => {
    const vx = m[0]! * x + m[2]! * y + m[4]!;
    const vy = m[1]! * x + m[3]! * y + m[5]!;
    return frame.place(vx, viewport.height - vy);
  };
  const reader = rulingsReader(place, frame.width, frame.height);
  let ops = 0;
  await streamOperatorList(page, pdfjs.AnnotationMode.DISABLE, (fnArray, argsArray) => {
    ops += fnArray.length;
    if (ops > MAX_DRAWING_OPS) return false;
    reader.add(fnArray, argsArray);
    return true;
  });
  return ops > MAX_DRAWING_OPS ? undefined : reader.rulings();
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

/**
 * pdfjs-dist's own `cmaps/`: the Adobe character maps that CJK fonts name instead of embedding, without
 * which their text comes out empty or partial. pdf.js on Node reads them with `fs`. Its `standard_fonts/`
 * are not passed: on pdf.js's test corpus they change the text of 12 files, garbling it in 10 (glyph codes
 * shifted: "Volumes" read as "9ROXPHV") and improving none; text extraction needs no glyph outlines.
 */
const PDFJS_DIST = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = `${join(PDFJS_DIST, 'cmaps')}/`;

/** Pages between releases of pdf.js's document-level caches. */
const CLEANUP_EVERY = 64;

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof loadPdfJs>>['getDocument']>['promise']>;

/**
 * Open a PDF with safe options: nothing is compiled from document data (`isEvalSupported: false`,
 * CVE-2024-4367), no font loading, no system fonts, no network (the bytes are passed in).
 */
export async function openPdf(bytes: Uint8Array, file: string): Promise<{ok: true; doc: PdfDocument; diagnostics: Diagnostic[]} | {ok: false; diagnostics: Diagnostic[]}> {
  const first = await open(bytes);
  if (first.ok) return {ok: true, doc: first.doc, diagnostics: []};
  // pdf.js asks for a password whenever there is an encryption dictionary, even one that encrypts only
  // the attachments (PDF 2.0 §7.6.5, `/EFF`): the document itself is then plain, and is read as such.
  if ((first.error as {name?: string})?.name === 'PasswordException' && encryptsOnlyAttachments(bytes)) {
    const second = await open(withoutEncryptEntry(bytes));
    if (second.ok) {
      return {ok: true, doc: second.doc, diagnostics: [diagnostic('info', 'pdf-attachment-encrypted', 'ingest', 'Read the document: only its attachments are encrypted (they are not read)', {file})]};
    }
  }
  return {ok: false, diagnostics: [openFailure(first.error, file)]};
}

async function open(bytes: Uint8Array): Promise<{ok: true; doc: PdfDocument} | {ok: false; error: unknown}> {
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
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    // Images are never read: asked for a page's drawing (its rulings), pdf.js would otherwise decode every
    // image on it (40 large ones took 800 MB on a one-page corpus file). 0 pixels: none is decoded.
    maxImageSize: 0,
    worker: await pdfWorker(),
  });
  try {
    return {ok: true, doc: await task.promise};
  } catch (error) {
    await task.destroy();
    return {ok: false, error};
  }
}

/** The last `/Encrypt N G R` reference of the file (the newest trailer's). */
const ENCRYPT_REF = /\/Encrypt\s*(\d+)\s+(\d+)\s+R/g;

/**
 * Whether the encryption dictionary encrypts only embedded files: it names an `/EFF` filter while its
 * stream and string filters (`/StmF`, `/StrF`, default Identity) are Identity. The dictionary is never
 * in an object stream (PDF 2.0 §7.5.7), so its text is in the file as written.
 *
 * @example
 * encryptsOnlyAttachments(bytes); // true for a plain document with an encrypted attachment
 */
export function encryptsOnlyAttachments(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const ref = [...text.matchAll(ENCRYPT_REF)].at(-1);
  if (!ref) return false;
  const object = new RegExp(`(?:^|\\D)${ref[1]}\\s+${ref[2]}\\s+obj\\b([\\s\\S]*?)\\bendobj`).exec(text)?.[1];
  if (!object || !/\/EFF\s*\//.test(object)) return false;
  const filter = (key: string): string => new RegExp(`/${key}\\s*/(\\w+)`).exec(object)?.[1] ?? 'Identity';
  return filter('StmF') === 'Identity' && filter('StrF') === 'Identity';
}

/** A copy of the bytes with every trailer's `/Encrypt` key renamed (same length, so offsets hold). */
function withoutEncryptEntry(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return new Uint8Array(Buffer.from(text.replace(ENCRYPT_REF, (m) => m.replace('/Encrypt', '/NoCrypt')), 'latin1'));
}

type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type Viewport = ReturnType<PdfPage['getViewport']>;

/** The fields of pdf.js annotation data read here (pdf.js `src/core/annotation.js`). */
interface AnnotationLike {
  subtype?: string;
  contentsObj?: {str?: string};
  textContent?: string[];
  rect?: number[];
}

/** Annotation kinds that carry no text of their own: links, the pop-ups of other notes, form widgets (read from the form). */
const SKIPPED_ANNOTATIONS = new Set(['Link', 'Popup', 'Widget']);

/** A PDF rectangle [x0, y0, x1, y1] in page space → a box in the frame lines use (origin bottom-left, /Rotate applied). */
function noteBox(viewport: Viewport, rect: readonly number[]): PageNote['bbox'] {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = (viewport.convertToViewportRectangle([...rect]) as number[]).map(Number);
  return [round2(Math.min(x0, x1)), round2(viewport.height - Math.max(y0, y1)), round2(Math.max(x0, x1)), round2(viewport.height - Math.min(y0, y1))];
}

const byPosition = (a: PageNote, b: PageNote): number => b.bbox[3] - a.bbox[3] || a.bbox[0] - b.bbox[0];

/**
 * The text of a page's annotations: a FreeText (or other markup) annotation's contents, else the text
 * of its appearance. Read only on a page with no text of its own: there the annotations are the page's
 * text (a form filled in with a typewriter tool, a scan labelled by hand); on a page with text they are
 * a reader's comments, not the document. This also keeps memory bounded, since pdf.js builds a full
 * object for every annotation of a page it is asked about (a page of 30,000 links costs ~150 MB).
 */
async function annotationNotes(page: PdfPage, viewport: Viewport): Promise<PageNote[]> {
  const annotations = (await page.getAnnotations({intent: 'display'})) as AnnotationLike[];
  const notes: PageNote[] = [];
  for (const a of annotations) {
    if (SKIPPED_ANNOTATIONS.has(a.subtype ?? '')) continue;
    const text = (a.contentsObj?.str || a.textContent?.join('\n'))?.replace(/\s+/g, ' ').trim();
    if (text) notes.push({text, origin: 'annotation', bbox: noteBox(viewport, a.rect ?? [0, 0, 0, 0])});
  }
  return notes.sort(byPosition);
}

/** The fields of pdf.js's `getFieldObjects()` entries read here. */
interface FieldLike {
  type?: string;
  value?: unknown;
  page?: number;
  rect?: number[];
}

/**
 * The values of a document's text and choice form fields, by page number (1-based), read once from the
 * form (pdf.js `getFieldObjects`): a filled-in form's answers are document text wherever they sit.
 *
 * @example
 * (await formFieldNotes(doc)).get(1); // [{text: 'Reduce the average wait…', origin: 'form-field', bbox: […]}]
 */
export async function formFieldNotes(doc: PdfDocument): Promise<Map<number, PageNote[]>> {
  const fields = ((await doc.getFieldObjects()) ?? {}) as Record<string, FieldLike[]>;
  const byPage = new Map<number, PageNote[]>();
  const viewports = new Map<number, Viewport>();
  for (const widgets of Object.values(fields)) {
    for (const field of widgets) {
      if (!['text', 'combobox', 'listbox'].includes(field.type ?? '') || field.page === undefined || field.page < 0) continue;
      const value = field.value;
      const text = (Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : typeof value === 'string' ? value : '').replace(/\s+/g, ' ').trim();
      if (!text) continue;
      const number = field.page + 1;
      if (number > doc.numPages) continue;
      let viewport = viewports.get(number);
      if (!viewport) {
        viewport = (await doc.getPage(number)).getViewport({scale: 1});
        viewports.set(number, viewport);
      }
      const notes = byPage.get(number) ?? [];
      notes.push({text, origin: 'form-field', bbox: noteBox(viewport, field.rect ?? [0, 0, 0, 0])});
      byPage.set(number, notes);
    }
  }
  for (const notes of byPage.values()) notes.sort(byPosition);
  return byPage;
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
        // pdf.js's own normalisation is off (it runs on every item); here it runs only on items outside Latin
        // (ligatures such as "ﬁ"), and it is pdf.js's: NFKC on a curated set of compatibility characters,
        // never on full-width CJK punctuation ("，" stays "，").
        // Kangxi radicals (U+2F00–U+2FDF), which some CJK font subsets map their ideographs to ("⽴" for
        // "立"), are compatibility characters too and are folded to the ideograph.
        const str = /[^\u0000-\u024f]/.test(item.str) ? pdfjs.normalizeUnicode(item.str).replace(/[\u2f00-\u2fdf]/g, (ch: string) => ch.normalize('NFKC')) : item.str;
        items.push({str, width: item.width, height: item.height, transform: [m[0]!, -m[1]!, m[2]!, -m[3]!, m[4]!, viewport.height - m[5]!]});
        if (str.trim()) textItems++;
      }
      const frame = uprightFrame(items, viewport.width, viewport.height);
      const {lines, rotated} = pageLines(frame.items, n);
      if (frame.turned) {
        diagnostics.push(diagnostic('info', 'page-turned', 'ingest', `Read page ${n} turned by ${frame.turned}°: most of its text runs at that angle`, {file, page: n}));
      }
      for (const text of rotated) {
        const chars = text.replace(/\s+/g, '').length;
        diagnostics.push(diagnostic('info', 'rotated-text-dropped', 'ingest', `Set aside ${chars} character(s) of rotated text \`${text.slice(0, 80)}\``, {file, page: n}));
      }
      const data: PageData = {number: n, width: frame.width, height: frame.height, lines};
      if (frame.turned) data.turned = frame.turned;
      const notes = !items.some((i) => i.str.trim())
        ? await annotationNotes(page, viewport).catch((error: unknown) => {
            diagnostics.push(diagnostic('info', 'pdf-page-failed', 'ingest', `Cannot read the annotations of page ${n}: ${(error as Error).message}`, {file, page: n}));
            return [];
          })
        : [];
      if (notes.length) data.notes = notes;
      if (lines.filter((l) => l.chunks.length >= 2).length >= TABULAR_LINES) {
        const rulings = await pageRulings(page, viewport, frame).catch((error: unknown) => {
          diagnostics.push(diagnostic('info', 'pdf-page-failed', 'ingest', `Cannot read the drawing of page ${n} (its rulings): ${(error as Error).message}`, {file, page: n}));
          return {h: [], v: []};
        });
        if (rulings) data.rulings = rulings;
        else {
          diagnostics.push(diagnostic('warning', 'pdf-drawing-skipped', 'ingest', `Did not read the drawing of page ${n} for table borders: it has more than ${MAX_DRAWING_OPS} drawing operators (a map, chart or picture?); its tables were read from text alignment alone`, {file, page: n}));
        }
      }
      pages.push(data);
      page.cleanup();
      // pdf.js on this thread runs on promises alone (microtasks), inflating inline: give the event loop a
      // turn after each page, so that messages from worker threads, timers and signals are not held up
      // until the whole range is read.
      await new Promise<void>((resolve) => setImmediate(resolve));
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

/**
 * Pages served by one open document before it is closed and opened again. pdf.js keeps every page
 * object it has handed out, on both of its sides, for the document's lifetime (a viewer goes back to
 * pages), ~60 KB a page: reopening bounds that, so memory stays flat however long the PDF. Opening is
 * cheap (the cross-reference table is read lazily); fonts are parsed again, as after `cleanup()`.
 */
const REOPEN_EVERY = 192;

type PagesRead = Extract<ReadPagesResult, {ok: true}>;

/**
 * An open PDF that reads page ranges, reopening itself every {@link REOPEN_EVERY} pages.
 *
 * @example
 * const opened = await PdfReader.open(bytes, 'plan.pdf');
 * if (opened.ok) console.log((await opened.reader.read([1, 32])).pages.length);
 */
export class PdfReader {
  #doc: PdfDocument;
  #served = 0;
  readonly #bytes: Uint8Array;
  readonly #file: string;
  readonly #reopenEvery: number;

  private constructor(doc: PdfDocument, bytes: Uint8Array, file: string, reopenEvery: number) {
    this.#doc = doc;
    this.#bytes = bytes;
    this.#file = file;
    this.#reopenEvery = reopenEvery;
  }

  /**
   * Open a PDF (see {@link openPdf}). `reopenEvery`: pages served before the document is opened again.
   * @default reopenEvery 192
   */
  static async open(bytes: Uint8Array, file: string, options: {readonly reopenEvery?: number} = {}): Promise<{ok: true; reader: PdfReader; diagnostics: Diagnostic[]} | {ok: false; diagnostics: Diagnostic[]}> {
    const opened = await openPdf(bytes, file);
    if (!opened.ok) return opened;
    return {ok: true, reader: new PdfReader(opened.doc, bytes, file, Math.max(1, options.reopenEvery ?? REOPEN_EVERY)), diagnostics: opened.diagnostics};
  }

  get numPages(): number {
    return this.#doc.numPages;
  }

  /** The open document, for document-level reads (form fields). */
  get document(): PdfDocument {
    return this.#doc;
  }

  /** Read pages `first`–`last` (1-based, inclusive; all by default), reopening the document as it goes. */
  async read(range?: readonly [number, number]): Promise<PagesRead> {
    const [first, last] = range ?? [1, this.#doc.numPages];
    const parts: PagesRead[] = [];
    for (let from = first; from <= last; ) {
      if (this.#served >= this.#reopenEvery) await this.#reopen();
      const to = Math.min(last, from + (this.#reopenEvery - this.#served) - 1);
      const part = await readRange(this.#doc, this.#file, [from, to]);
      parts.push(part);
      this.#served += to - from + 1;
      from = to + 1;
    }
    const result: PagesRead = {
      ok: true,
      numPages: this.#doc.numPages,
      pages: parts.flatMap((p) => p.pages),
      textItems: parts.reduce((n, p) => n + p.textItems, 0),
      diagnostics: parts.flatMap((p) => p.diagnostics),
    };
    const title = parts.find((p) => p.title !== undefined)?.title;
    if (title !== undefined) result.title = title;
    return result;
  }

  async #reopen(): Promise<void> {
    const again = await openPdf(this.#bytes, this.#file);
    if (!again.ok) return;
    await this.#doc.destroy();
    this.#doc = again.doc;
    this.#served = 0;
  }

  async close(): Promise<void> {
    await this.#doc.destroy();
  }
}
