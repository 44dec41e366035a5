import type {Diagnostic} from '../model/diagnostic.js';
import {diagnostic} from '../model/diagnostics.js';
import type {Edition} from '../model/objective.js';
import type {ManualRow, Review, ReviewAnchor, ReviewEntry, ReviewImportVocabulary, ReviewStatus} from '../model/review.js';
import {resolveAnchor} from './resolve-anchor.js';
import {normaliseText} from './text-similarity.js';

/** One row of a table as text: its cells, left to right, and its 1-based line in the file. */
export interface TableRowText {
  readonly cells: readonly string[];
  readonly line: number;
}

/** Options for {@link importTable}. */
export interface ImportTableOptions {
  /** The table's file name, for messages and each entry's `source`. */
  readonly file: string;
  readonly previous: Edition;
  readonly current: Edition;
  /** Column, status and "no objective" words (`data/review-import.json`). */
  readonly vocabulary: ReviewImportVocabulary;
  /** The comparison id to record in the file. @default none */
  readonly comparison?: string;
}

/** A text of the table that matches no objective of its edition. */
export interface UnanchoredText {
  readonly line: number;
  readonly side: 'previous' | 'current';
  readonly text: string;
  /** What became of the row: a manual row, or an entry for its other side only. */
  readonly outcome: 'manual row' | 'other side only';
}

export type ImportTableResult =
  | {status: 'success'; value: Review; diagnostics: Diagnostic[]; report: {rows: number; entries: number; manual: number; unanchored: UnanchoredText[]}}
  | {status: 'failure'; diagnostics: Diagnostic[]};

type Role = 'area' | 'previous' | 'current' | 'status' | 'notes' | 'commentary';

interface Record {
  line: number;
  areaCell: string;
  area: string;
  previous: string;
  current: string;
  previousNone: boolean;
  currentNone: boolean;
  status: string;
  notes: string;
  commentary: string;
}

/** Header text for matching: lower case, `_`, `-` and `/` as spaces, other punctuation dropped. */
function headerWords(text: string): string {
  return ` ${normaliseText(text).replace(/[_/-]+/g, ' ').replace(/[^\p{L}\p{N}\s]+/gu, ' ').replace(/\s+/g, ' ').trim()} `;
}

function matches(header: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => header.includes(` ${headerWords(p).trim()} `));
}

