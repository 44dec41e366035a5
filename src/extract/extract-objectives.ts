import {createHash} from 'node:crypto';
import {type Diagnostic} from '../model/diagnostic.js';
import {diagnostic, sortDiagnostics} from '../model/diagnostics.js';
import type {Edition, Objective, Provenance} from '../model/objective.js';
import type {DocumentResult} from '../model/result.js';
import {statusOf} from '../model/result.js';
import type {BBox, Cell, Location, SourceDocument, TableBlock} from '../model/source-document.js';
import {cleanArea, cleanObjectiveText, isJunk, joinLines, vocabularyOf, type Vocabulary} from './clean-text.js';
import {findObjectivesTable, type ObjectivesTable} from './find-objectives-table.js';
import {IMPERATIVE_VERBS} from './imperative-verbs.js';
import {parseDeadlines, parseTargets} from './parse-targets.js';
import {continuesPrevious, splitRunOn} from './segment-objectives.js';
import {statedCounts} from './stated-counts.js';
import {maxOf, minOf} from '../util/extremes.js';

/** Options for {@link extractObjectives}. */
export interface ExtractOptions {
  /** Edition id used in objective ids. @default slug of the file name */
  readonly editionId?: string;
  /** Plan year as printed (`2024/25`). @default the first plan year in the title or opening text */
  readonly planYear?: string;
  /** Title. @default the document's title */
  readonly title?: string;
  /** Extra verbs that open objectives, added to the built-in list. @default [] */
  readonly verbs?: readonly string[];
}

/** No guidance table has anywhere near this many objectives: past it, reading stops (bounded work on hostile input). */
const MAX_OBJECTIVES = 2000;

/** Lower-case, dash-separated slug. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'untitled'
  );
}

/** A piece of objective text being assembled, with where its lines came from. */
interface Draft {
  lines: string[];
  at: Location[];
  areaRuns: Set<number>;
  area?: string;
}

/** One run of consecutive area fragments (an area cell spanning rows of a layout dump). */
interface AreaRun {
  parts: string[];
}

function union(boxes: readonly BBox[]): BBox | undefined {
  if (!boxes.length) return undefined;
  const r = (n: number): number => Math.round(n * 100) / 100;
  return [
    r(minOf(boxes.map((b) => b[0]), 0)),
    r(minOf(boxes.map((b) => b[1]), 0)),
    r(maxOf(boxes.map((b) => b[2]), 0)),
    r(maxOf(boxes.map((b) => b[3]), 0)),
  ];
}

function ownerCell(table: TableBlock, rowIndex: number, column: number): Cell | undefined {
  const cell = table.rows[rowIndex]?.cells[column];
  if (!cell?.spannedFrom) return cell;
  const {row, column: c} = cell.spannedFrom;
  const headerRows = table.header.length;
  return row - headerRows >= 0 ? table.rows[row - headerRows]?.cells[c] : undefined;
}

