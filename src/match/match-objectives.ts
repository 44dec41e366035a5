import {linearSumAssignment} from 'linear-sum-assignment';
import type {AliasEntry, Aliases} from '../model/aliases.js';
import type {MatchGroup, MatchSet} from '../model/match-set.js';
import type {Edition, Objective} from '../model/objective.js';
import {compileAliases, matchTokens, planStartYear, type AliasTable} from './normalise.js';
import {cosine, coverage, inverseDocumentFrequency, tfidfVector, type Vector} from './tfidf.js';

/** Options for {@link matchObjectives}. */
export interface MatchOptions {
  /** Domain synonyms (see `data/aliases.json`). @default no aliases */
  readonly aliases?: Aliases;
  /** Weight of area similarity in a pair's score, 0–1. @default 0.2 */
  readonly areaWeight?: number;
  /** Lowest score at which two objectives are paired one-to-one. @default 0.3 */
  readonly minScore?: number;
  /**
   * Lowest share of an unpaired objective's (IDF-weighted) words that another objective must contain
   * for the two to count as merged or split. Lowered by up to 0.1 as the two areas agree (merges
   * mostly happen within an area). @default 0.5
   */
  readonly mergeCoverage?: number;
  /** Lowest text similarity for a merge or split. @default 0.12 */
  readonly mergeMinScore?: number;
}

const DEFAULTS = {areaWeight: 0.2, minScore: 0.3, mergeCoverage: 0.5, mergeMinScore: 0.12};

/** A subordinate clause that folds other aims into an objective: "…, including …". */
const SUBORDINATE = /,?\s+\b(including|in particular|such as)\b/i;

const NO_ALIASES: AliasEntry[] = [];
const areaEntries = new WeakMap<Aliases, AliasEntry[]>();

/** Alias tables for objective text and for area names (area aliases include the term aliases). */
function aliasTables(aliases: Aliases | undefined): {terms: AliasTable; areas: AliasTable} {
  if (!aliases) return {terms: compileAliases(NO_ALIASES), areas: compileAliases(NO_ALIASES)};
  let both = areaEntries.get(aliases);
  if (!both) areaEntries.set(aliases, (both = [...aliases.terms, ...aliases.areas]));
  return {terms: compileAliases(aliases.terms), areas: compileAliases(both)};
}

