import type {Change, Comparison, ComparisonRow, EditionRef} from '../model/comparison.js';
import {sortDiagnostics} from '../model/diagnostics.js';
import type {MatchGroup, MatchSet} from '../model/match-set.js';
import type {Edition, Objective} from '../model/objective.js';
import {planStartYear, relativiseYears} from '../match/normalise.js';
import {compareDeadlines, compareTargets} from './compare-targets.js';
import {scopeChanges} from './scope-changes.js';
import {wordDiff, type WordKey} from './word-diff.js';
import {minOf} from '../util/extremes.js';

/** Options for {@link diffMatchSet}. */
export interface DiffOptions {
  /** Version written into `generator.version`. @default '0.0.0' */
  readonly version?: string;
}

function ref(edition: Edition): EditionRef {
  const r: EditionRef = {
    id: edition.id,
    title: edition.title,
    file: edition.file,
    sha256: edition.sha256,
    objectives: edition.objectives.length,
    areas: edition.areas.length,
  };
  if (edition.planYear !== undefined) r.planYear = edition.planYear;
  return r;
}

function normalArea(area: string): string {
  return area.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Previous area → current area, where most of an area's surviving objectives went to another name. */
function areaRenames(set: MatchSet): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const group of set.groups) {
    if (group.kind === 'new' || group.kind === 'dropped' || group.kind === 'absorbed') continue;
    for (const i of group.previous) {
      for (const j of group.current) {
        const from = set.previous.objectives[i]!.area;
        const to = set.current.objectives[j]!.area;
        const counts = votes.get(from) ?? new Map<string, number>();
        counts.set(to, (counts.get(to) ?? 0) + 1);
        votes.set(from, counts);
      }
    }
  }
  const renames = new Map<string, string>();
  for (const [from, counts] of votes) {
    const [to] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
    if (normalArea(to) !== normalArea(from) && !set.current.areas.some((a) => normalArea(a) === normalArea(from))) renames.set(from, to);
  }
  return renames;
}

/** Compare words case-insensitively with years relative to each edition's plan year ("2023/24" in the previous edition equals "2024/25" in the current). */
function yearKey(set: MatchSet): WordKey {
  const before = planStartYear(set.previous.planYear);
  const after = planStartYear(set.current.planYear);
  return (word, side) => relativiseYears(word.toLowerCase(), side === 'before' ? before : after).trim();
}

