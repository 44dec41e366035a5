import type {Block, Cell, Location, Row, TableBlock} from '../model/document.js';
import type {ColumnRole, Deadline, Field, Reading, Target} from '../model/objective.js';
import {isLabelText, isValueText, normText} from '../util/text-shape.js';
import {cleanArea} from './clean-text.js';
import {contextWeight, headerRoles, type CompiledVocabulary} from './header-vocabulary.js';
import {parseColumnDeadline, parseColumnTargets, periodOf} from './column-values.js';
import type {Candidate, Draft} from './reading-types.js';
import {itemness, textShape} from './text-features.js';

/** Tables this many blocks apart (page furniture between them) may still be one table continued. */
const MAX_GAP_BLOCKS = 6;
/** A column whose cells are mostly values is a target column. */
const VALUE_SHARE = 0.5;
/** A column whose cells are mostly dates or periods is a deadline column. */
const DATE_SHARE = 0.6;
/** A column mostly of layout junk (a rotated label's debris) is ignored. */
const JUNK_SHARE = 0.5;

/** Weights of the evidence for a table reading; they sum to about 1 for a clear objectives table. */
export const TABLE_WEIGHTS = {shape: 0.3, header: 0.2, finest: 0.15, coverage: 0.1, distinct: 0.05, context: 0.1, size: 0.05, structure: 0.05, coarser: 0.25};

/** One table, or a table continued, or a set of tables with the same header under different headings. */
export interface TableUnit {
  parts: {table: TableBlock; block: number; groups: string[]}[];
}

interface ColumnStats {
  header: string;
  rows: number;
  owned: number;
  distinct: number;
  spanned: number;
  blank: number;
  fragments: number;
  itemness: number;
  value: number;
  date: number;
  junk: number;
  /** Distinct texts over runs of rows holding the same text (blanks and spans continue the run): 1 when each text holds one block of rows. */
  contiguity: number;
}

/** The cell that owns a slot (a spanned slot points at its owner). Row index counts header rows first. */
export function ownerCell(table: TableBlock, row: Row, column: number): Cell | undefined {
  const cell = row.cells[column];
  if (!cell?.spannedFrom) return cell;
  const all = [...table.header, ...table.rows];
  return all[cell.spannedFrom.row]?.cells[cell.spannedFrom.column];
}

