// The source of truth of one shape-corpus case: test/fixtures/shapes/<case>/case.json.
// `scripts/make-shapes.ts` renders it to HTML, Markdown, tab text and (through LibreOffice or Chromium) PDF,
// and derives expected.json from the same blocks, so the documents and the answer cannot drift apart.
import {z} from 'zod';

/** A target a careful reader must find: value, unit and, when the document gives one, its period. */
export const ShapeTarget = z.object({
  value: z.number(),
  unit: z.enum(['percent', 'count', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'ratio', 'money']),
  period: z.string().optional(),
});
export type ShapeTarget = z.infer<typeof ShapeTarget>;

/** A count the document states in prose ("There are 18 success measures under 7 priorities"), and what it counts. */
/** `of`: `items`; `groups` (distinct innermost groups); `top-groups` (distinct outermost groups, e.g. goals above targets). */
export const StatedCount = z.object({count: z.number().int().positive(), noun: z.string().min(1), of: z.enum(['items', 'groups', 'top-groups'])});
export type StatedCount = z.infer<typeof StatedCount>;

export const FORMATS = ['html', 'md', 'txt', 'layout', 'pdf'] as const;
export const ShapeFormat = z.enum(FORMATS);
export type ShapeFormat = z.infer<typeof ShapeFormat>;

/** File name of each format inside a case folder. `layout` is `pdftotext -layout` of the PDF. */
export const FORMAT_FILE: Record<ShapeFormat, string> = {html: 'doc.html', md: 'doc.md', txt: 'doc.txt', layout: 'doc.layout.txt', pdf: 'doc.pdf'};
/** Files made from the case with every table header word scrambled (PDF and its layout text; the text formats are scrambled at run time). */
export const SCRAMBLED_FILE: Partial<Record<ShapeFormat, string>> = {pdf: 'doc.scrambled.pdf', layout: 'doc.scrambled.layout.txt'};

/** A heading; `group: true` when it names the group of the items below it (until the next heading of its level or above). */
const Heading = z.object({heading: z.string().min(1), level: z.number().int().min(1).max(4), group: z.boolean().optional()}).strict();

/** A sentence of prose: plain context, or a commitment the reader must take as an item. */
const Sentence = z.union([z.string(), z.object({item: z.string().min(1), targets: z.array(ShapeTarget).optional()}).strict()]);
/** A paragraph; `group: true` for a label paragraph ("**Safer streets**") naming the group of the lists below it, until the next heading or label. */
const Paragraph = z.object({paragraph: z.union([z.string(), z.array(Sentence).min(1)]), bold: z.boolean().optional(), group: z.boolean().optional()}).strict();

export interface ListItem {
  text: string;
  targets?: ShapeTarget[] | undefined;
  /** Sub-items: this item is then a group and its leaves are the items. */
  items?: (ListItem | string)[] | undefined;
}
const ListItemSchema: z.ZodType<ListItem | string> = z.lazy(() =>
  z.union([
    z.string().min(1),
    z.object({text: z.string().min(1), targets: z.array(ShapeTarget).optional(), items: z.array(ListItemSchema).optional()}).strict(),
  ]),
);
/** `objectives: false` for a list that is context, not objectives (a list of partners); `start`: the first number of an ordered list. */
const List = z
  .object({list: z.array(ListItemSchema).min(1), ordered: z.boolean().optional(), start: z.number().int().positive().optional(), objectives: z.boolean().optional()})
  .strict();

/** A table row: its cells; a full-width group row (`section`); or cells with targets stated in the item text. */
const Row = z.union([
  z.array(z.string()),
  z.object({section: z.string().min(1)}).strict(),
  z.object({cells: z.array(z.string()), targets: z.array(ShapeTarget)}).strict(),
]);
export type Row = z.infer<typeof Row>;

export const Role = z.enum(['group', 'item', 'target', 'other']);
export type Role = z.infer<typeof Role>;

const Table = z
  .object({
    caption: z.string().optional(),
    /** Absent: the table has no header row. */
    header: z.array(z.string()).optional(),
    /** What each column holds (the answer, never printed). */
    roles: z.array(Role).min(1),
    /** The period each target column's header names (`2026/27`), or null. */
    periods: z.array(z.string().nullable()).optional(),
    rows: z.array(Row).min(1),
    /** `false` for a table that is not the objectives (an action plan, a budget). */
    objectives: z.boolean().optional(),
    /**
     * How a group cell continues down the rows: `rowspan` (HTML rowspan; blank cells in Markdown and text),
     * `blank` (blank cells everywhere) or `repeat` (the group written on every row). @default 'rowspan'
     */
    groupStyle: z.enum(['rowspan', 'blank', 'repeat']).optional(),
    /** How Markdown shows full-width group rows: a row with the label in bold (`row`) or a heading above each part (`heading`). @default 'row' */
    mdSections: z.enum(['row', 'heading']).optional(),
    /** HTML cell element for group cells and section rows. @default 'th' */
    groupCell: z.enum(['th', 'td']).optional(),
  })
  .strict();
export type Table = z.infer<typeof Table>;
const TableBlock = z.object({table: Table}).strict();

export const Block = z.union([Heading, Paragraph, List, TableBlock]);
export type Block = z.infer<typeof Block>;

export const ShapeCase = z
  .object({
    title: z.string().min(1),
    description: z.string().min(1),
    /** Kebab-case name of the shape ("priority-success-measure"). */
    shape: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    domain: z.string().min(1),
    /** What makes the case hard, in a sentence (README). */
    hard: z.string().min(1),
    formats: z.array(ShapeFormat).min(2),
    pdf: z
      .object({
        tool: z.enum(['soffice', 'chromium']),
        landscape: z.boolean().optional(),
        ruled: z.boolean().optional(),
        /** Body font size in points. @default 10 */
        fontSize: z.number().optional(),
        /** Start each full-width group row on a new page. */
        breakBeforeSections: z.boolean().optional(),
      })
      .strict()
      .optional(),
    statedCounts: z.array(StatedCount).optional(),
    blocks: z.array(Block).min(1),
  })
  .strict();
export type ShapeCase = z.infer<typeof ShapeCase>;
