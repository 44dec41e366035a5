import {createHash} from 'node:crypto';
import type {Diagnostic} from '../model/diagnostic.js';
import {diagnostic, sortDiagnostics} from '../model/diagnostics.js';
import type {BBox, SourceDocument} from '../model/document.js';
import type {HeaderVocabulary} from '../model/header-vocabulary.js';
import type {Edition, Objective, Provenance} from '../model/objective.js';
import type {DocumentResult} from '../model/result.js';
import {statusOf} from '../model/result.js';
import {normText} from '../util/text-shape.js';
import {AMBIGUITY_MARGIN, countsFor, readingChecks, tableAsText} from './checks.js';
import {cleanArea, cleanObjectiveText} from './clean-text.js';
import {compileVocabulary, defaultHeaderVocabulary, type CompiledVocabulary} from './header-vocabulary.js';
import {IMPERATIVE_VERBS} from './imperative-verbs.js';
import {listReadings, proseReadings} from './list-readings.js';
import {parseDeadlines, parseTargets} from './parse-targets.js';
import type {Candidate, Draft} from './reading-types.js';
import {splitRunOn} from './segment-objectives.js';
import {statedCounts, type StatedCount} from './stated-counts.js';
import {tableReadings, tableUnits, type TableUnit} from './table-readings.js';

/** Options for {@link extractObjectives}. */
export interface ExtractOptions {
  /** Edition id used in objective ids. @default slug of the file name */
  readonly editionId?: string;
  /** Plan year as printed (`2024/25`). @default the first plan year in the title or opening text */
  readonly planYear?: string;
  /** Title. @default the document's title */
  readonly title?: string;
  /** Extra verbs that open objectives (used to split run-on text), added to the built-in list. @default [] */
  readonly verbs?: readonly string[];
  /** Header vocabulary. @default `data/header-vocabulary.json` */
  readonly vocabulary?: HeaderVocabulary;
  /** Read this table only: its 1-based number among the document's tables, or words of its caption, heading or header. */
  readonly table?: string;
  /** The column holding the items: 1-based number or header words. */
  readonly itemColumn?: string;
  /** The column holding the groups: 1-based number or header words. */
  readonly groupColumn?: string;
}

/** No guidance table has anywhere near this many objectives: past it, reading stops (bounded work on hostile input). */
const MAX_OBJECTIVES = 2000;
/** Below this score nothing reads as objectives: the document is refused rather than guessed at. */
export const MIN_SCORE = 0.35;
/** A stated count that matches a reading's number of items adds this much to its score. */
const STATED_COUNT_BONUS = 0.15;

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

function hash8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function union(boxes: readonly BBox[]): BBox | undefined {
  if (!boxes.length) return undefined;
  const r = (n: number): number => Math.round(n * 100) / 100;
  return [
    r(Math.min(...boxes.map((b) => b[0]))),
    r(Math.min(...boxes.map((b) => b[1]))),
    r(Math.max(...boxes.map((b) => b[2]))),
    r(Math.max(...boxes.map((b) => b[3]))),
  ];
}

function planYearOf(doc: SourceDocument): string | undefined {
  const texts = [doc.title ?? '', ...doc.blocks.slice(0, 8).map((b) => (b.kind === 'heading' || b.kind === 'paragraph' ? b.text : ''))];
  for (const text of texts) {
    const m = /\b(20\d{2})\s*[/–-]\s*(\d{2})\b/.exec(text);
    if (m) return `${m[1]}/${m[2]}`;
  }
  return undefined;
}

