import {availableParallelism} from 'node:os';
import {startWorker} from '../../util/start-worker.js';
import {type Diagnostic} from '../../model/diagnostic.js';
import {diagnostic} from '../../model/diagnostics.js';
import type {DocumentResult} from '../../model/result.js';
import {statusOf} from '../../model/result.js';
import type {Block, TableBlock} from '../../model/document.js';
import {physicalTable} from '../table/physical-table.js';
import type {PhysicalLine, PhysicalTableInput} from '../table/physical-lines.js';
import {normText} from '../../util/text-shape.js';
import {findFurniture} from './furniture.js';
import {lineKey, pageItems, type ColumnLayout} from './page-blocks.js';
import {latticeTables} from './lattice.js';
import {textStyle} from './page-text.js';
import {continuesTable, continueTable} from './continue-table.js';
import type {FromWorker, ToWorker} from './pdf-worker.js';
import {formFieldNotes, PdfReader, type PageData, type ReadPagesResult} from './read-pages.js';
import {pdfSignature} from '../sniff-format.js';

/** What the PDF route produces. */
export interface PdfContent {
  blocks: Block[];
  pages: number;
  title?: string;
}

/** Options for {@link ingestPdf}. */
export interface PdfOptions {
  readonly file: string;
  /**
   * Worker threads to read pages with. A PDF of fewer than {@link PARALLEL_MIN_PAGES} pages is read on the
   * calling thread whatever this says. @default the number of CPUs
   */
  readonly threads?: number;
}

/** Below this many pages, starting workers costs more than it saves. */
export const PARALLEL_MIN_PAGES = 48;


/**
 * Heap limit of a page-reading worker. pdf.js keeps garbage around until the heap fills, so a worker
 * without a limit grows by ~100 MB over a long PDF; with one it collects sooner and stays flat. A worker
 * that runs out anyway is not an error: the pages it held go back in the queue for another reader.
 */
const WORKER_OLD_SPACE_MB = 256;
/**
 * Young-generation size of a page-reading worker. pdf.js's garbage is short-lived (a page's items, a
 * font's conversion buffers), and V8's default young generation (up to 48 MB at 3 × a 16 MB semi-space)
 * lets a worker's RSS carry tens of MB of it: on 840 pages, 8 MB took the process's peak RSS from
 * 327–331 MB to 303–309 MB, at no measurable cost in CPU time.
 */
const WORKER_YOUNG_SPACE_MB = 8;
/** Pages handed out at a time: small enough to balance the threads, large enough to keep messages few. */
const CHUNK_PAGES = 32;

type PagesRead = Extract<ReadPagesResult, {ok: true}>;