function keptChanges(previous: Objective, current: Objective, gap: number, key: WordKey): {changes: Change[]; ops: ReturnType<typeof wordDiff>} {
  const ops = wordDiff(previous.text, current.text, key);
  const targets = compareTargets(previous, current);
  const covered = new Set(targets.unpaired.flatMap((t) => (t.deadline ? [t.deadline] : [])));
  const changes = [...targets.changes, ...compareDeadlines(previous.deadlines, current.deadlines, gap, covered), ...scopeChanges(ops)];
  return {changes, ops};
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Build the rows of one group (an absorbed group yields dropped rows and one new row). */
function rowsOf(group: MatchGroup, set: MatchSet, gap: number, renames: ReadonlyMap<string, string>): ComparisonRow[] {
  const previous = group.previous.map((i) => set.previous.objectives[i]!);
  const current = group.current.map((j) => set.current.objectives[j]!);
  if (group.kind === 'dropped') return [{area: previous[0]!.area, status: 'dropped', previous, current: [], changes: [], wordDiff: []}];
  if (group.kind === 'new') return [{area: current[0]!.area, status: 'new', previous: [], current, changes: [], wordDiff: []}];
  if (group.kind === 'absorbed') {
    const into = current[0]!;
    const dropped: ComparisonRow[] = previous.map((p) => ({
      area: p.area,
      status: 'dropped',
      previous: [p],
      current: [],
      changes: [{kind: 'absorbed', from: p.text, to: into.text, summary: `Absorbed into a new objective: ${into.text}`}],
      wordDiff: [],
    }));
    const fresh: ComparisonRow = {
      area: into.area,
      status: 'new',
      previous: [],
      current,
      changes: [{kind: 'absorbed', from: plural(previous.length, 'objective'), to: into.text, summary: `Absorbs ${plural(previous.length, 'earlier objective')}`}],
      wordDiff: [],
    };
    return [...dropped, fresh];
  }
  const changes: Change[] = [];
  let ops: ComparisonRow['wordDiff'];
  if (group.kind === 'kept') {
    const kept = keptChanges(previous[0]!, current[0]!, gap, yearKey(set));
    changes.push(...kept.changes);
    ops = kept.ops;
  } else {
    ops = wordDiff(previous.map((p) => p.text).join(' / '), current.map((c) => c.text).join(' / '));
    changes.push(
      group.kind === 'merged'
        ? {kind: 'merged', from: plural(previous.length, 'objective'), to: '1 objective', summary: `Merged ${plural(previous.length, 'objective')} into one`}
        : {kind: 'split', from: '1 objective', to: plural(current.length, 'objective'), summary: `Split into ${plural(current.length, 'objective')}`},
    );
  }
  const area = current[0]!.area;
  const previousArea = previous[0]!.area;
  if (renames.get(previousArea) === area) {
    changes.push({kind: 'area-renamed', from: previousArea, to: area, summary: `Area renamed from ${previousArea} to ${area}`});
  }
  const row: ComparisonRow = {area, status: 'kept', previous, current, changes, similarity: group.score, wordDiff: ops};
  if (normalArea(previousArea) !== normalArea(area)) row.previousArea = previousArea;
  return [row];
}

/**
 * Place rows in the current edition's order; a dropped objective goes after the row holding its
 * nearest earlier neighbour in the previous edition (else before the row holding its next neighbour).
 */
function order(rows: readonly ComparisonRow[], set: MatchSet): ComparisonRow[] {
  const currentIndex = new Map(set.current.objectives.map((o, j) => [o.id, j]));
  const previousIndex = new Map(set.previous.objectives.map((o, i) => [o.id, i]));
  const anchored = rows
    .filter((r) => r.current.length)
    .toSorted((a, b) => minOf(a.current.map((o) => currentIndex.get(o.id)!), 0) - minOf(b.current.map((o) => currentIndex.get(o.id)!), 0));
  const out = [...anchored];
  const dropped = rows.filter((r) => !r.current.length).toSorted((a, b) => previousIndex.get(a.previous[0]!.id)! - previousIndex.get(b.previous[0]!.id)!);
  const rowOfPrevious = (i: number): number => out.findIndex((r) => r.previous.some((p) => previousIndex.get(p.id) === i));
  for (const row of dropped) {
    const i = previousIndex.get(row.previous[0]!.id)!;
    let at = -1;
    for (let k = i - 1; k >= 0 && at < 0; k--) {
      const r = rowOfPrevious(k);
      if (r >= 0) at = r + 1;
    }
    for (let k = i + 1; k < set.previous.objectives.length && at < 0; k++) {
      const r = rowOfPrevious(k);
      if (r >= 0) at = r;
    }
    out.splice(at < 0 ? out.length : at, 0, row);
  }
  return out;
}

/**
 * {@link MatchSet} → {@link Comparison}: every objective of both editions lands in exactly one row, as
 * kept, new or dropped, with typed changes (targets, deadlines, scope, merges and splits, renamed areas)
 * and a word-level diff.
 *
 * @example
 * const comparison = diffMatchSet(matchObjectives(previous, current));
 * comparison.summary; // {kept: 22, new: 10, dropped: 9, changed: 17}
 */
export function diffMatchSet(set: MatchSet, options: DiffOptions = {}): Comparison {
  const a = planStartYear(set.previous.planYear);
  const b = planStartYear(set.current.planYear);
  const gap = a !== undefined && b !== undefined ? b - a : 1;
  const renames = areaRenames(set);
  const rows = order(
    set.groups.flatMap((g) => rowsOf(g, set, gap, renames)),
    set,
  );
  const count = (status: ComparisonRow['status']): number => rows.filter((r) => r.status === status).length;
  return {
    generator: {name: 'guidance-diff', version: options.version ?? '0.0.0'},
    previous: ref(set.previous),
    current: ref(set.current),
    summary: {
      kept: count('kept'),
      new: count('new'),
      dropped: count('dropped'),
      changed: rows.filter((r) => r.status === 'kept' && r.changes.length > 0).length,
    },
    rows,
    diagnostics: sortDiagnostics([...set.previous.diagnostics, ...set.current.diagnostics]),
  };
}