/** Drafts → objectives: run-on text split at imperative verbs, text cleaned, targets and deadlines parsed. */
function toObjectives(drafts: readonly Draft[], doc: SourceDocument, editionId: string, verbs: ReadonlySet<string>, diagnostics: Diagnostic[] | undefined): Objective[] {
  const objectives: Objective[] = [];
  const seen = new Map<string, number>();
  for (const draft of drafts) {
    for (const piece of splitRunOn(draft.text, verbs)) {
      if (objectives.length >= MAX_OBJECTIVES) {
        diagnostics?.push(diagnostic('warning', 'limit-exceeded', 'extract', `Stopped reading at ${MAX_OBJECTIVES} objectives`, {file: doc.file, page: draft.at[0]?.page, line: draft.at[0]?.line}));
        return objectives;
      }
      const text = cleanObjectiveText(piece);
      if (!text) continue;
      const groups = draft.groups.map(cleanArea).filter(Boolean);
      const area = groups.at(-1) ?? 'Unspecified';
      const first = draft.at[0]!;
      const provenance: Provenance = {file: doc.file, sha256: doc.sha256, line: first.line, endLine: Math.max(...draft.at.map((a) => a.endLine ?? a.line))};
      if (first.page !== undefined) provenance.page = first.page;
      const bbox = union(draft.at.flatMap((a) => (a.bbox ? [a.bbox] : [])));
      if (bbox) provenance.bbox = bbox;
      const key = `${slug(area)}:${hash8(text.toLowerCase())}`;
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      if (count > 1) {
        diagnostics?.push(
          diagnostic('warning', 'objective-duplicate', 'extract', `The objective \`${text.slice(0, 60)}\` appears ${count} times in \`${area}\``, {file: doc.file, page: first.page, line: first.line}),
        );
      }
      const deadlines = [...parseDeadlines(text), ...draft.columnDeadlines];
      const objective: Objective = {
        id: `${editionId}:${key}${count > 1 ? `-${count}` : ''}`,
        area,
        groups,
        text,
        targets: [...parseTargets(text, deadlines), ...draft.columnTargets],
        deadlines,
        provenance,
      };
      if (draft.fields.length) objective.fields = draft.fields;
      objectives.push(objective);
    }
  }
  return objectives;
}

/** The table units the user asked for: by 1-based number among tables, or by words of caption, heading or header. */
function steerTables(units: readonly TableUnit[], spec: string): TableUnit[] {
  if (/^\d+$/.test(spec)) {
    let n = 0;
    return units.filter((u) => u.parts.some(() => ++n === Number(spec)));
  }
  const words = normText(spec);
  return units.filter((u) =>
    u.parts.some((p) => {
      const t = p.table;
      const header = t.header.flatMap((r) => r.cells.map((c) => c.text)).join(' ');
      return normText([t.caption ?? '', ...t.path, header].join(' ')).includes(words);
    }),
  );
}

/** Every candidate reading, scored; with a stated count matching a reading's items adding to its score. */
function candidatesOf(doc: SourceDocument, options: ExtractOptions, vocabulary: CompiledVocabulary, stated: readonly StatedCount[], verbs: ReadonlySet<string>): Candidate[] {
  let units = tableUnits(doc.blocks, vocabulary);
  if (options.table !== undefined) units = steerTables(units, options.table);
  const steering = {
    ...(options.itemColumn === undefined ? {} : {itemColumn: options.itemColumn}),
    ...(options.groupColumn === undefined ? {} : {groupColumn: options.groupColumn}),
  };
  const candidates = units.flatMap((unit) => tableReadings(unit, vocabulary, steering));
  if (options.table === undefined && options.itemColumn === undefined) candidates.push(...listReadings(doc.blocks, vocabulary), ...proseReadings(doc.blocks, vocabulary));
  if (options.table !== undefined) for (const c of candidates) c.reading.steered = true;
  for (const candidate of candidates) {
    // Only a reading with a count stated near it can match one: skip building the rest's objectives.
    if (!stated.some((c) => Math.abs(c.block - ((candidate.reading.block ?? 1) - 1)) <= 6)) continue;
    const objectives = toObjectives(candidate.drafts, doc, 'x', verbs, undefined);
    if (countsFor(stated, candidate, objectives, vocabulary).some((c) => c.role === 'items' && c.count.count === c.read)) {
      candidate.reading.score = Math.round((candidate.reading.score + STATED_COUNT_BONUS) * 1000) / 1000;
    }
  }
  return candidates;
}