/** Read the objectives table's rows into drafts: text lines with locations and area. */
function readDrafts(found: ObjectivesTable, verbs: ReadonlySet<string>, file: string, diagnostics: Diagnostic[]): Draft[] {
  const drafts: Draft[] = [];
  const runs: AreaRun[] = [];
  let lastAreaRow = -2;
  let rowCounter = 0;
  let current: Draft | undefined;
  let logicalArea: string | undefined;
  for (const table of found.tables) {
    table.rows.forEach((row, r) => {
      rowCounter++;
      for (const c of found.ignoredColumns) {
        for (const f of row.cells[c]?.fragments ?? []) {
          diagnostics.push(
            diagnostic('info', 'junk-removed', 'extract', `Removed \`${f.text.slice(0, 60)}\` outside the table's columns`, {file, page: f.at.page, line: f.at.line}),
          );
        }
      }
      const objectiveCell = row.cells[found.objectiveColumn];
      const fragments = (objectiveCell?.spannedFrom ? [] : (objectiveCell?.fragments ?? [])).filter((f) => {
        if (!isJunk(f.text)) return true;
        diagnostics.push(diagnostic('info', 'junk-removed', 'extract', `Removed layout junk \`${f.text}\``, {file, page: f.at.page, line: f.at.line}));
        return false;
      });
      if (row.physical) {
        const areaFragments = found.areaColumn === undefined ? [] : (row.cells[found.areaColumn]?.fragments ?? []).filter((f) => !isJunk(f.text));
        let startsObjective = false;
        for (const fragment of fragments) {
          const previous = current?.lines.at(-1);
          // A structural boundary (a row gap or bullet in a PDF) always starts an objective; a plain line
          // wrap starts one only when the line reads as the opening of a new objective.
          if (!current || previous === undefined || fragment.start === 'item' || !continuesPrevious(previous, fragment.text, verbs)) {
            current = {lines: [], at: [], areaRuns: new Set()};
            drafts.push(current);
            startsObjective = true;
          }
          current.lines.push(fragment.text);
          current.at.push(fragment.at);
        }
        if (areaFragments.length) {
          // A new area cell starts where area text does not follow on from the row above, or where a
          // capitalised label sits beside a new objective (or the label above ended with a footnote mark).
          const text = areaFragments.map((f) => f.text).join(' ');
          const previousPart = runs.at(-1)?.parts.at(-1) ?? '';
          const capitalised = /^\p{Lu}/u.test(text);
          const fresh =
            lastAreaRow !== rowCounter - 1 ||
            !runs.length ||
            areaFragments[0]!.start === 'item' ||
            (capitalised && (startsObjective || /[*†‡]$/.test(previousPart)));
          if (fresh) runs.push({parts: []});
          runs.at(-1)!.parts.push(text);
          lastAreaRow = rowCounter;
        }
        if (areaFragments.length && current) current.areaRuns.add(runs.length - 1);
        return;
      }
      // Logical rows: the area cell (or the cell spanning down to this row) names the area.
      if (found.areaColumn !== undefined) {
        const areaCell = ownerCell(table, r, found.areaColumn);
        const area = areaCell ? joinLines(areaCell.fragments.map((f) => f.text), new Set()) : '';
        if (area) logicalArea = area;
      }
      let previousText: string | undefined;
      for (const fragment of fragments) {
        if (fragment.start === 'line' && current && previousText !== undefined && continuesPrevious(previousText, fragment.text, verbs)) {
          current.lines.push(fragment.text);
          current.at.push(fragment.at);
        } else {
          current = {lines: [fragment.text], at: [fragment.at], areaRuns: new Set()};
          if (logicalArea !== undefined) current.area = logicalArea;
          drafts.push(current);
        }
        previousText = fragment.text;
      }
      if (!fragments.length && row.cells.some((cell) => cell.fragments.length)) {
        diagnostics.push(diagnostic('warning', 'row-unparsed', 'extract', 'Cannot read row as an objective: the objective cell is empty', {file, page: row.at.page, line: row.at.line}));
      }
    });
  }
  // Physical rows: an objective takes the area run it overlaps; one with none inherits from the
  // objective above (or, before the first run, from the run below).
  const areaOfRun = (k: number): string => runs[k]!.parts.join(' ');
  let inherited: string | undefined;
  for (const draft of drafts) {
    if (draft.area !== undefined) continue;
    if (draft.areaRuns.size) inherited = areaOfRun(minOf(draft.areaRuns, 0));
    if (inherited !== undefined) draft.area = inherited;
  }
  const firstRunArea = runs.length ? areaOfRun(0) : undefined;
  for (const draft of drafts) {
    if (draft.area !== undefined) break;
    if (firstRunArea !== undefined) draft.area = firstRunArea;
  }
  return drafts;
}

function planYearOf(doc: SourceDocument): string | undefined {
  const texts = [doc.title ?? '', ...doc.blocks.slice(0, 8).map((b) => (b.kind === 'table' ? '' : b.text))];
  for (const text of texts) {
    const m = /\b(20\d{2})\s*[/–-]\s*(\d{2})\b/.exec(text);
    if (m) return `${m[1]}/${m[2]}`;
  }
  return undefined;
}

function hash8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/**
 * {@link SourceDocument} → {@link Edition}: find the objectives table, read each objective with its area,
 * clean its text, parse its targets and deadlines, and record where it came from. A document without an
 * objectives table is a `failure`; rows that cannot be read are warnings and make the result `partial`.
 *
 * @example
 * const edition = extractObjectives(doc, {editionId: 'nhs-2024-25'});
 * edition.value?.objectives[0]?.area; // 'Quality and patient safety'
 */
