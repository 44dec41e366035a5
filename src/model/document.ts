import {z} from 'zod';
import {Diagnostic} from './diagnostic.js';

// The one document model every format is read into (HTML, Markdown, tab or layout text, PDF), after
// docling-core's DoclingDocument: headings with their path, paragraphs, nested lists and tables whose
// cells carry spans, header flags and provenance. Extract reads only this; it never asks which format a
// block came from.

/** Bounding box in PDF user space, origin bottom-left, rounded to 2 decimals: [x0, y0, x1, y1]. */
export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof BBox>;

/**
 * Where a piece of text came from. `line` starts at 1 (the decoded text's line for text formats; the
 * line within the page for PDF); `page` starts at 1 (PDF, and text dumps with form feeds).
 */
export const Location = z.object({
  line: z.number().int().positive(),
  /** The last line, when the text runs over several (a wrapped cell, a long list item). */
  endLine: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
});
export type Location = z.infer<typeof Location>;

/**
 * One unit of text inside a table cell: a paragraph or a list item of the source (an HTML `<li>` or
 * `<p>`, a bulleted or wrapped-and-rejoined line group of a PDF or text dump). Wrapped lines are
 * already joined: a fragment never ends mid-sentence because a line ended.
 */
export const Fragment = z.object({
  text: z.string(),
  /** The bullet or number as printed ("•", "1.", "(a)"), when the fragment is a list item. */
  marker: z.string().optional(),
  at: Location,
});
export type Fragment = z.infer<typeof Fragment>;

/**
 * One grid slot of a table row. A slot covered by a rowspan or colspan of another cell has
 * `spannedFrom` (0-based row and column of the owning cell, counting header rows first) and no text.
 */
export const Cell = z.object({
  /** The cell's text: its fragments joined with single spaces. */
  text: z.string(),
  fragments: z.array(Fragment),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  /** A column-header cell (`<th>` in a header row, the first row of a GFM table, or as detected). */
  header: z.boolean(),
  /** The whole cell is emphasised: bold text, or a `<th>` among body cells (evidence of a group label). */
  emphasis: z.boolean().optional(),
  spannedFrom: z.object({row: z.number().int().nonnegative(), column: z.number().int().nonnegative()}).optional(),
  /** The cell's box (PDF). */
  bbox: BBox.optional(),
});
export type Cell = z.infer<typeof Cell>;

/** A table row: exactly `columns` slots. */
export const Row = z.object({
  cells: z.array(Cell),
  at: Location,
  /** A full-width group row (one cell spanning every column, or text in the first slot only with the rest empty on a row of its own styling): docling's `row_section`. */
  section: z.boolean().optional(),
});
export type Row = z.infer<typeof Row>;

/**
 * How the table's grid was found: `markup` (HTML or Markdown table), `delimited` (tab-separated text),
 * `layout` (space-aligned text), `lattice` (PDF rulings), `stream` (PDF text alignment).
 */
export const TableMethod = z.enum(['markup', 'delimited', 'layout', 'lattice', 'stream']);
export type TableMethod = z.infer<typeof TableMethod>;

export const TableBlock = z
  .object({
    kind: z.literal('table'),
    method: TableMethod,
    caption: z.string().optional(),
    /** Texts of the headings above the block, outermost first. */
    path: z.array(z.string()),
    /** Number of grid columns; every row has exactly this many slots. */
    columns: z.number().int().nonnegative(),
    /** Column-header rows (possibly several), then body rows. A header repeated on a later page is removed from `rows`. */
    header: z.array(Row),
    rows: z.array(Row),
    at: Location,
    /** Pages the table spans (PDF), first and last. */
    pages: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
  })
  .meta({id: 'TableBlock'});
export type TableBlock = z.infer<typeof TableBlock>;

export interface ListItem {
  text: string;
  marker?: string | undefined;
  at: Location;
  items: ListItem[];
}
/** A list item with its nested items. */
export const ListItem: z.ZodType<ListItem> = z
  .object({
    text: z.string(),
    /** The bullet or number as printed ("1.", "a)", "•"). */
    marker: z.string().optional(),
    at: Location,
    get items(): z.ZodArray<z.ZodType<ListItem>> {
      return z.array(ListItem);
    },
  })
  .meta({id: 'ListItem'});

export const ListBlock = z
  .object({
    kind: z.literal('list'),
    ordered: z.boolean(),
    path: z.array(z.string()),
    items: z.array(ListItem),
    at: Location,
  })
  .meta({id: 'ListBlock'});
export type ListBlock = z.infer<typeof ListBlock>;

export const HeadingBlock = z
  .object({
    kind: z.literal('heading'),
    /** 1–6; PDF and text readers infer it from size or numbering. */
    level: z.number().int().min(1).max(6),
    text: z.string(),
    /** Texts of the headings above this one, outermost first. */
    path: z.array(z.string()),
    at: Location,
  })
  .meta({id: 'HeadingBlock'});
export type HeadingBlock = z.infer<typeof HeadingBlock>;

export const ParagraphBlock = z
  .object({
    kind: z.literal('paragraph'),
    text: z.string(),
    path: z.array(z.string()),
    at: Location,
    /** Text that is not in the page's content stream: a PDF annotation (FreeText) or a form field's value. */
    origin: z.enum(['annotation', 'form-field']).optional(),
  })
  .meta({id: 'ParagraphBlock'});
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;

export const Block = z.discriminatedUnion('kind', [HeadingBlock, ParagraphBlock, ListBlock, TableBlock]);
export type Block = z.infer<typeof Block>;

export const DocumentFormat = z.enum(['pdf', 'html', 'markdown', 'text']);
export type DocumentFormat = z.infer<typeof DocumentFormat>;

/** A text repair made while decoding (mojibake, encoding), reported, never silent. */
export const Repair = z.object({
  line: z.number().int().positive(),
  from: z.string(),
  to: z.string(),
});
export type Repair = z.infer<typeof Repair>;

/** What ingest produces from any format: the only input the extractor reads. */
export const SourceDocument = z
  .object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    format: DocumentFormat,
    encoding: z.string(),
    title: z.string().optional(),
    pages: z.number().int().nonnegative().optional(),
    blocks: z.array(Block),
    repairs: z.array(Repair),
    diagnostics: z.array(Diagnostic),
  })
  .meta({id: 'SourceDocument'});
export type SourceDocument = z.infer<typeof SourceDocument>;