/** A queue of page ranges shared by the calling thread and the workers; whoever is free takes the next. */
class RangeQueue {
  #next = 1;
  readonly #returned: [number, number][] = [];
  readonly #last: number;
  constructor(last: number) {
    this.#last = last;
  }
  take(): [number, number] | undefined {
    const back = this.#returned.shift();
    if (back) return back;
    if (this.#next > this.#last) return undefined;
    const range: [number, number] = [this.#next, Math.min(this.#last, this.#next + CHUNK_PAGES - 1)];
    this.#next = range[1] + 1;
    return range;
  }
  giveBack(range: [number, number]): void {
    this.#returned.push(range);
  }
}

/**
 * Run one worker: it opens the document, then reads ranges from the queue until the queue is empty.
 * The queue arrives once this thread has opened the document (undefined: too few pages, nothing to do),
 * so a worker can start loading pdf.js before the page count is known.
 */
function runWorker(bytes: Uint8Array, file: string, queued: Promise<RangeQueue | undefined>, results: PagesRead[]): Promise<void> {
  return new Promise((resolve) => {
    const worker = startWorker('pdf-worker', import.meta.url, {workerData: {bytes, file}, resourceLimits: {maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_SPACE_MB}});
    let held: [number, number] | undefined;
    let queue: RangeQueue | undefined;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      if (held) queue?.giveBack(held);
      resolve();
    };
    // A document too short for workers: one still loading pdf.js is stopped at once.
    void queued.then((q) => {
      if (!q) void worker.terminate();
    });
    worker.on('message', (message: FromWorker) => {
      if ('failed' in message) {
        void worker.terminate();
        return;
      }
      if (message.result) results.push(message.result);
      void queued.then((q) => {
        queue = q;
        held = q?.take();
        if (q) worker.postMessage((held ? {range: held} : {done: true}) satisfies ToWorker);
      });
    });
    // Out of memory, or any other failure: its pages go back to the queue and the others carry on.
    worker.once('error', finish);
    worker.once('exit', finish);
  });
}

/** Add the values of the document's form fields to the pages they sit on (read once, on this thread). */
async function addFormFields(doc: Parameters<typeof formFieldNotes>[0], read: PagesRead, file: string): Promise<void> {
  const fields = await formFieldNotes(doc).catch((error: unknown) => {
    read.diagnostics.push(diagnostic('info', 'pdf-page-failed', 'ingest', `Cannot read the form fields: ${(error as Error).message}`, {file}));
    return new Map<number, never[]>();
  });
  for (const page of read.pages) {
    const notes = fields.get(page.number);
    if (notes) page.notes = [...(page.notes ?? []), ...notes];
  }
}

/** A PDF this large (bytes) starts its workers at once, before its page count is known. */
const EARLY_WORKER_BYTES = 1024 * 1024;

/**
 * Read all pages. The document is opened on this thread; a large one is read by this thread and worker
 * threads together, each taking the next range of pages from a shared queue. Workers for a large file
 * start loading while this thread opens it.
 */
async function readAll(bytes: Uint8Array, file: string, threads: number): Promise<ReadPagesResult> {
  let release: (queue: RangeQueue | undefined) => void = () => undefined;
  const queued = new Promise<RangeQueue | undefined>((resolve) => (release = resolve));
  const results: PagesRead[] = [];
  const early = threads >= 2 && bytes.length >= EARLY_WORKER_BYTES ? Array.from({length: threads - 1}, () => runWorker(bytes, file, queued, results)) : [];
  const opened = await PdfReader.open(bytes, file);
  if (!opened.ok) {
    release(undefined);
    await Promise.all(early);
    return opened;
  }
  const {reader} = opened;
  try {
    if (threads < 2 || reader.numPages < PARALLEL_MIN_PAGES) {
      release(undefined);
      const [read] = await Promise.all([reader.read(), ...early]);
      read.diagnostics.unshift(...opened.diagnostics);
      await addFormFields(reader.document, read, file);
      return read;
    }
    const queue = new RangeQueue(reader.numPages);
    release(queue);
    const workers = early.length ? early : Array.from({length: threads - 1}, () => runWorker(bytes, file, queued, results));
    const here = (async () => {
      for (let range = queue.take(); range; range = queue.take()) results.push(await reader.read(range));
    })();
    await Promise.all([here, ...workers]);
    // Pages a failed worker gave back after this thread had finished.
    for (let range = queue.take(); range; range = queue.take()) results.push(await reader.read(range));
    const pages = results.flatMap((r) => r.pages).sort((a, b) => a.number - b.number);
    const byFirstPage = results.toSorted((a, b) => (a.pages[0]?.number ?? 0) - (b.pages[0]?.number ?? 0));
    const merged: ReadPagesResult = {
      ok: true,
      numPages: reader.numPages,
      pages,
      textItems: results.reduce((n, r) => n + r.textItems, 0),
      diagnostics: [...opened.diagnostics, ...byFirstPage.flatMap((r) => r.diagnostics)],
    };
    const title = results.find((r) => r.title !== undefined)?.title;
    if (title !== undefined) merged.title = title;
    await addFormFields(reader.document, merged, file);
    return merged;
  } finally {
    await reader.close();
  }
}

/**
 * Mark the group rows of a stream table that only the PDF shows: a row whose only text, in the first
 * column, runs across the column boundaries (a full-width row), or is set larger than the table's other
 * lines while other rows fill two or more columns (a goal above its commitments). The row's cell then
 * spans every column, as a group row does in markup.
 */
function groupRows(table: TableBlock, input: PhysicalTableInput, spanning: ReadonlySet<string>): TableBlock {
  if (table.columns < 2) return table;
  const emphasis = new Set(input.lines.filter((l) => l.emphasis).map((l) => lineKey(l.at)));
  const filled = (row: TableBlock['rows'][number]): number[] => row.cells.flatMap((c, k) => (c.text.trim() && !c.spannedFrom ? [k] : []));
  const wide = table.rows.filter((r) => filled(r).length >= 2).length >= 2;
  const rows = table.rows.map((row, r) => {
    const only = filled(row);
    if (only.length !== 1 || only[0] !== 0 || row.cells.some((c) => c.spannedFrom)) return row;
    const key = lineKey(row.at);
    if (!spanning.has(key) && !(wide && emphasis.has(key))) return row;
    return {
      ...row,
      section: true,
      cells: row.cells.map((cell, c) => (c === 0 ? {...cell, colSpan: table.columns} : {text: '', fragments: [], rowSpan: 1, colSpan: 1, header: false, spannedFrom: {row: r, column: 0}})),
    };
  });
  return {...table, rows};
}

/**
 * Pages → blocks: furniture removed, each page laid out, a table's columns carried over page breaks.
 * Takes the pages: the array is emptied as they are laid out.
 */
function assemble(pages: PageData[], file: string, diagnostics: Diagnostic[]): Block[] {
  const furniture = findFurniture(pages);
  if (furniture.size) {
    const onPages = new Set([...furniture].map((line) => line.page)).size;
    const chars = [...furniture].reduce((n, line) => n + line.chunks.reduce((m, c) => m + c.text.replace(/\s+/g, '').length, 0), 0);
    diagnostics.push(diagnostic('info', 'furniture-removed', 'ingest', `Removed ${furniture.size} running header, footer or page-number line(s) (${chars} characters) repeated on ${onPages} page(s)`, {file}));
  }
  // The document's type sizes (body, headings), from every page's lines, and the last heading level read.
  const text = {style: textStyle(pages.map((p) => p.lines.filter((l) => !furniture.has(l)))), state: {lastLevel: 0}};
  const blocks: Block[] = [];
  let open: PhysicalTableInput | undefined;
  let spanning = new Set<string>();
  const close = (): void => {
    if (open) blocks.push(groupRows(physicalTable(open), open, spanning));
    open = undefined;
    spanning = new Set();
  };
  let carry: ColumnLayout | undefined;
  let notes = 0;
  // A ruled table that ended the page before, nothing after it: the one a table topping this page may continue.
  let endingTable: TableBlock | undefined;
  // Each page's lines are let go once laid out (the array is emptied as it goes), so that the lines of all
  // pages and the blocks made from them are not held at once.
  for (let page = pages.shift(); page; page = pages.shift()) {
    const kept = page.lines.filter((l) => !furniture.has(l));
    const {tables, rest} = page.rulings ? latticeTables(page.rulings, kept, page.number) : {tables: [], rest: kept};
    const result = pageItems(rest, tables, page.width, carry, page.rulings?.h, text);
    result.blocks.forEach((item, k) => {
      if (item.kind === 'lattice') {
        close();
        const previous = k === 0 ? endingTable : undefined;
        if (previous && blocks.at(-1) === previous && continuesTable(previous, item.table.table)) blocks[blocks.length - 1] = continueTable(previous, item.table.table);
        else blocks.push(item.table.table);
      } else if (item.kind !== 'physical') {
        close();
        blocks.push(item);
      } else if (open && item.continues) {
        // A table continued from the page before: its lines join the open table, so a cell cut by the page
        // break rejoins; a header line repeated at the top of the page is dropped.
        const lineText = (line: PhysicalLine | undefined): string => normText(line?.pieces.map((p) => p?.text ?? '').join('|') ?? '');
        // The first line's gap: below a dropped header, its gap from that header (a row's gap, or a cell's
        // line pitch); otherwise unknown (1 pitch), and the text decides whether it continues the cell above.
        const repeated = lineText(item.input.lines[0]) !== '' && lineText(item.input.lines[0]) === lineText(open.lines[0]);
        const lines = repeated ? item.input.lines.slice(1) : item.input.lines;
        const [first, ...rest] = lines;
        open = {...open, lines: [...open.lines, ...(first ? [{...first, gapAbove: repeated ? first.gapAbove : 1}] : []), ...rest]};
        for (const key of item.spanning) spanning.add(key);
      } else {
        close();
        open = item.input;
        spanning = new Set(item.spanning);
      }
    });
    const lastItem = result.blocks.at(-1);
    endingTable = lastItem?.kind === 'lattice' ? (blocks.at(-1) as TableBlock) : undefined;
    carry = result.carry;
    // Annotation and form-field text after the page's own text, top to bottom, flagged.
    if (page.notes?.length) close();
    for (const note of page.notes ?? []) {
      blocks.push({kind: 'paragraph', text: note.text, path: [], at: {line: page.lines.length + ++notes, page: page.number, bbox: note.bbox}, origin: note.origin});
    }
  }
  if (notes) {
    diagnostics.push(diagnostic('info', 'pdf-annotation-text', 'ingest', `Read ${notes} block(s) of text from annotations or form fields, outside the page content`, {file}));
  }
  close();
  return blocks;
}

/** Why a PDF with a text layer gave no blocks: what its text items turned out to be. */
function emptyReason(read: Extract<ReadPagesResult, {ok: true}>): string {
  const failed = read.diagnostics.filter((d) => d.code === 'pdf-page-failed' && d.severity === 'error').length;
  if (failed) return `${failed} of ${read.numPages} page(s) could not be read, and the others hold no text`;
  return 'its text items are blank or unreadable glyphs';
}

/**
 * PDF bytes → blocks, from glyph positions (pdfjs-dist, legacy build, with its CMaps and standard font
 * data): lines by baseline, chunks split at column gutters, tables from aligned columns with row breaks
 * from vertical gaps and bullets, rotated text set aside (a page whose text is mostly rotated is read
 * turned), running headers, footers and page numbers removed when they repeat across pages, a table
 * continuing on the next page kept as one, and the text of annotations and form fields read as blocks of
 * their own. A large PDF is read by several worker threads, each taking a range of pages. Never returns
 * success with nothing read: no text at all is a `failure` with the reason.
 */
export async function ingestPdf(bytes: Uint8Array, options: PdfOptions): Promise<DocumentResult<PdfContent>> {
  const {file} = options;
  const read = await readAll(bytes, file, options.threads ?? availableParallelism());
  if (!read.ok) return {status: 'failure', diagnostics: read.diagnostics};
  const diagnostics = [...read.diagnostics];
  if (pdfSignature(bytes) === 'headerless') {
    diagnostics.unshift(diagnostic('info', 'pdf-no-header', 'ingest', 'Read as PDF without a `%PDF-` signature: the file is PDF syntax (numbered objects and a cross-reference trailer)', {file}));
  }
  const notes = read.pages.reduce((n, p) => n + (p.notes?.length ?? 0), 0);
  if (read.textItems === 0 && notes === 0) {
    diagnostics.push(diagnostic('error', 'pdf-no-text', 'ingest', 'Cannot read PDF: it has no text layer (a scanned image?); OCR is needed', {file}));
    return {status: 'failure', diagnostics};
  }
  const blocks = assemble(read.pages, file, diagnostics);
  if (!blocks.length) {
    diagnostics.push(diagnostic('error', 'pdf-empty', 'ingest', `Cannot read PDF: no text could be read (${emptyReason(read)})`, {file}));
    return {status: 'failure', diagnostics};
  }
  const value: PdfContent = {blocks, pages: read.numPages};
  const title = read.title ?? blocks.find((b) => b.kind === 'heading')?.text ?? blocks.find((b) => b.kind === 'paragraph')?.text;
  if (title !== undefined) value.title = title;
  return {status: statusOf(diagnostics), value, diagnostics};
}