export function extractObjectives(doc: SourceDocument, options: ExtractOptions = {}): DocumentResult<Edition> {
  const file = doc.file;
  const verbs = options.verbs?.length ? new Set([...IMPERATIVE_VERBS, ...options.verbs.map((v) => v.toLowerCase())]) : IMPERATIVE_VERBS;
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  const found = findObjectivesTable(doc.blocks, verbs);
  if (!found) {
    diagnostics.push(diagnostic('error', 'table-not-found', 'extract', 'Cannot find an objectives table: no table has an objectives column', {file}));
    return {status: 'failure', diagnostics: sortDiagnostics(diagnostics)};
  }
  const vocabulary: Vocabulary = vocabularyOf(
    doc.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((row) => row.cells.flatMap((cell) => cell.fragments.map((f) => f.text))) : [b.text])),
  );
  const drafts = readDrafts(found, verbs, file, diagnostics);
  const editionId = options.editionId ?? slug(file.split('/').at(-1)!.replace(/\.[^.]+$/, ''));
  const objectives: Objective[] = [];
  const seen = new Map<string, number>();
  let stoppedAt: Location | undefined;
  for (const draft of drafts) {
    if (stoppedAt) break;
    const joined = joinLines(draft.lines, vocabulary);
    const pieces = splitRunOn(joined, verbs);
    const area = cleanArea(draft.area ?? '') || 'Unspecified';
    for (const piece of pieces) {
      if (objectives.length >= MAX_OBJECTIVES) {
        stoppedAt = draft.at[0]!;
        break;
      }
      const text = cleanObjectiveText(piece);
      if (!text) continue;
      const first = draft.at[0]!;
      const last = draft.at.at(-1)!;
      const provenance: Provenance = {file, sha256: doc.sha256, line: first.line, endLine: Math.max(first.line, last.line)};
      if (first.page !== undefined) provenance.page = first.page;
      const bbox = union(draft.at.flatMap((a) => (a.bbox ? [a.bbox] : [])));
      if (bbox) provenance.bbox = bbox;
      const key = `${slug(area)}:${hash8(text.toLowerCase())}`;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count > 1) {
        diagnostics.push(diagnostic('warning', 'objective-duplicate', 'extract', `The objective \`${text.slice(0, 60)}\` appears ${count} times in \`${area}\``, {file, page: first.page, line: first.line}));
      }
      const deadlines = parseDeadlines(text);
      objectives.push({
        id: `${editionId}:${key}${count > 1 ? `-${count}` : ''}`,
        area,
        groups: area === 'Unspecified' ? [] : [area],
        text,
        targets: parseTargets(text, deadlines),
        deadlines,
        provenance,
      });
    }
  }
  if (stoppedAt) {
    diagnostics.push(diagnostic('warning', 'limit-exceeded', 'extract', `Stopped after ${MAX_OBJECTIVES} objectives; the rest of the table was not read`, {file, page: stoppedAt.page, line: stoppedAt.line}));
  }
  if (!objectives.length) {
    diagnostics.push(diagnostic('error', 'table-not-found', 'extract', 'Cannot find objectives: the objectives table has no readable rows', {file}));
    return {status: 'failure', diagnostics: sortDiagnostics(diagnostics)};
  }
  const areas = [...new Set(objectives.map((o) => o.area))];
  for (const stated of statedCounts(doc)) {
    const actual = stated.of === 'objectives' ? objectives.length : areas.length;
    if (stated.count !== actual) {
      diagnostics.push(
        diagnostic('warning', 'count-mismatch', 'extract', `Expected \`${stated.count}\` ${stated.of} as the document states, got \`${actual}\``, {file, page: stated.at.page, line: stated.at.line}),
      );
    }
  }
  const planYear = options.planYear ?? planYearOf(doc);
  const edition: Edition = {
    id: editionId,
    title: options.title ?? doc.title ?? editionId,
    file,
    sha256: doc.sha256,
    format: doc.format,
    areas,
    objectives,
    diagnostics: sortDiagnostics(diagnostics),
  };
  if (planYear !== undefined) edition.planYear = planYear;
  return {status: statusOf(diagnostics), value: edition, diagnostics: edition.diagnostics};
}