/** Plan year start in a header ("Objective 2023/24" → 2023). */
function yearIn(text: string): number | undefined {
  const m = /\b(20\d{2})(?:\s*[/\-–]\s*\d{2,4})?\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** Which column plays which role, from a header row; undefined when it is not a comparison table's header. */
function rolesOf(cells: readonly string[], vocabulary: ReviewImportVocabulary): Map<Role, number> | undefined {
  const roles = new Map<Role, number>();
  const objectives: number[] = [];
  cells.forEach((cell, k) => {
    const h = headerWords(cell);
    if (!h.trim()) return;
    const c = vocabulary.columns;
    if (matches(h, c.objective)) objectives.push(k);
    else if (matches(h, c.status)) roles.has('status') || roles.set('status', k);
    else if (matches(h, c.notes)) roles.has('notes') || roles.set('notes', k);
    else if (matches(h, c.commentary)) roles.has('commentary') || roles.set('commentary', k);
    else if (matches(h, c.area) && !matches(h, c.previous)) roles.has('area') || roles.set('area', k);
  });
  if (objectives.length < 2) return undefined;
  const words = objectives.map((k) => headerWords(cells[k]!));
  let previous = objectives.find((_, i) => matches(words[i]!, vocabulary.columns.previous));
  let current = objectives.find((_, i) => matches(words[i]!, vocabulary.columns.current) && objectives[i] !== previous);
  if (previous === undefined || current === undefined) {
    const years = objectives.map((k) => yearIn(cells[k]!));
    if (years.every((y) => y !== undefined) && new Set(years).size === years.length) {
      const sorted = objectives.map((k, i) => ({k, y: years[i]!})).toSorted((a, b) => a.y - b.y);
      previous = sorted[0]!.k;
      current = sorted.at(-1)!.k;
    } else {
      previous = objectives[0]!;
      current = objectives[1]!;
    }
  }
  roles.set('previous', previous);
  roles.set('current', current);
  return roles;
}

/** Inline HTML left in a cell (`<u>`, `<br>`) is removed; whitespace collapsed. */
function clean(text: string | undefined): string {
  return (text ?? '').replace(/<\/?[a-z][^<>]*>/gi, ' ').replace(/\s+/g, ' ').trim();
}

function isNone(text: string, vocabulary: ReviewImportVocabulary): boolean {
  const t = normaliseText(text);
  if (!t) return false;
  return vocabulary.none.some((n) => {
    const w = normaliseText(n);
    return t === w || (/\p{L}/u.test(w) && t.startsWith(`${w} `) && t.split(' ').length <= 8);
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The status a status cell opens with, and the rest of the cell as a change note. */
function parseStatus(cell: string, vocabulary: ReviewImportVocabulary): {status?: ReviewStatus; note?: string} {
  const phrases = (['kept', 'new', 'dropped'] as const)
    .flatMap((status) => vocabulary.statuses[status].map((p) => ({status, p})))
    .toSorted((a, b) => b.p.length - a.p.length);
  for (const {status, p} of phrases) {
    const m = new RegExp(`^${escape(p)}(?![\\p{L}\\p{N}])[\\s,;:.\\-–—]*`, 'iu').exec(cell);
    if (m) {
      const note = cell.slice(m[0].length).trim();
      return note ? {status, note} : {status};
    }
  }
  return cell ? {note: cell} : {};
}

/**
 * A header repeated after a page break and read together with the next line (each cell opening with its
 * header's text, "Area autistic people"): the header's words are taken off, leaving the line.
 */
function withoutRepeatedHeader(row: TableRowText, header: TableRowText): TableRowText {
  const heads = header.cells.map((h) => clean(h));
  const named = heads.filter(Boolean).length;
  let opened = 0;
  const cells = row.cells.map((cell, k) => {
    const text = clean(cell);
    const head = heads[k];
    if (!head || !text.toLowerCase().startsWith(head.toLowerCase()) || !/^(\s|$)/.test(text.slice(head.length))) return cell;
    opened++;
    return text.slice(head.length).trim();
  });
  return opened >= Math.max(2, Math.ceil(named * 0.6)) ? {cells, line: row.line} : row;
}

function incomplete(r: Record, vocabulary: ReviewImportVocabulary): boolean {
  const missing = (side: 'previous' | 'current'): boolean => !r[side] && !r[`${side}None`];
  const status = parseStatus(r.status, vocabulary).status;
  if (!status) return true;
  if (status === 'kept') return missing('previous') || missing('current');
  if (status === 'new') return !r.current;
  return !r.previous;
}

/**
 * A hand-made comparison table (Area | previous objective | current objective | Status | notes |
 * commentary, in any order the header names) → review entries anchored to two editions. Repeated
 * header rows and blank rows (page breaks) are skipped; a row with no objective and no status continues
 * the row above (a cell broken by a page); a run of rows missing a current objective or a status shares
 * the one value the run has (a vertically merged cell). A status cell is read as a status word plus a
 * change note ("Kept Uplift from 76% to 78%"). Each row's objectives are found in the editions by
 * text: a row found on both sides forces that pair, a row found on one side only stands alone, and a
 * row found on neither side becomes a manual row. Every text that matches no objective is reported.
 *
 * @example
 * const result = importTable(rows, {file: 'table.md', previous, current, vocabulary});
 * result.status === 'success' && result.report.unanchored; // texts that matched nothing
 */
export function importTable(rows: readonly TableRowText[], options: ImportTableOptions): ImportTableResult {
  const {file, vocabulary} = options;
  const diagnostics: Diagnostic[] = [];
  const headerAt = rows.findIndex((r) => rolesOf(r.cells, vocabulary) !== undefined);
  if (headerAt < 0) {
    return {
      status: 'failure',
      diagnostics: [
        diagnostic('error', 'review-invalid', 'review', 'Cannot import table: no header row names two objective columns (previous and current)', {file}),
      ],
    };
  }
  const header = rows[headerAt]!;
  const roles = rolesOf(header.cells, vocabulary)!;
  const headerKey = header.cells.map((c) => normaliseText(c)).join('\u0000');
  const cell = (row: TableRowText, role: Role): string => (roles.has(role) ? clean(row.cells[roles.get(role)!]) : '');

  const records: Record[] = [];
  for (const original of rows.slice(headerAt + 1)) {
    if (original.cells.map((c) => normaliseText(c)).join('\u0000') === headerKey) continue;
    const row = withoutRepeatedHeader(original, header);
    if (!row.cells.some((c) => clean(c))) continue;
    const previous = cell(row, 'previous');
    const current = cell(row, 'current');
    const r: Record = {
      line: row.line,
      areaCell: cell(row, 'area'),
      area: '',
      previous: isNone(previous, vocabulary) ? '' : previous,
      current: isNone(current, vocabulary) ? '' : current,
      previousNone: isNone(previous, vocabulary),
      currentNone: isNone(current, vocabulary),
      status: cell(row, 'status'),
      notes: cell(row, 'notes'),
      commentary: cell(row, 'commentary'),
    };
    const last = records.at(-1);
    if (!r.previous && !r.current && !r.previousNone && !r.currentNone && !r.status) {
      // A cell broken by a page: its text continues the row above.
      if (last) {
        const join = (a: string, b: string): string => (a && b ? `${a} ${b}` : a || b);
        last.areaCell = join(last.areaCell, r.areaCell);
        last.notes = join(last.notes, r.notes);
        last.commentary = join(last.commentary, r.commentary);
      }
      continue;
    }
    records.push(r);
  }

  // Areas: a cell that ends open (",", "and") or a fragment in lower case continues the area above.
  let running = '';
  for (const r of records) {
    if (r.areaCell) {
      running = /(,|\band|&)$/i.test(running) || /^\p{Ll}/u.test(r.areaCell) ? `${running} ${r.areaCell}` : r.areaCell;
    }
    r.area = running;
  }

  // Vertically merged cells: a run of incomplete rows shares the one objective or status it holds.
  for (let k = 0; k < records.length; ) {
    if (!incomplete(records[k]!, vocabulary)) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < records.length && incomplete(records[end + 1]!, vocabulary)) end++;
    const run = records.slice(k, end + 1);
    if (run.length > 1) {
      for (const field of ['previous', 'current', 'status'] as const) {
        const values = [...new Set(run.map((r) => r[field]).filter(Boolean))];
        if (values.length === 1) for (const r of run) if (!r[field] && !(field !== 'status' && r[`${field}None`])) r[field] = values[0]!;
      }
    }
    k = end + 1;
  }

  const editions = {previous: options.previous, current: options.current};
  const claimed = {previous: new Set<number>(), current: new Set<number>()};
  for (const side of ['previous', 'current'] as const) {
    const texts = new Set(records.map((r) => normaliseText(r[side])).filter(Boolean));
    editions[side].objectives.forEach((o, i) => texts.has(normaliseText(o.text)) && claimed[side].add(i));
  }
  const anchor = (side: 'previous' | 'current', r: Record): ReviewAnchor | undefined => {
    if (!r[side]) return undefined;
    const objectives = editions[side].objectives;
    const found = resolveAnchor({text: r[side], ...(r.area ? {area: r.area} : {})}, objectives, {claimed: claimed[side]});
    if (!found.found) return undefined;
    const o = objectives[found.index]!;
    return {text: o.text, area: o.area, position: found.index + 1};
  };

  const entries: ReviewEntry[] = [];
  const manual: ManualRow[] = [];
  const unanchored: UnanchoredText[] = [];
  const base = file.split('/').at(-1)!;
  let lastAnchor: {previous?: ReviewAnchor; current?: ReviewAnchor} | undefined;
  const excerpt = (t: string): string => (t.length > 70 ? `${t.slice(0, 69).trimEnd()}…` : t);
  for (const r of records) {
    const parsed = parseStatus(r.status, vocabulary);
    const notes = [parsed.note, r.notes].filter((n): n is string => Boolean(n));
    const previous = anchor('previous', r);
    const current = anchor('current', r);
    const status: ReviewStatus | undefined = parsed.status ?? (r.previous && r.current ? 'kept' : r.current ? 'new' : r.previous ? 'dropped' : undefined);
    if (!parsed.status && status) {
      diagnostics.push(
        diagnostic('info', 'review-unanchored', 'review', `Row has no status word${r.status ? ` in "${excerpt(r.status)}"` : ''}; status ${status} taken from the objectives it holds`, {
          file,
          line: r.line,
        }),
      );
    }
    const source = `${base}:${r.line}`;
    for (const side of ['previous', 'current'] as const) {
      const found = side === 'previous' ? previous : current;
      if (!r[side] || found) continue;
      const other = side === 'previous' ? current : previous;
      const outcome = other ? 'other side only' : 'manual row';
      unanchored.push({line: r.line, side, text: r[side], outcome});
      diagnostics.push(
        diagnostic(
          'warning',
          'review-unanchored',
          'review',
          `Cannot anchor the ${side} objective "${excerpt(r[side])}": no objective of ${editions[side].id} matches it; ${
            outcome === 'manual row' ? 'kept as a manual row' : `the entry names the ${side === 'previous' ? 'current' : 'previous'} objective only and records no pairing`
          }`,
          {file, line: r.line},
        ),
      );
    }
    if (!previous && !current) {
      if (!r.previous && !r.current) continue;
      const area = r.areaCell ? r.area : (lastAnchor?.current?.area ?? lastAnchor?.previous?.area ?? r.area);
      const m: ManualRow = {area: area || 'Unspecified', status: status ?? (r.current ? 'new' : 'dropped')};
      if (r.previous) m.previous = r.previous;
      if (r.current) m.current = r.current;
      if (notes.length) m.notes = notes;
      if (r.commentary) m.commentary = r.commentary;
      if (lastAnchor) m.after = lastAnchor.previous ? {previous: lastAnchor.previous} : {current: lastAnchor.current!};
      m.source = source;
      manual.push(m);
      continue;
    }
    const entry: ReviewEntry = {};
    if (previous) entry.previous = [previous];
    if (current) entry.current = [current];
    const unpaired = (r.previous && !previous) || (r.current && !current);
    if (previous && current) entry.pair = 'force';
    else if (!unpaired) entry.pair = 'forbid';
    if (status) entry.status = status;
    if (notes.length) entry.notes = {add: notes};
    if (r.commentary) entry.commentary = r.commentary;
    entry.source = source;
    entries.push(entry);
    lastAnchor = {...(previous ? {previous} : {}), ...(current ? {current} : {})};
  }
  const value: Review = {
    ...(options.comparison ? {comparison: options.comparison} : {}),
    previous: options.previous.id,
    current: options.current.id,
    entries,
    manual,
  };
  return {status: 'success', value, diagnostics, report: {rows: records.length, entries: entries.length, manual: manual.length, unanchored}};
}
