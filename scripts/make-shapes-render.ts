// Pure functions from a shape-corpus case (scripts/make-shapes-model.ts) to its documents and its answer:
// HTML, Markdown, tab text, expected.json, and the same case with every table header word scrambled.
// Used by scripts/make-shapes.ts (which writes the files) and by test/bench/bench-shapes.ts (which renders the
// scrambled text formats at run time) and test/shapes/corpus.test.ts (which checks the committed files are current).
import type {Block, ListItem, Row, ShapeCase, ShapeTarget, StatedCount, Table} from './make-shapes-model.js';

/** One item a reader must find. */
export interface ExpectedItem {
  text: string;
  groups: string[];
  targets: ShapeTarget[];
}

/** expected.json of a case. */
export interface Expected {
  description: string;
  shape: string;
  formats: string[];
  statedCounts?: StatedCount[];
  items: ExpectedItem[];
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeMd = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\*/g, '\\*').replace(/_/g, '\\_');

type CellRow = {kind: 'cells'; cells: string[]; targets: ShapeTarget[]};
type SectionRow = {kind: 'section'; label: string};
type NormalRow = CellRow | SectionRow;

function normaliseRow(row: Row): NormalRow {
  if (Array.isArray(row)) return {kind: 'cells', cells: row, targets: []};
  if ('section' in row) return {kind: 'section', label: row.section};
  return {kind: 'cells', cells: row.cells, targets: row.targets};
}

function checkTable(table: Table): void {
  const width = table.roles.length;
  if (table.header && table.header.length !== width) throw new Error(`header has ${table.header.length} cells, roles ${width}`);
  if (table.periods && table.periods.length !== width) throw new Error(`periods has ${table.periods.length} entries, roles ${width}`);
  for (const row of table.rows.map(normaliseRow))
    if (row.kind === 'cells' && row.cells.length !== width) throw new Error(`row ${JSON.stringify(row.cells)} has ${row.cells.length} cells, roles ${width}`);
  if (table.objectives !== false && table.roles.filter((r) => r === 'item').length !== 1) throw new Error('an objectives table needs exactly one item column');
}

/**
 * Rows with each group cell filled in from the rows above (a blank group cell continues the group; a new
 * value in an outer group column, or a full-width row, restarts the inner ones).
 */
function filledRows(table: Table): NormalRow[] {
  const groupCols = table.roles.flatMap((r, i) => (r === 'group' ? [i] : []));
  const current = new Map<number, string>();
  return table.rows.map(normaliseRow).map((row) => {
    if (row.kind === 'section') {
      current.clear();
      return row;
    }
    const cells = [...row.cells];
    groupCols.forEach((col, depth) => {
      if (cells[col] !== '') {
        current.set(col, cells[col]!);
        for (const inner of groupCols.slice(depth + 1)) current.delete(inner);
      } else if (current.has(col)) cells[col] = current.get(col)!;
      else if (table.objectives !== false) throw new Error(`group column ${col} starts blank in row ${JSON.stringify(row.cells)}`);
    });
    return {...row, cells};
  });
}

// ---------- targets in target columns ----------

const UNIT_WORDS: [RegExp, ShapeTarget['unit']][] = [
  [/^(?:%|per cent|percent)/i, 'percent'],
  [/^(?:working days?|days?)\b/i, 'days'],
  [/^(?:hours?|hrs?)\b/i, 'hours'],
  [/^(?:minutes?|mins?)\b/i, 'minutes'],
  [/^weeks?\b/i, 'weeks'],
  [/^months?\b/i, 'months'],
  [/^years?\b/i, 'years'],
  [/^per\b/i, 'ratio'],
];
/** Cells of a target column that state no target. */
const NO_TARGET = /^(?:—|–|-|n\/a|not applicable|tbc|to be confirmed|maintain|monitor only|baseline year|new measure|no target)$/i;