/** A column's header text: the header rows' cells (owners of spanned slots) joined. */
export function headerText(table: TableBlock, column: number): string {
  const parts: string[] = [];
  for (const row of table.header) {
    const text = ownerCell(table, row, column)?.text.trim() ?? '';
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(' ');
}

function sameHeader(a: TableBlock, b: TableBlock): boolean {
  if (a.columns !== b.columns || !a.header.length || !b.header.length) return false;
  const key = (t: TableBlock): string => Array.from({length: t.columns}, (_, c) => normText(headerText(t, c))).join('|');
  return key(a) === key(b);
}

/**
 * A table whose reader found no header row (the shapes of its cells could not tell), but whose first
 * row is all labels and names a role the vocabulary knows ("Area | Objective" over short items), gets
 * that row as its header.
 */
function promoteHeader(table: TableBlock, vocabulary: CompiledVocabulary): TableBlock {
  const first = table.rows[0];
  if (table.header.length || !first || table.rows.length < 2 || first.section) return table;
  const texts = first.cells.map((c) => (c.spannedFrom ? '' : c.text.trim())).filter(Boolean);
  if (texts.length < Math.min(2, table.columns) || !texts.every((t) => isLabelText(t) && !isValueText(t))) return table;
  const known = texts.filter((t) => Math.max(...Object.values(headerRoles(t, vocabulary))) >= 0.7).length;
  if (known === 0) return table;
  return {...table, header: [{...first, cells: first.cells.map((c) => ({...c, header: true}))}], rows: table.rows.slice(1)};
}

/**
 * Group a document's tables into units: a table joined with the tables that continue it (same columns,
 * no header or the same header, only a few blocks of page furniture between, no new heading), and
 * tables with the same header each under a heading of its own gathered into one set, the headings
 * becoming their groups.
 */
export function tableUnits(blocks: readonly Block[], vocabulary: CompiledVocabulary): TableUnit[] {
  const tables = blocks.flatMap((b, i) => (b.kind === 'table' && b.rows.length ? [{table: promoteHeader(b, vocabulary), block: i}] : []));
  const chains: {table: TableBlock; block: number}[][] = [];
  for (const t of tables) {
    const chain = chains.at(-1);
    const last = chain?.at(-1);
    const between = last ? blocks.slice(last.block + 1, t.block) : [];
    const continues =
      chain !== undefined &&
      last !== undefined &&
      t.block - last.block - 1 <= MAX_GAP_BLOCKS &&
      !between.some((b) => b.kind === 'heading' || b.kind === 'table' || b.kind === 'list') &&
      t.table.columns === chain[0]!.table.columns &&
      (t.table.header.length === 0 || sameHeader(chain[0]!.table, t.table));
    if (continues) chain.push(t);
    else chains.push([t]);
  }
  const merged = chains.map((chain) => {
    if (chain.length === 1) return chain[0]!;
    const first = chain[0]!.table;
    // Spans never cross tables: renumber each part's span owners into the joined grid.
    let offset = first.header.length;
    const renumbered: Row[] = [];
    for (const p of chain) {
      const shift = offset - p.table.header.length;
      for (const row of p.table.rows) {
        renumbered.push({...row, cells: row.cells.map((c) => (c.spannedFrom ? {...c, spannedFrom: {row: c.spannedFrom.row + shift, column: c.spannedFrom.column}} : c))});
      }
      offset += p.table.rows.length;
    }
    const pages = chain.flatMap((p) => p.table.pages ?? []);
    const table: TableBlock = {...first, rows: renumbered};
    if (pages.length) table.pages = [Math.min(...pages), Math.max(...pages)];
    return {table, block: chain[0]!.block};
  });
  // Sets: tables with the same header whose heading paths differ; the differing headings are groups.
  const units: TableUnit[] = [];
  const used = new Set<number>();
  merged.forEach((m, i) => {
    if (used.has(i)) return;
    const set = [m];
    for (let k = i + 1; k < merged.length; k++) if (!used.has(k) && sameHeader(m.table, merged[k]!.table)) set.push(merged[k]!);
    const paths = set.map((s) => s.table.path);
    const common = commonPrefix(paths);
    if (set.length > 1 && paths.every((p) => p.length > common)) {
      set.forEach((s) => used.add(merged.indexOf(s)));
      units.push({parts: set.map((s) => ({...s, groups: s.table.path.slice(common)}))});
    } else {
      used.add(i);
      units.push({parts: [{...m, groups: []}]});
    }
  });
  return units;
}

function commonPrefix(paths: readonly (readonly string[])[]): number {
  let n = 0;
  while (paths.every((p) => p.length > n && p[n] === paths[0]![n])) n++;
  return n;
}

function bodyRows(unit: TableUnit): {table: TableBlock; row: Row}[] {
  return unit.parts.flatMap((p) => p.table.rows.filter((r) => !r.section).map((row) => ({table: p.table, row})));
}

function statsOf(unit: TableUnit, column: number): ColumnStats {
  const rows = bodyRows(unit);
  const owned: Cell[] = [];
  let spanned = 0;
  let blank = 0;
  for (const {row} of rows) {
    const cell = row.cells[column];
    if (!cell || (!cell.text.trim() && !cell.spannedFrom)) blank++;
    else if (cell.spannedFrom) spanned++;
    else owned.push(cell);
  }
  const texts = owned.map((c) => c.text.trim());
  let runs = 0;
  let last: string | undefined;
  for (const {row} of rows) {
    const cell = row.cells[column];
    const text = cell && !cell.spannedFrom ? normText(cell.text) : '';
    if (text && text !== last) {
      runs++;
      last = text;
    }
  }
  const fragments = owned.flatMap((c) => (c.fragments.length ? c.fragments.map((f) => f.text) : [c.text]));
  const share = (test: (t: string) => boolean): number => (texts.length ? texts.filter(test).length / texts.length : 0);
  return {
    header: headerText(unit.parts[0]!.table, column),
    rows: rows.length,
    owned: owned.length,
    distinct: new Set(texts.map(normText)).size,
    spanned,
    blank,
    fragments: fragments.length,
    itemness: fragments.length ? fragments.reduce((n, t) => n + itemness(t), 0) / fragments.length : 0,
    value: share((t) => textShape(t).value || /^(?:n\/?a|tbc|tbd|nil|none|[-–—]|maintain|yes|no)$/i.test(t)),
    date: share((t) => parseColumnDeadline(t) !== undefined),
    junk: share((t) => textShape(t).junk),
    contiguity: runs ? new Set(texts.map(normText)).size / runs : 1,
  };
}

/** A group column holds on average at least this many rows per group. */
const ROWS_PER_GROUP = 1.5;
/** A group column's texts each hold one block of rows (a text recurring in scattered rows is a value, not a group). */
const CONTIGUITY = 0.9;

/**
 * Whether column `g` groups the rows of column `c`: fewer distinct texts, each over a run of rows (a
 * span, blank cells below it, or the same text repeated), and words rather than values.
 */
function coarser(g: ColumnStats, c: ColumnStats): boolean {
  return (
    g.owned >= 2 &&
    g.distinct < c.distinct &&
    g.rows / Math.max(1, g.distinct) >= ROWS_PER_GROUP &&
    g.contiguity >= CONTIGUITY &&
    (g.spanned + g.blank > 0 || g.owned > g.distinct) &&
    g.value < VALUE_SHARE &&
    g.junk < JUNK_SHARE
  );
}

function roleOf(k: ColumnStats, item: ColumnStats, vocabulary: CompiledVocabulary): ColumnRole {
  // A column of nothing but layout junk is set aside; one with some words keeps them as a field.
  if (k.owned === 0 || k.junk >= 1) return 'ignored';
  if (k.junk >= JUNK_SHARE) return 'other';
  const roles = k.header ? headerRoles(k.header, vocabulary) : {item: 0, group: 0, target: 0, deadline: 0, other: 0};
  if (k.date >= DATE_SHARE || (roles.deadline >= 0.8 && k.date >= 0.3)) return 'deadline';
  // Values the header calls a baseline, an outturn or a reference are kept, but not as targets.
  if (roles.other >= 0.8 && roles.other > roles.target) return 'other';
  if (k.value >= VALUE_SHARE || (roles.target >= 0.8 && k.value >= 0.25 && k.itemness < 0.5)) return 'target';
  if (coarser(k, item) && roles.other < 0.8) return 'group';
  // One group cell per row (each area holding a list of items): the header names a group and the
  // cells read less like items than the item column's.
  if (roles.group >= 0.7 && roles.group >= roles.item && k.distinct <= item.distinct && k.itemness < item.itemness && k.contiguity >= CONTIGUITY) return 'group';
  return 'other';
}

/** Options for reading tables (steering from the command line or manifest). */
export interface TableSteering {
  /** 0-based index of the column that holds the items. */
  readonly itemColumn?: number | string;
  /** 0-based index or header words of the column that holds the groups. */
  readonly groupColumn?: number | string;
}

function columnMatches(spec: number | string, index: number, header: string): boolean {
  if (typeof spec === 'number') return spec === index;
  return /^\d+$/.test(spec) ? Number(spec) - 1 === index : normText(header).includes(normText(spec));
}

/**
 * Every reading of one table unit: each column taken in turn as the item column, the other columns'
 * roles following from what they hold, each reading scored on its evidence.
 */
export function tableReadings(unit: TableUnit, vocabulary: CompiledVocabulary, steering: TableSteering = {}): Candidate[] {
  const first = unit.parts[0]!;
  const columns = first.table.columns;
  const stats = Array.from({length: columns}, (_, c) => statsOf(unit, c));
  const textual = stats.map((s) => s.owned > 0 && s.value < VALUE_SHARE && s.junk < JUNK_SHARE && s.date < DATE_SHARE);
  const maxDistinct = Math.max(1, ...stats.filter((_, c) => textual[c]).map((s) => s.distinct));
  const context = contextWeight([first.table.caption ?? '', ...first.table.path.slice(-2), ...unit.parts.flatMap((p) => p.groups)], vocabulary);
  const candidates: Candidate[] = [];
  for (let c = 0; c < columns; c++) {
    const item = stats[c]!;
    if (!textual[c] || item.fragments === 0) continue;
    if (steering.itemColumn !== undefined && !columnMatches(steering.itemColumn, c, item.header)) continue;
    const roles: ColumnRole[] = stats.map((k, j) => (j === c ? 'item' : roleOf(k, item, vocabulary)));
    if (steering.groupColumn !== undefined) {
      roles.forEach((role, j) => {
        if (j === c) return;
        if (columnMatches(steering.groupColumn!, j, stats[j]!.header)) roles[j] = 'group';
        else if (role === 'group') roles[j] = 'other';
      });
    }
    const headerRole = item.header ? headerRoles(item.header, vocabulary) : undefined;
    const header = headerRole ? headerRole.item - 0.5 * Math.max(headerRole.group, headerRole.other, headerRole.deadline, headerRole.target) : 0;
    const isCoarser = stats.some((k, j) => j !== c && textual[j] && coarser(item, k));
    const groups = roles.filter((r) => r === 'group').length;
    const sections = unit.parts.some((p) => p.table.rows.some((r) => r.section));
    const structure = groups > 0 || sections || unit.parts.some((p) => p.groups.length) ? 1 : 0;
    const w = TABLE_WEIGHTS;
    const score =
      w.shape * item.itemness +
      w.header * header +
      w.finest * (item.distinct / maxDistinct) +
      w.coverage * (item.rows ? (item.owned + item.spanned) / item.rows : 0) +
      w.distinct * (item.owned ? item.distinct / item.owned : 0) +
      w.context * context +
      w.size * Math.min(1, Math.log2(1 + item.fragments) / 5) +
      w.structure * structure -
      (isCoarser ? w.coarser : 0);
    candidates.push(readTable(unit, c, roles, stats, score, steering, vocabulary));
  }
  return candidates;
}

function describe(unit: TableUnit, itemHeader: string): string {
  const first = unit.parts[0]!;
  const name = first.table.caption ? `"${first.table.caption}"` : first.table.path.length ? `under "${first.table.path.at(-1)}"` : `at line ${first.table.at.line}`;
  const where = first.table.at.page !== undefined ? `, page ${first.table.at.page}` : '';
  const parts = unit.parts.length > 1 ? ` (${unit.parts.length} tables)` : '';
  return `table ${name}${where}${parts}, items from column "${itemHeader || 'untitled'}"`;
}


/**
 * The group of a table's rows above its first group row: the heading the table sits under, when the
 * table has group rows and is not directly under the document's title. A PDF or layout table whose
 * later sections' headings were read as its group rows ("Homes and buildings", "Transport") starts
 * under the first section's heading ("Council operations"), which groups its first rows.
 */
function leadingSection(table: TableBlock, groups: readonly string[]): string | undefined {
  if (groups.length || table.path.length < 2) return undefined;
  const first = table.rows[0];
  if (!first || first.section || !table.rows.some((r) => r.section)) return undefined;
  const heading = cleanArea(table.path.at(-1) ?? '');
  return heading || undefined;
}
/** Read the drafts of a table unit under one assignment of roles. */
function readTable(
  unit: TableUnit,
  itemColumn: number,
  roles: readonly ColumnRole[],
  stats: readonly ColumnStats[],
  score: number,
  steering: TableSteering,
  vocabulary: CompiledVocabulary,
): Candidate {
  const drafts: Draft[] = [];
  const ignored: {header: string; text: string; at: Location}[] = [];
  const unparsedRows: Location[] = [];
  // Filled by push, not made by map and filter: V8 deoptimised this function ("wrong map") on the
  // arrays those made, empty or not.
  const groupColumns: number[] = [];
  for (let c = 0; c < roles.length; c++) if (roles[c] === 'group') groupColumns.push(c);
  groupColumns.sort((a, b) => stats[a]!.distinct - stats[b]!.distinct || a - b);
  const names = stats.map((s, c) => s.header || `Column ${c + 1}`);
  for (const part of unit.parts) {
    const {table} = part;
    let section = leadingSection(table, part.groups);
    const carry = new Map<number, string>();
    let previous: Draft[] = [];
    for (const row of table.rows) {
      if (row.section) {
        section = cleanArea(row.cells.find((c) => c.text.trim())?.text ?? '');
        carry.clear();
        continue;
      }
      for (const g of groupColumns) {
        const owner = ownerCell(table, row, g);
        const text = owner ? cleanArea(owner.fragments.length ? owner.fragments.filter((f) => !textShape(f.text).junk).map((f) => f.text).join(' ') : owner.text) : '';
        if (text) carry.set(g, text);
      }
      const groups = [...part.groups, ...(section ? [section] : []), ...groupColumns.flatMap((g) => (carry.get(g) ? [carry.get(g)!] : []))];
      const targets: Target[] = [];
      const deadlines: Deadline[] = [];
      const fields: Field[] = [];
      row.cells.forEach((cell, c) => {
        if (c === itemColumn || cell.spannedFrom || !cell.text.trim()) return;
        const header = stats[c]!.header;
        if (roles[c] === 'target') targets.push(...parseColumnTargets(cell.text, header, periodOf(header)));
        else if (roles[c] === 'deadline') {
          const deadline = parseColumnDeadline(cell.text);
          if (deadline) deadlines.push({...deadline, column: header || names[c]!});
          else fields.push({name: names[c]!, value: cell.text});
        } else if (roles[c] === 'other') {
          const kept = cell.fragments.filter((f) => !textShape(f.text).junk).map((f) => f.text);
          const junk = cell.fragments.filter((f) => textShape(f.text).junk);
          for (const f of junk) ignored.push({header: names[c]!, text: f.text, at: f.at});
          if (kept.length) fields.push({name: names[c]!, value: kept.join(' ')});
        } else if (roles[c] === 'ignored') ignored.push({header: names[c]!, text: cell.text, at: cell.fragments[0]?.at ?? row.at});
      });
      const itemCell = row.cells[itemColumn];
      if (itemCell?.spannedFrom) {
        // The item spans this row too: its other cells (a second period's target) belong to it.
        for (const d of previous) {
          d.columnTargets.push(...targets);
          d.columnDeadlines.push(...deadlines);
          d.fields.push(...fields);
        }
        continue;
      }
      const fragments = (itemCell?.fragments ?? []).filter((f) => {
        if (!textShape(f.text).junk) return true;
        ignored.push({header: names[itemColumn]!, text: f.text, at: f.at});
        return false;
      });
      if (!fragments.length) {
        if (targets.length || deadlines.length || fields.length) unparsedRows.push(row.at);
        continue;
      }
      previous = fragments.map((f) => ({text: f.text, groups, at: [f.at], columnTargets: [...targets], columnDeadlines: [...deadlines], fields: [...fields]}));
      drafts.push(...previous);
    }
  }
  const table = unit.parts[0]!.table;
  const reading: Reading = {
    source: 'table',
    description: describe(unit, stats[itemColumn]!.header),
    block: unit.parts[0]!.block + 1,
    columns: roles.map((role, index) => {
      const header = stats[index]!.header;
      const period = role === 'target' ? periodOf(header) : undefined;
      return period === undefined ? {index, header, role} : {index, header, role, period};
    }),
    score: Math.round(score * 1000) / 1000,
  };
  if (table.caption !== undefined) reading.caption = table.caption;
  if (steering.itemColumn !== undefined || steering.groupColumn !== undefined) reading.steered = true;
  const unusedGroupColumns = stats.flatMap((s, c) => (roles[c] !== 'group' && c !== itemColumn && s.header && headerRoles(s.header, vocabulary).group >= 0.8 ? [s.header] : []));
  const groupHeader = groupColumns.length ? stats[groupColumns.at(-1)!]!.header : undefined;
  return {
    reading,
    drafts,
    evidence: {
      tables: unit.parts.map((p) => p.table),
      unusedGroupColumns,
      itemNoun: stats[itemColumn]!.header,
      ...(groupHeader ? {groupNoun: groupHeader} : {}),
      ignored,
      unparsedRows,
    },
  };
}