/** Share of one reading's items that another reading also holds. */
function overlap(a: Candidate, b: Candidate): number {
  const texts = new Set(b.drafts.map((d) => normText(d.text)));
  const shared = a.drafts.filter((d) => texts.has(normText(d.text))).length;
  return shared / Math.max(1, Math.min(a.drafts.length, b.drafts.length));
}

/**
 * {@link SourceDocument} → {@link Edition}. Every candidate reading is scored on its evidence — each
 * table (alone, continued, or a set of same-headed tables under headings) with each column as the item
 * column and the other columns' roles following from what they hold, each section's lists, and
 * commitment sentences in prose as the last resort — and the best is read. Its items get their groups,
 * their targets (those from a target column with the period its header names), deadlines and other
 * columns' values, and where they came from. Checks that the reading is right (stated counts, a rival
 * reading, groups, truncated tables, set-aside columns) are warnings that make the result `partial`.
 * A document where nothing reads as objectives is a `failure`.
 *
 * @example
 * const edition = extractObjectives(doc, {editionId: 'nhs-2024-25'});
 * edition.value?.reading?.columns; // [{index: 0, header: 'Area', role: 'group'}, {index: 1, header: 'Objective', role: 'item'}]
 */
export function extractObjectives(doc: SourceDocument, options: ExtractOptions = {}): DocumentResult<Edition> {
  const file = doc.file;
  const verbs = options.verbs?.length ? new Set([...IMPERATIVE_VERBS, ...options.verbs.map((v) => v.toLowerCase())]) : IMPERATIVE_VERBS;
  const vocabulary = compileVocabulary(options.vocabulary ?? defaultHeaderVocabulary());
  const diagnostics: Diagnostic[] = [...doc.diagnostics];
  const stated = statedCounts(doc);
  const candidates = candidatesOf(doc, options, vocabulary, stated, verbs).filter((c) => c.drafts.length > 0);
  const ranked = candidates.toSorted((a, b) => b.reading.score - a.reading.score || (a.reading.block ?? 0) - (b.reading.block ?? 0));
  const best = ranked[0];
  // A reading the user steered to is read whatever its score (the low score is still reported).
  const steered = options.table !== undefined || options.itemColumn !== undefined || options.groupColumn !== undefined;
  if (!best || (best.reading.score < MIN_SCORE && !steered)) {
    const why = best ? `the best reading, ${best.reading.description}, scored ${best.reading.score.toFixed(2)} (needs ${MIN_SCORE})` : 'the document has no table, list or commitment sentences';
    diagnostics.push(diagnostic('error', 'table-not-found', 'extract', `Cannot find objectives: ${why}`, {file}));
    return {status: 'failure', diagnostics: sortDiagnostics(diagnostics)};
  }
  const runnerUp = ranked.slice(1).find((c) => overlap(c, best) < 0.5);
  const editionId = options.editionId ?? slug(file.split('/').at(-1)!.replace(/\.[^.]+$/, ''));
  const objectives = toObjectives(best.drafts, doc, editionId, verbs, diagnostics);
  diagnostics.push(...readingChecks(best, runnerUp, objectives, stated, vocabulary, file), ...tableAsText(best, doc.blocks, file));
  const reading = {...best.reading};
  if (runnerUp && best.reading.score - runnerUp.reading.score < 4 * AMBIGUITY_MARGIN) reading.runnerUp = {description: runnerUp.reading.description, score: runnerUp.reading.score};
  const areas = [...new Set(objectives.map((o) => o.area))];
  const planYear = options.planYear ?? planYearOf(doc);
  const edition: Edition = {
    id: editionId,
    title: options.title ?? doc.title ?? file,
    file,
    sha256: doc.sha256,
    format: doc.format,
    areas,
    objectives,
    reading,
    diagnostics: sortDiagnostics(diagnostics),
  };
  if (planYear !== undefined) edition.planYear = planYear;
  return {status: statusOf(diagnostics), value: edition, diagnostics: edition.diagnostics};
}