/**
 * The target a target-column cell states: "95%", "≤ 4 hours", "1,250", "£2.4m", "10 working days",
 * "12.5 per 10,000". Throws on a cell it cannot read, so a case cannot carry an answer nobody checked.
 */
export function parseTargetCell(cell: string, period: string | null | undefined): ShapeTarget[] {
  const text = cell.trim();
  if (text === '' || NO_TARGET.test(text)) return [];
  const m = /^(?:(?:≤|≥|<|>|at least|at most|no more than|no less than|under|over|below|above|within|fewer than|more than|up to)\s*)?(£)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(m|bn|k)?\b\s*(.*)$/i.exec(text);
  if (!m) throw new Error(`cannot read target cell "${cell}"`);
  const [, money, raw, scale, rest] = m;
  let value = Number(raw!.replace(/,/g, ''));
  if (scale) value *= scale.toLowerCase() === 'bn' ? 1e9 : scale.toLowerCase() === 'm' ? 1e6 : 1e3;
  let unit: ShapeTarget['unit'] = money ? 'money' : 'count';
  if (!money) for (const [re, u] of UNIT_WORDS) if (re.test(rest!.trim())) unit = u;
  if (!money && unit === 'count' && /^%/.test(rest!.trim())) unit = 'percent';
  return [{value, unit, ...(period ? {period} : {})}];
}

// ---------- expected.json ----------

interface HeadingState {
  level: number;
  text: string;
  group: boolean;
}

function listLeaves(items: readonly (ListItem | string)[], groups: string[], out: ExpectedItem[]): void {
  for (const raw of items) {
    const item = typeof raw === 'string' ? {text: raw} : raw;
    if (item.items && item.items.length > 0) listLeaves(item.items, [...groups, item.text], out);
    else out.push({text: stripStop(item.text), groups, targets: item.targets ?? []});
  }
}

const stripStop = (text: string): string => text.trim().replace(/\.$/, '');

/**
 * The items, groups and targets a careful reader finds in the case: the leaves of objectives lists, the
 * commitments of prose, and the item cells of objectives tables, each with its groups (group headings,
 * parent list items, full-width rows, group columns: outermost first) and targets (target columns with
 * their period, and those stated in the text).
 */
export function deriveExpected(c: ShapeCase): Expected {
  const items: ExpectedItem[] = [];
  const stack: HeadingState[] = [];
  let label: string | undefined;
  const headingGroups = (): string[] => [...stack.filter((h) => h.group).map((h) => h.text), ...(label === undefined ? [] : [label])];
  for (const block of c.blocks) {
    if ('heading' in block) {
      while (stack.length > 0 && stack.at(-1)!.level >= block.level) stack.pop();
      stack.push({level: block.level, text: block.heading, group: block.group === true});
      label = undefined;
    } else if ('paragraph' in block) {
      if (block.group) {
        if (typeof block.paragraph !== 'string') throw new Error('a group label paragraph is one string');
        label = block.paragraph;
        continue;
      }
      if (typeof block.paragraph === 'string') continue;
      for (const s of block.paragraph) if (typeof s !== 'string') items.push({text: stripStop(s.item), groups: headingGroups(), targets: s.targets ?? []});
    } else if ('list' in block) {
      if (block.objectives !== false) listLeaves(block.list, headingGroups(), items);
    } else {
      const table = block.table;
      checkTable(table);
      if (table.objectives === false) continue;
      const itemCol = table.roles.indexOf('item');
      const groupCols = table.roles.flatMap((r, i) => (r === 'group' ? [i] : []));
      let section: string | undefined;
      for (const row of filledRows(table)) {
        if (row.kind === 'section') {
          section = row.label;
          continue;
        }
        const text = row.cells[itemCol]!;
        if (text.trim() === '') throw new Error(`empty item cell in ${JSON.stringify(row.cells)}`);
        const groups = [...headingGroups(), ...(section ? [section] : []), ...groupCols.map((col) => row.cells[col]!)];
        const targets = [
          ...table.roles.flatMap((r, i) => (r === 'target' ? parseTargetCell(row.cells[i]!, table.periods?.[i]) : [])),
          ...row.targets,
        ];
        items.push({text: stripStop(text), groups, targets});
      }
    }
  }
  return {
    description: c.description,
    shape: c.shape,
    formats: [...c.formats],
    ...(c.statedCounts ? {statedCounts: c.statedCounts} : {}),
    items,
  };
}