interface Prepared {
  objective: Objective;
  tokens: string[];
  set: Set<string>;
  vector: Vector;
  area: Set<string>;
  /** Tokens before and after a subordinate clause, when there is one. */
  head?: Set<string>;
  sub?: Set<string>;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function prepare(edition: Edition, terms: AliasTable, areas: AliasTable): Omit<Prepared, 'vector'>[] {
  const year = planStartYear(edition.planYear);
  return edition.objectives.map((objective) => {
    const tokens = matchTokens(objective.text, terms, year);
    const prepared: Omit<Prepared, 'vector'> = {objective, tokens, set: new Set(tokens), area: new Set(matchTokens(objective.area, areas))};
    const m = SUBORDINATE.exec(objective.text);
    if (m && m.index > 0) {
      prepared.head = new Set(matchTokens(objective.text.slice(0, m.index), terms, year));
      prepared.sub = new Set(matchTokens(objective.text.slice(m.index + m[0].length), terms, year));
    }
    return prepared;
  });
}

/** Scores of every previous × current pair: text cosine blended with area similarity. */
export interface ScoreMatrix {
  text: number[][];
  area: number[][];
  total: number[][];
}

/**
 * Match the objectives of two editions: score every pair (TF-IDF cosine over stemmed, alias-normalised
 * tokens, blended with area similarity), choose one-to-one pairs by optimal assignment (Hungarian),
 * then attach unpaired objectives to a counterpart that covers most of their words (merges and splits),
 * and tell apart objectives absorbed into a new one as a subordinate clause.
 *
 * @example
 * const set = matchObjectives(previousEdition, currentEdition, {aliases});
 * set.groups.filter((g) => g.kind === 'kept').length;
 */
export function matchObjectives(previous: Edition, current: Edition, options: MatchOptions = {}): MatchSet {
  const o = {...DEFAULTS, ...options};
  for (const [name, value] of Object.entries({areaWeight: o.areaWeight, minScore: o.minScore, mergeCoverage: o.mergeCoverage, mergeMinScore: o.mergeMinScore})) {
    if (!Number.isFinite(value) || value < 0 || value > 1) throw new TypeError(`Expected \`${name}\` to be a number from 0 to 1, got \`${String(value)}\``);
  }
  const {terms, areas} = aliasTables(options.aliases);
  const prevRaw = prepare(previous, terms, areas);
  const currRaw = prepare(current, terms, areas);
  const idf = inverseDocumentFrequency([...prevRaw, ...currRaw].map((p) => p.tokens));
  const withVector = (p: Omit<Prepared, 'vector'>): Prepared => ({...p, vector: tfidfVector(p.tokens, idf)});
  const prev = prevRaw.map(withVector);
  const curr = currRaw.map(withVector);
  const matrix = scoreMatrix(prev, curr, o.areaWeight);

  // 1. One-to-one pairs by optimal assignment.
  const pairOf = new Map<number, number>();
  if (prev.length && curr.length) {
    const {rowAssignments} = linearSumAssignment(matrix.total, {maximaze: true});
    rowAssignments.forEach((j, i) => {
      if (j >= 0 && matrix.total[i]![j]! >= o.minScore) pairOf.set(i, j);
    });
  }
  const pairedCurrent = new Set(pairOf.values());

  // 2. Merges: an unpaired previous objective whose words a current objective covers.
  const mergedInto = new Map<number, number>();
  for (let i = 0; i < prev.length; i++) {
    if (pairOf.has(i)) continue;
    const best = bestCover(prev[i]!, curr, idf, (j) => matrix.text[i]![j]!, (j) => matrix.area[i]![j]!, o);
    if (best !== undefined) mergedInto.set(i, best);
  }
  // 3. Splits: an unpaired current objective whose words a paired previous objective covers.
  const splitFrom = new Map<number, number>();
  for (let j = 0; j < curr.length; j++) {
    if (pairedCurrent.has(j) || [...mergedInto.values()].includes(j)) continue;
    const best = bestCover(curr[j]!, prev, idf, (i) => matrix.text[i]![j]!, (i) => matrix.area[i]![j]!, o);
    if (best !== undefined && pairOf.has(best) && ![...mergedInto.values()].includes(pairOf.get(best)!)) splitFrom.set(j, best);
  }

  // 4. Groups, keyed by current objective for kept/merged/absorbed, by previous for splits.
  const groups: MatchGroup[] = [];
  const groupedPrev = new Set<number>();
  const groupedCurr = new Set<number>();
  for (let j = 0; j < curr.length; j++) {
    if (groupedCurr.has(j) || splitFrom.has(j)) continue;
    const members = [...pairOf].filter(([, c]) => c === j).map(([p]) => p);
    for (const [p, c] of mergedInto) if (c === j) members.push(p);
    members.sort((a, b) => a - b);
    if (!members.length) continue;
    const splits = members.length === 1 ? [...splitFrom].filter(([, p]) => p === members[0]).map(([c]) => c) : [];
    const currents = [j, ...splits].sort((a, b) => a - b);
    const score = groupScore(members, currents, matrix.text);
    const absorbed = currents.length === 1 && isAbsorbed(members.map((m) => prev[m]!), curr[j]!, idf);
    const kind = absorbed ? 'absorbed' : members.length > 1 ? 'merged' : currents.length > 1 ? 'split' : 'kept';
    groups.push({kind, previous: members, current: currents, score});
    members.forEach((m) => groupedPrev.add(m));
    currents.forEach((c) => groupedCurr.add(c));
  }
  for (let j = 0; j < curr.length; j++) if (!groupedCurr.has(j)) groups.push({kind: 'new', previous: [], current: [j], score: 0});
  for (let i = 0; i < prev.length; i++) if (!groupedPrev.has(i)) groups.push({kind: 'dropped', previous: [i], current: [], score: 0});
  return {previous, current, groups};
}

function scoreMatrix(prev: readonly Prepared[], curr: readonly Prepared[], areaWeight: number): ScoreMatrix {
  const text = prev.map((p) => curr.map((c) => cosine(p.vector, c.vector)));
  const area = prev.map((p) => curr.map((c) => dice(p.area, c.area)));
  const total = text.map((row, i) => row.map((t, j) => (t > 0 ? (1 - areaWeight) * t + areaWeight * area[i]![j]! : 0)));
  return {text, area, total};
}

function bestCover(
  part: Prepared,
  candidates: readonly Prepared[],
  idf: ReadonlyMap<string, number>,
  similarity: (k: number) => number,
  areaSimilarity: (k: number) => number,
  o: typeof DEFAULTS,
): number | undefined {
  let best: number | undefined;
  let bestValue = 0;
  candidates.forEach((candidate, k) => {
    const value = coverage(part.tokens, candidate.set, idf);
    const needed = o.mergeCoverage - 0.1 * areaSimilarity(k);
    if (value >= needed && similarity(k) >= o.mergeMinScore && value > bestValue) {
      best = k;
      bestValue = value;
    }
  });
  return best;
}

function groupScore(previous: readonly number[], current: readonly number[], text: number[][]): number {
  let best = 0;
  for (const i of previous) for (const j of current) best = Math.max(best, text[i]![j]!);
  return Math.round(best * 1000) / 1000;
}

/**
 * Whether previous objectives live on only inside a subordinate clause of the current one ("Continue
 * to implement the plan…, including making progress towards X and increasing Y"): the current
 * objective's head does not carry them, its subordinate clause does, and they had no such clause
 * themselves (else the structure is parallel and the objective was kept).
 */
function isAbsorbed(members: readonly Prepared[], current: Prepared, idf: ReadonlyMap<string, number>): boolean {
  if (!current.head || !current.sub) return false;
  return members.every((p) => {
    if (p.sub) return false;
    const inHead = coverage(p.tokens, current.head!, idf);
    const inSub = coverage(p.tokens, current.sub!, idf);
    return inHead < 0.3 && inSub > inHead * 2;
  });
}
