import type {Diagnostic} from '../model/diagnostic.js';
import {diagnostic} from '../model/diagnostics.js';
import type {MatchGroup, MatchSet} from '../model/match-set.js';
import type {ResolvedReview} from './resolve-review.js';
import {textSimilarity} from './text-similarity.js';

/** What {@link reviewMatchSet} returns: the corrected match set and which objectives a pair entry touched. */
export interface ReviewedMatchSet {
  readonly set: MatchSet;
  /** Objective ids named by a pair entry, with the entries' labels. */
  readonly paired: ReadonlyMap<string, readonly string[]>;
  /** Objective ids whose row changed because of a pair entry (the machine put them with others). */
  readonly regrouped: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
}

const ROW_KINDS = new Set<MatchGroup['kind']>(['kept', 'merged', 'split']);
const key = (p: number, c: number): string => `${p}:${c}`;

/**
 * Apply a review's `pair: force` and `pair: forbid` entries to a match set, before the diff. Pairs are
 * links between a previous and a current objective that share a row; `force` adds links, `forbid`
 * removes them (with one side only, every row link of that side's objectives). Groups no entry touched
 * are kept as the matcher made them; touched ones are rebuilt from the links as kept (1:1), merged
 * (n:1) or split (1:n). An absorbed group loses only the objectives a forced pair moves into a row.
 *
 * @example
 * const {set} = reviewMatchSet(matchObjectives(previous, current), resolveReview(loaded, previous, current));
 */