// ---------- HTML ----------

function css(c: ShapeCase): string {
  const pdf = c.pdf ?? {tool: 'chromium' as const};
  const ruled = pdf.ruled === true;
  return [
    `@page { size: A4${pdf.landscape ? ' landscape' : ''}; margin: 16mm 14mm; }`,
    `body { font-family: "Liberation Sans", Arial, sans-serif; font-size: ${pdf.fontSize ?? 10}pt; line-height: 1.3; }`,
    'h1 { font-size: 1.7em; } h2 { font-size: 1.3em; margin-top: 1.2em; } h3 { font-size: 1.1em; }',
    'table { border-collapse: collapse; width: 100%; margin: 6pt 0 14pt; }',
    'caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 4pt; }',
    'th, td { text-align: left; vertical-align: top; padding: 3pt 6pt; }',
    'thead { display: table-header-group; } tr { break-inside: avoid; }',
    ruled ? 'th, td { border: 0.75pt solid #555; } thead th { background: #dfe6ee; } th.section { background: #f0f0f0; }' : 'thead th { font-weight: bold; } th.section { padding-top: 8pt; }',
    pdf.breakBeforeSections ? 'tbody.part + tbody.part { break-before: page; }' : '',
  ]
    .filter(Boolean)
    .join('\n');
}

function htmlList(items: readonly (ListItem | string)[], ordered: boolean, indent: string, start = 1): string {
  const tag = ordered ? 'ol' : 'ul';
  const lines = [`${indent}<${tag}${start === 1 ? '' : ` start="${start}"`}>`];
  for (const raw of items) {
    const item = typeof raw === 'string' ? {text: raw} : raw;
    if (item.items && item.items.length > 0)
      lines.push(`${indent}  <li>${escapeHtml(item.text)}\n${htmlList(item.items, ordered, `${indent}    `)}\n${indent}  </li>`);
    else lines.push(`${indent}  <li>${escapeHtml(item.text)}</li>`);
  }
  lines.push(`${indent}</${tag}>`);
  return lines.join('\n');
}

const paragraphText = (p: Extract<Block, {paragraph: unknown}>['paragraph']): string =>
  typeof p === 'string' ? p : p.map((s) => (typeof s === 'string' ? s : s.item)).join(' ');

