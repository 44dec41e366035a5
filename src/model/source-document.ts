import {z} from 'zod';
import {Diagnostic} from './diagnostic.js';

/** Bounding box in PDF user space, origin bottom-left, rounded to 2 decimals: [x0, y0, x1, y1]. */
export const BBox = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export type BBox = z.infer<typeof BBox>;

/**
 * Where a piece of text came from. `line` starts at 1 (the decoded text's line for text formats;
 * the line within the page for PDF); `page` starts at 1 and is set for PDF only.
 */
export const Location = z.object({
  line: z.number().int().positive(),
  page: z.number().int().positive().optional(),
  bbox: BBox.optional(),
});
export type Location = z.infer<typeof Location>;

/**
 * A run of text inside a cell or block. `start` says what separates it from the fragment before it:
 * `item` is a known structural boundary (a list item, a paragraph, a table row), `line` a physical
 * line wrap that may or may not begin a new item.
 */
export const Fragment = z.object({
  text: z.string(),
  start: z.enum(['item', 'line']),
  at: Location,
});
export type Fragment = z.infer<typeof Fragment>;

/** One grid slot of a table row. A slot covered by a rowspan/colspan from another cell has `spannedFrom`. */
export const Cell = z.object({
  fragments: z.array(Fragment),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  header: z.boolean(),
  spannedFrom: z.object({row: z.number().int().nonnegative(), column: z.number().int().nonnegative()}).optional(),
});
export type Cell = z.infer<typeof Cell>;

/**
 * A table row. `physical` rows are single lines of a layout dump (one objective may wrap over several);
 * logical rows come from markup (HTML `<tr>`, a Markdown table row, a PDF row bounded by rules).
 */
export const Row = z.object({
  cells: z.array(Cell),
  physical: z.boolean(),
  at: Location,
});
export type Row = z.infer<typeof Row>;

export const TableBlock = z.object({
  kind: z.literal('table'),
  caption: z.string().optional(),
  /** Number of grid columns; every row has exactly this many cells. */
  columns: z.number().int().nonnegative(),
  header: z.array(Row),
  rows: z.array(Row),
  at: Location,
});
export type TableBlock = z.infer<typeof TableBlock>;

export const TextBlock = z.object({
  kind: z.enum(['heading', 'paragraph', 'list-item']),
  /** Heading level 1–6 for headings. */
  level: z.number().int().min(1).max(6).optional(),
  text: z.string(),
  at: Location,
});
export type TextBlock = z.infer<typeof TextBlock>;

export const Block = z.discriminatedUnion('kind', [TextBlock, TableBlock]);
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