export function reviewMatchSet(input: MatchSet, resolved: ResolvedReview): ReviewedMatchSet {
  const diagnostics: Diagnostic[] = [];
  const links = new Set<string>();
  for (const group of input.groups) {
    if (!ROW_KINDS.has(group.kind)) continue;
    for (const p of group.previous) for (const c of group.current) links.add(key(p, c));
  }
  const machineLinks = new Set(links);
  const touchedPrevious = new Set<number>();
  const touchedCurrent = new Set<number>();
  const decided = new Map<string, {pair: 'force' | 'forbid'; label: string}>();
  const paired = new Map<string, string[]>();
  const mark = (id: string, label: string): void => void paired.set(id, [...(paired.get(id) ?? []), label]);

  for (const entry of resolved.entries) {
    const pair = entry.entry.pair;
    if (!pair) continue;
    for (const p of entry.previous) mark(input.previous.objectives[p]!.id, entry.label);
    for (const c of entry.current) mark(input.current.objectives[c]!.id, entry.label);
    const decide = (p: number, c: number, what: 'force' | 'forbid'): void => {
      const earlier = decided.get(key(p, c));
      if (earlier && earlier.pair !== what) {
        diagnostics.push(
          diagnostic(
            'warning',
            'review-conflict',
            'review',
            `Review ${entry.label} says ${what} the pair that ${earlier.label} says ${earlier.pair}; ${entry.label} wins`,
            {file: resolved.review.file, line: entry.line},
          ),
        );
      }
      decided.set(key(p, c), {pair: what, label: entry.label});
      if (what === 'force') links.add(key(p, c));
      else links.delete(key(p, c));
      touchedPrevious.add(p);
      touchedCurrent.add(c);
    };
    if (pair === 'force') {
      for (const p of entry.previous) for (const c of entry.current) decide(p, c, 'force');
    } else if (entry.previous.length && entry.current.length) {
      for (const p of entry.previous) for (const c of entry.current) decide(p, c, 'forbid');
    } else {
      // One side only: that side's objectives stand alone.
      for (const p of entry.previous) {
        touchedPrevious.add(p);
        for (const l of [...links]) if (l.startsWith(`${p}:`)) decide(p, Number(l.split(':')[1]), 'forbid');
      }
      for (const c of entry.current) {
        touchedCurrent.add(c);
        for (const l of [...links]) if (l.endsWith(`:${c}`)) decide(Number(l.split(':')[0]), c, 'forbid');
      }
    }
  }
  if (links.size === machineLinks.size && [...links].every((l) => machineLinks.has(l))) {
    return {set: input, paired, regrouped: new Set(), diagnostics};
  }

  // Rebuild the groups that hold an objective whose links changed; keep every other group as it was.
  const changedPrevious = new Set<number>();
  const changedCurrent = new Set<number>();
  for (const l of new Set([...links, ...machineLinks])) {
    if (links.has(l) === machineLinks.has(l)) continue;
    const [p, c] = l.split(':').map(Number) as [number, number];
    changedPrevious.add(p);
    changedCurrent.add(c);
  }
  const kept: MatchGroup[] = [];
  const loosePrevious = new Set<number>();
  const looseCurrent = new Set<number>();
  for (const group of input.groups) {
    const hit = group.previous.some((p) => changedPrevious.has(p)) || group.current.some((c) => changedCurrent.has(c));
    if (!hit) {
      kept.push(group);
      continue;
    }
    if (group.kind === 'absorbed') {
      // Objectives that a forced pair moved into a row leave the absorbed group; the rest stay absorbed.
      const previous = group.previous.filter((p) => !changedPrevious.has(p));
      if (previous.length && !changedCurrent.has(group.current[0]!)) kept.push({...group, previous});
      else previous.forEach((p) => loosePrevious.add(p));
      group.previous.filter((p) => changedPrevious.has(p)).forEach((p) => loosePrevious.add(p));
      if (!previous.length || changedCurrent.has(group.current[0]!)) group.current.forEach((c) => looseCurrent.add(c));
      continue;
    }
    group.previous.forEach((p) => loosePrevious.add(p));
    group.current.forEach((c) => looseCurrent.add(c));
  }
  for (const p of changedPrevious) loosePrevious.add(p);
  for (const c of changedCurrent) looseCurrent.add(c);
  // A forced link may reach into a group that is still kept: move that group's objectives too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const l of links) {
      const [p, c] = l.split(':').map(Number) as [number, number];
      if (loosePrevious.has(p) !== looseCurrent.has(c)) {
        const k = kept.findIndex((g) => g.previous.includes(p) || g.current.includes(c));
        if (k >= 0) {
          const [g] = kept.splice(k, 1);
          g!.previous.forEach((x) => loosePrevious.add(x));
          g!.current.forEach((x) => looseCurrent.add(x));
        }
        loosePrevious.add(p);
        looseCurrent.add(c);
        grew = true;
      }
    }
  }
  // Connected components of the loose objectives over the links.
  const seenPrevious = new Set<number>();
  const seenCurrent = new Set<number>();
  const rebuilt: MatchGroup[] = [];
  const regrouped = new Set<string>();
  const machineGroupOf = (side: 'previous' | 'current', i: number): MatchGroup | undefined => input.groups.find((g) => g[side].includes(i));
  for (const start of [...loosePrevious].sort((a, b) => a - b)) {
    if (seenPrevious.has(start)) continue;
    const previous: number[] = [];
    const current: number[] = [];
    const queue: ['p' | 'c', number][] = [['p', start]];
    seenPrevious.add(start);
    while (queue.length) {
      const [side, i] = queue.shift()!;
      if (side === 'p') {
        previous.push(i);
        for (const l of links) {
          const [p, c] = l.split(':').map(Number) as [number, number];
          if (p === i && !seenCurrent.has(c)) {
            seenCurrent.add(c);
            queue.push(['c', c]);
          }
        }
      } else {
        current.push(i);
        for (const l of links) {
          const [p, c] = l.split(':').map(Number) as [number, number];
          if (c === i && !seenPrevious.has(p)) {
            seenPrevious.add(p);
            queue.push(['p', p]);
          }
        }
      }
    }
    previous.sort((a, b) => a - b);
    current.sort((a, b) => a - b);
    rebuilt.push(groupOf(previous, current, input));
  }
  for (const c of [...looseCurrent].sort((a, b) => a - b)) {
    if (!seenCurrent.has(c)) rebuilt.push({kind: 'new', previous: [], current: [c], score: 0});
  }
  for (const group of rebuilt) {
    if (group.previous.length > 1 && group.current.length > 1) {
      diagnostics.push(
        diagnostic(
          'warning',
          'review-conflict',
          'review',
          `Review entries put ${group.previous.length} previous and ${group.current.length} current objectives in one row; it is shown as a merge`,
          {file: resolved.review.file},
        ),
      );
    }
    const same = (side: 'previous' | 'current', i: number): boolean => {
      const machine = machineGroupOf(side, i);
      return (
        machine !== undefined &&
        ROW_KINDS.has(machine.kind) === ROW_KINDS.has(group.kind) &&
        sameMembers(machine.previous, group.previous) &&
        sameMembers(machine.current, group.current)
      );
    };
    for (const p of group.previous) if (!same('previous', p)) regrouped.add(input.previous.objectives[p]!.id);
    for (const c of group.current) if (!same('current', c)) regrouped.add(input.current.objectives[c]!.id);
  }
  return {set: {...input, groups: [...kept, ...rebuilt]}, paired, regrouped, diagnostics};
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function groupOf(previous: number[], current: number[], set: MatchSet): MatchGroup {
  if (!current.length) return {kind: 'dropped', previous, current, score: 0};
  if (!previous.length) return {kind: 'new', previous, current, score: 0};
  const machine = set.groups.find((g) => ROW_KINDS.has(g.kind) && sameMembers(g.previous, previous) && sameMembers(g.current, current));
  if (machine) return machine;
  const score = Math.round(
    textSimilarity(previous.map((p) => set.previous.objectives[p]!.text).join(' '), current.map((c) => set.current.objectives[c]!.text).join(' ')) * 1000,
  ) / 1000;
  const kind = previous.length === 1 && current.length === 1 ? 'kept' : current.length === 1 || previous.length > 1 ? 'merged' : 'split';
  return {kind, previous, current, score};
}