function htmlTable(table: Table, ruled: boolean): string {
  const width = table.roles.length;
  const style = table.groupStyle ?? 'rowspan';
  const groupTag = table.groupCell ?? 'th';
  const rows = table.rows.map(normaliseRow);
  const filled = table.objectives === false ? rows : filledRows(table);
  const out = [ruled ? '<table width="100%" border="1" cellspacing="0" cellpadding="4">' : '<table width="100%">'];
  if (table.caption) out.push(`  <caption>${escapeHtml(table.caption)}</caption>`);
  if (table.header) out.push(`  <thead>\n    <tr>${table.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr>\n  </thead>`);
  // One tbody per full-width part, so a part can start a page.
  let open = false;
  const openBody = (): void => {
    if (open) out.push('  </tbody>');
    out.push('  <tbody class="part">');
    open = true;
  };
  const groupCols = new Set(table.roles.flatMap((r, i) => (r === 'group' ? [i] : [])));
  rows.forEach((row, index) => {
    if (row.kind === 'section') {
      openBody();
      out.push(`    <tr><${groupTag} class="section" colspan="${width}" scope="colgroup">${escapeHtml(row.label)}</${groupTag}></tr>`);
      return;
    }
    if (!open) openBody();
    const cells: string[] = [];
    const full = filled[index] as CellRow;
    row.cells.forEach((cell, col) => {
      if (!groupCols.has(col) || table.objectives === false) {
        cells.push(`<td>${escapeHtml(cell)}</td>`);
        return;
      }
      if (style === 'repeat') cells.push(`<${groupTag}>${escapeHtml(full.cells[col]!)}</${groupTag}>`);
      else if (style === 'blank' || cell !== '') {
        let span = 1;
        if (style === 'rowspan') {
          // The group continues down every following row that leaves this column and the outer group columns blank.
          const outer = [...groupCols].filter((g) => g <= col);
          for (let next = index + 1; next < rows.length; next++) {
            const r = rows[next]!;
            if (r.kind === 'section' || outer.some((g) => r.cells[g] !== '')) break;
            span++;
          }
        }
        const attrs = span > 1 ? ` rowspan="${span}"` : '';
        cells.push(cell === '' ? `<td></td>` : `<${groupTag}${groupTag === 'th' ? ' scope="rowgroup"' : ''}${attrs}>${escapeHtml(cell)}</${groupTag}>`);
      }
    });
    out.push(`    <tr>${cells.join('')}</tr>`);
  });
  if (open) out.push('  </tbody>');
  out.push('</table>');
  return out.join('\n');
}

/** The case as an HTML page (the source of its PDFs). */
export function renderHtml(c: ShapeCase): string {
  const ruled = c.pdf?.ruled === true;
  const body: string[] = [];
  for (const block of c.blocks) {
    if ('heading' in block) body.push(`<h${block.level}>${escapeHtml(block.heading)}</h${block.level}>`);
    else if ('paragraph' in block) {
      const text = escapeHtml(paragraphText(block.paragraph));
      body.push(block.bold ? `<p><strong>${text}</strong></p>` : `<p>${text}</p>`);
    } else if ('list' in block) body.push(htmlList(block.list, block.ordered === true, '', block.start));
    else body.push(htmlTable(block.table, ruled));
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(c.title)}</title>`,
    `<style>\n${css(c)}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------- Markdown ----------

function mdList(items: readonly (ListItem | string)[], ordered: boolean, depth: number, start = 1): string[] {
  const lines: string[] = [];
  items.forEach((raw, i) => {
    const item = typeof raw === 'string' ? {text: raw} : raw;
    const marker = ordered ? `${i + start}.` : '-';
    lines.push(`${'   '.repeat(depth)}${marker} ${escapeMd(item.text)}`);
    if (item.items && item.items.length > 0) lines.push(...mdList(item.items, ordered, depth + 1));
  });
  return lines;
}

function mdTable(table: Table, headingLevel: number): string[] {
  const width = table.roles.length;
  const style = table.groupStyle ?? 'rowspan';
  const filled = table.objectives === false ? table.rows.map(normaliseRow) : filledRows(table);
  const raw = table.rows.map(normaliseRow);
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeMd).join(' | ')} |`;
  const head = [line(table.header ?? Array.from({length: width}, () => '')), `|${Array.from({length: width}, () => ' --- ').join('|')}|`];
  const out: string[] = [];
  if (table.caption) out.push(`**${escapeMd(table.caption)}**`, '');
  let started = false;
  raw.forEach((row, index) => {
    if (row.kind === 'section') {
      if ((table.mdSections ?? 'row') === 'heading') {
        if (started) out.push('');
        out.push(`${'#'.repeat(Math.min(6, headingLevel + 1))} ${escapeMd(row.label)}`, '');
        started = false;
        return;
      }
      if (!started) out.push(...head);
      started = true;
      out.push(`| **${escapeMd(row.label)}** |${' |'.repeat(width - 1)}`);
      return;
    }
    if (!started) out.push(...head);
    started = true;
    out.push(line(style === 'repeat' ? (filled[index] as CellRow).cells : row.cells));
  });
  return out;
}

/** The case as Markdown: pipe tables (blank cells continue a group), headings, lists. */
export function renderMarkdown(c: ShapeCase): string {
  const out: string[] = [];
  let level = 1;
  for (const block of c.blocks) {
    if ('heading' in block) {
      level = block.level;
      out.push(`${'#'.repeat(block.level)} ${escapeMd(block.heading)}`);
    } else if ('paragraph' in block) {
      const text = escapeMd(paragraphText(block.paragraph));
      out.push(block.bold ? `**${text}**` : text);
    } else if ('list' in block) out.push(mdList(block.list, block.ordered === true, 0, block.start).join('\n'));
    else out.push(mdTable(block.table, level).join('\n'));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---------- tab text ----------

function textList(items: readonly (ListItem | string)[], ordered: boolean, depth: number, start = 1): string[] {
  const lines: string[] = [];
  items.forEach((raw, i) => {
    const item = typeof raw === 'string' ? {text: raw} : raw;
    const marker = ordered ? (depth === 0 ? `${i + start}.` : `(${String.fromCharCode(97 + i)})`) : depth === 0 ? '•' : '–';
    lines.push(`${'    '.repeat(depth)}${marker} ${item.text}`);
    if (item.items && item.items.length > 0) lines.push(...textList(item.items, ordered, depth + 1));
  });
  return lines;
}

/**
 * The case as tab text, the way a PDF text dump gives it: one line per paragraph, list item and table row,
 * cells separated by tabs, a blank cell where a group continues, a full-width row as a line of its own.
 */
export function renderText(c: ShapeCase): string {
  const out: string[] = [];
  for (const block of c.blocks) {
    if ('heading' in block) out.push(block.heading);
    else if ('paragraph' in block) out.push(paragraphText(block.paragraph));
    else if ('list' in block) out.push(...textList(block.list, block.ordered === true, 0, block.start));
    else {
      const table = block.table;
      const filled = table.objectives === false ? table.rows.map(normaliseRow) : filledRows(table);
      if (table.caption) out.push(table.caption);
      if (table.header) out.push(table.header.join('\t'));
      table.rows.map(normaliseRow).forEach((row, index) => {
        if (row.kind === 'section') out.push(row.label);
        else out.push(((table.groupStyle ?? 'rowspan') === 'repeat' ? (filled[index] as CellRow).cells : row.cells).join('\t'));
      });
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// ---------- scrambled headers ----------

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';
const FINALS = 'kmnrstx';

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A pseudo-word for a header word: the same word always gives the same pseudo-word ("Priority" →
 * "Zuvotek"), shaped like a word but in no vocabulary; the first letter's case is kept.
 *
 * @example
 * pseudoWord('Target'); // a capitalised pseudo-word, the same on every call
 */
export function pseudoWord(word: string): string {
  let h = fnv1a(word.toLowerCase());
  const next = (n: number): number => {
    const v = h % n;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    return v;
  };
  const syllables = 2 + next(2);
  let out = '';
  for (let i = 0; i < syllables; i++) out += CONSONANTS[next(CONSONANTS.length)]! + VOWELS[next(VOWELS.length)]!;
  out += FINALS[next(FINALS.length)]!;
  return /^[A-Z]/.test(word) ? out[0]!.toUpperCase() + out.slice(1) : out;
}

/** A header cell with every word scrambled; numbers and periods ("2026/27") are kept, since they are data. */
export const scrambleHeader = (cell: string): string => cell.replace(/[A-Za-z][A-Za-z'’]*/g, (w, offset: number, all: string) => (/\d/.test(all[offset - 1] ?? '') ? w : pseudoWord(w)));

/** The case with every word of every table header row replaced by a pseudo-word. */
export function scrambleCase(c: ShapeCase): ShapeCase {
  return {
    ...c,
    blocks: c.blocks.map((b) => ('table' in b && b.table.header ? {table: {...b.table, header: b.table.header.map(scrambleHeader)}} : b)),
  };
}
