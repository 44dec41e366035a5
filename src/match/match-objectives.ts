import type {AliasEntry, Aliases} from '../model/aliases.js';
import type {MatchGroup, MatchSet} from '../model/match-set.js';
import {areaLinks} from './area-links.js';
import type {Edition, Objective} from '../model/objective.js';
import {aliasTable, applyAliases, type AliasTable} from '../normalise/alias-table.js';
import {foldCase} from '../normalise/fold-text.js';
import {defaultLexicon, type Lexicon} from '../normalise/lexicon.js';
import {matchTokens, stripReference} from '../normalise/match-tokens.js';
import {planStartYear} from '../normalise/relative-years.js';
import {candidatePairs, type Candidates} from './candidates.js';
import {coverage, inverseDocumentFrequency, tfidfVector, type Vector, type Vocabulary} from './tfidf.js';

/**
 * Thresholds, calibrated on the seed golden comparison, the synthetic archive of `npm run bench:match`
 * (true drops, adds, rewordings, merges and splits) and the OWASP Top 10 2017 → 2021 pair
 * (`test/fixtures/owasp/`); README "How matching works" says how.
 */
export const MATCH_DEFAULTS = {
  /** Weight of group affinity (do the two objectives' groups map onto each other?) in a pair's score. */
  areaWeight: 0.15,
  /** Lowest score at which two objectives are paired one to one. */
  minScore: 0.375,
  /** Lowest lead of a pair's score over the runner-up of either member (a pair must be clearly best). */
  minMargin: 0.125,
  /** A score at which a pair is accepted whatever the runner-up (near-identical texts). */
  sureScore: 0.75,
  /** Confidence below which a pair is flagged for review. */
  reviewConfidence: 0.5,
  /**
   * Lowest share of an unpaired objective's (IDF-weighted) words that another objective must contain
   * for the two to count as merged or split (plus up to 0.1 as the two groups agree), leading the
   * next best cover by `MERGE_MARGIN`.
   */
  mergeCoverage: 0.6,
  /** Lowest text similarity for a merge or split. */
  mergeMinScore: 0.12,
  /** Candidates kept per objective from the inverted index before exact scoring. */
  candidates: 12,
} as const;

/** Options for {@link matchObjectives}. */
export interface MatchOptions {
  /** Domain synonyms (see `data/aliases.json`). @default no aliases */
  readonly aliases?: Aliases;
  /** General English synonyms and derived forms. @default the shipped `data/lexicon.json` */
  readonly lexicon?: Lexicon;
  /** Weight of group affinity in a pair's score, 0–1. @default 0.15 */
  readonly areaWeight?: number;
  /** Lowest score at which two objectives are paired, 0–1. @default 0.375 */
  readonly minScore?: number;
  /** Lowest lead over the runner-up, 0–1. @default 0.125 */
  readonly minMargin?: number;
  /** Score accepted whatever the runner-up, 0–1. @default 0.75 */
  readonly sureScore?: number;
  /** Confidence below which a pair is flagged for review, 0–1. @default 0.5 */
  readonly reviewConfidence?: number;
  /** Merge/split coverage, 0–1. @default 0.6 */
  readonly mergeCoverage?: number;
  /** Lowest text similarity for a merge or split, 0–1. @default 0.12 */
  readonly mergeMinScore?: number;
  /** Candidates per objective, a positive whole number. @default 12 */
  readonly candidates?: number;
}

type Settings = {-readonly [K in keyof typeof MATCH_DEFAULTS]: number};

/** Lowest lead of the best cover of an unpaired objective over the next best, for a merge or split. */
const MERGE_MARGIN = 0.1;

/** Lowest share of an objective's words that a subordinate clause must carry for the objective to be absorbed by it. */
const ABSORBED_COVERAGE = 0.2;

/** A label's numbering ("API3:2019 - ", "A1 – ", "2.4.7 "): the list's order, not what the item is. */
const LABEL_NUMBER = /^\s*(?:[A-Z]{0,6}\d+(?:[.:]\d+)*)\s*[-–—:.)]?\s+/;

/** A subordinate clause that folds other aims into an objective: "…, including …". */
/** How many times an item's own words count against one count of the words of its other columns. */
const ITEM_WEIGHT = 3;

const SUBORDINATE = /,?\s+\b(including|in particular|such as)\b/i;

const NO_ALIASES: AliasEntry[] = [];
const areaEntries = new WeakMap<Aliases, AliasEntry[]>();

/** Alias tables for objective text and for group names (group aliases include the term aliases). */
function aliasTables(aliases: Aliases | undefined): {terms: AliasTable; areas: AliasTable} {
  if (!aliases) return {terms: aliasTable(NO_ALIASES), areas: aliasTable(NO_ALIASES)};
  let both = areaEntries.get(aliases);
  if (!both) areaEntries.set(aliases, (both = [...aliases.terms, ...aliases.areas]));
  return {terms: aliasTable(aliases.terms), areas: aliasTable(both)};
}

/**
 * One objective ready for scoring. Every field is always present (`undefined` when it does not apply)
 * and set in this order, so that all of them share one hidden class: V8 compiles the hot loops over them
 * once instead of deoptimising ("wrong map") on each new combination.
 */
interface Prepared {
  objective: Objective;
  tokens: string[];
  set: Set<string>;
  vector: Vector;
  /** The group, folded and with aliases applied. */
  area: string;
  areaTokens: Set<string>;
  /** The tokens of the text's opening phrase (up to the first punctuation), when it has 2–8. */
  lead: string[] | undefined;
  /** Tokens before and after a subordinate clause, when there is one. */
  head: Set<string> | undefined;
  sub: Set<string> | undefined;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

function validate(options: MatchOptions): Settings {
  const o: Settings = {...MATCH_DEFAULTS};
  for (const name of Object.keys(MATCH_DEFAULTS) as (keyof Settings)[]) {
    const value = options[name];
    if (value === undefined) continue;
    if (name === 'candidates') {
      if (!Number.isInteger(value) || value < 1) throw new TypeError(`Expected \`candidates\` to be a positive whole number, got \`${String(value)}\``);
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw new TypeError(`Expected \`${name}\` to be a number from 0 to 1, got \`${String(value)}\``);
    }
    o[name] = value;
  }
  return o;
}

/**
 * Match the objectives of two editions.
 *
 * 1. Texts are normalised (aliases, lexicon, relative years, numbers) and weighted by TF-IDF.
 * 2. Candidates come from an inverted index over the tokens (never all pairs), scored by cosine.
 * 3. Confident text-only pairs (anchors) say how the editions' groups map onto each other; a pair's
 *    score then blends its text similarity with that group affinity.
 * 4. Pairs are taken best first, each only if both members are still free, its score reaches
 *    `minScore` and it leads the runner-up of either member by `minMargin` (or reaches `sureScore`):
 *    mutual best with evidence. An objective with no such pair is dropped or new.
 * 5. An unpaired objective whose words another objective covers is merged into it (or split from it);
 *    one that lives on only in a subordinate clause ("…, including …") of a new objective is absorbed.
 *
 * @example
 * const set = matchObjectives(previousEdition, currentEdition, {aliases});
 * set.groups.filter((g) => g.kind === 'kept').length;
 */
export function matchObjectives(previous: Edition, current: Edition, options: MatchOptions = {}): MatchSet {
  const o = validate(options);
  const lexicon = options.lexicon ?? defaultLexicon();
  const {terms, areas} = aliasTables(options.aliases);
  const prepare = (edition: Edition): Omit<Prepared, 'vector'>[] => {
    const planYear = planStartYear(edition.planYear);
    const context = {aliases: terms, lexicon, planYear};
    return edition.objectives.map((objective) => {
      // Other columns of the row (a risk's name beside its description) say what the item is too.
      // The item's own words count for more than those of its other columns (a rewritten description
      // beside an unchanged name).
      const label = (objective.fields ?? []).map((f) => f.value.replace(LABEL_NUMBER, '')).join(' ').trim();
      const own = matchTokens(objective.text, context);
      const tokens = label ? [...matchTokens(label, context), ...Array.from({length: ITEM_WEIGHT}, () => own).flat()] : own;
      const area = applyAliases(foldCase(objective.area).replace(/\s+/g, ' ').trim(), areas);
      const areaTokens = new Set(matchTokens(objective.area, {aliases: areas, lexicon}));
      // A short value of another column names the item (a risk's name beside its description).
      const labelTokens = label ? matchTokens(label, context) : [];
      const labelLead = labelTokens.length <= 8 ? labelTokens : [];
      const named = stripReference(objective.text);
      const opening = /^[^,;:.()—–]+/.exec(named)?.[0];
      const lead = labelLead.length ? labelLead : opening && opening.length < objective.text.length ? matchTokens(opening, context) : [];
      const m = SUBORDINATE.exec(objective.text);
      const clause = m && m.index > 0;
      return {
        objective,
        tokens,
        set: new Set(tokens),
        area,
        areaTokens,
        lead: lead.length >= 2 && lead.length <= 8 ? lead : undefined,
        head: clause ? new Set(matchTokens(objective.text.slice(0, m.index), context)) : undefined,
        sub: clause ? new Set(matchTokens(objective.text.slice(m.index + m[0].length), context)) : undefined,
      };
    });
  };
  const prevRaw = prepare(previous);
  const currRaw = prepare(current);
  const idf = inverseDocumentFrequency([...prevRaw, ...currRaw].map((p) => p.tokens));
  const vocabulary: Vocabulary = new Map();
  const withVector = (p: Omit<Prepared, 'vector'>): Prepared => ({
    objective: p.objective,
    tokens: p.tokens,
    set: p.set,
    vector: tfidfVector(p.tokens, idf, vocabulary),
    area: p.area,
    areaTokens: p.areaTokens,
    lead: p.lead,
    head: p.head,
    sub: p.sub,
  });
  const prev: Prepared[] = [];
  for (const p of prevRaw) prev.push(withVector(p));
  const curr: Prepared[] = [];
  for (const p of currRaw) curr.push(withVector(p));
  const candidates = candidatePairs(
    prev.map((p) => p.vector),
    curr.map((c) => c.vector),
    o.candidates,
  );

  // 1. Anchors (text only) → group affinity → blended scores.
  const anchors = choosePairs(candidates, (e) => e.text, prev.length, curr.length, {...o, minScore: Math.max(o.minScore, 0.5), minMargin: Math.max(o.minMargin, 0.1)});
  const affinity = groupAffinity(prev, curr, anchors.pairs);
  const total = (i: number, j: number, text: number): number => (text > 0 ? (1 - o.areaWeight) * text + o.areaWeight * affinity(i, j) : 0);
  for (const e of candidates.edges) e.total = total(e.i, e.j, e.text);

  // 2. One-to-one pairs with evidence.
  const {pairs: pairOf, confidence} = choosePairs(candidates, (e) => e.total, prev.length, curr.length, o);
  const pairedCurrent = new Map<number, number>();
  for (const [i, j] of pairOf) pairedCurrent.set(j, i);

  // 3. Merges: an unpaired previous objective whose words a current objective covers.
  const mergedInto = new Map<number, number>();
  for (let i = 0; i < prev.length; i++) {
    if (pairOf.has(i)) continue;
    const best = bestCover(prev[i]!, candidates.byPrevious[i]!.map((e) => ({k: e.j, text: e.text})), curr, idf, (j) => affinity(i, j), o);
    if (best !== undefined) mergedInto.set(i, best);
  }
  // … or that lives on only in a subordinate clause of a current objective ("…, including …").
  for (let i = 0; i < prev.length; i++) {
    if (pairOf.has(i) || mergedInto.has(i)) continue;
    const host = candidates.byPrevious[i]!.filter((e) => (!pairedCurrent.has(e.j) || isAbsorbed([prev[pairedCurrent.get(e.j)!]!], curr[e.j]!, idf)) && e.text >= o.mergeMinScore && curr[e.j]!.sub && coverage(prev[i]!.tokens, curr[e.j]!.sub!, idf) >= ABSORBED_COVERAGE && isAbsorbed([prev[i]!], curr[e.j]!, idf)).sort((a, b) => b.text - a.text || a.j - b.j)[0];
    if (host) mergedInto.set(i, host.j);
  }
  const mergeTargets = new Set(mergedInto.values());
  // 4. Splits: an unpaired current objective whose words a paired previous objective covers.
  const splitFrom = new Map<number, number>();
  for (let j = 0; j < curr.length; j++) {
    if (pairedCurrent.has(j) || mergeTargets.has(j)) continue;
    const best = bestCover(curr[j]!, candidates.byCurrent[j]!.map((e) => ({k: e.i, text: e.text})), prev, idf, (i) => affinity(i, j), o);
    if (best !== undefined && pairOf.has(best) && !mergeTargets.has(pairOf.get(best)!)) splitFrom.set(j, best);
  }

  // 5. Groups, keyed by current objective for kept/merged/absorbed, by previous for splits.
  const membersOf = new Map<number, number[]>();
  for (const [i, j] of pairOf) membersOf.set(j, [...(membersOf.get(j) ?? []), i]);
  for (const [i, j] of mergedInto) membersOf.set(j, [...(membersOf.get(j) ?? []), i]);
  const splitsOf = new Map<number, number[]>();
  for (const [j, i] of splitFrom) splitsOf.set(i, [...(splitsOf.get(i) ?? []), j]);
  const textOf = (i: number, j: number): number => candidates.score.get(i * curr.length + j)?.text ?? 0;

  const groups: MatchGroup[] = [];
  const groupedPrev = new Set<number>();
  const groupedCurr = new Set<number>();
  for (let j = 0; j < curr.length; j++) {
    if (groupedCurr.has(j) || splitFrom.has(j)) continue;
    const members = (membersOf.get(j) ?? []).toSorted((a, b) => a - b);
    if (!members.length) continue;
    const splits = members.length === 1 ? (splitsOf.get(members[0]!) ?? []) : [];
    const currents = [j, ...splits].sort((a, b) => a - b);
    let score = 0;
    for (const i of members) for (const c of currents) score = Math.max(score, textOf(i, c));
    const absorbed = currents.length === 1 && isAbsorbed(pick(prev, members), curr[j]!, idf);
    const kind = absorbed ? 'absorbed' : members.length > 1 ? 'merged' : currents.length > 1 ? 'split' : 'kept';
    const paired = pairedCurrent.get(j);
    const group: MatchGroup = {kind, previous: members, current: currents, score: round(score), confidence: paired !== undefined ? confidence.get(paired)! : round(Math.min(0.5, score))};
    groups.push(group);
    members.forEach((m) => groupedPrev.add(m));
    currents.forEach((c) => groupedCurr.add(c));
  }
  for (let j = 0; j < curr.length; j++) if (!groupedCurr.has(j)) groups.push({kind: 'new', previous: [], current: [j], score: 0, confidence: 1});
  for (let i = 0; i < prev.length; i++) if (!groupedPrev.has(i)) groups.push({kind: 'dropped', previous: [i], current: [], score: 0, confidence: 1});
  return {previous, current, groups, areaLinks: areaLinks({previous, current, groups}), reviewConfidence: o.reviewConfidence};
}

/** `indices.map((k) => list[k])`, in an array filled by push (as every array given to {@link isAbsorbed} is, so V8 sees one array map there). */
function pick<T>(list: readonly T[], indices: readonly number[]): T[] {
  const out: T[] = [];
  for (const k of indices) out.push(list[k]!);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

interface Edge {
  i: number;
  j: number;
  text: number;
  total: number;
}

/**
 * Pairs best first: an edge is taken when both ends are free, its score reaches `minScore`, and it
 * leads the best other edge of either end (to a free objective) by `minMargin`, or reaches `sureScore`.
 * Confidence blends how far the score is above `minScore` and how far the pair leads its runner-up.
 */
function choosePairs(
  candidates: Candidates,
  score: (e: Edge) => number,
  nPrev: number,
  nCurr: number,
  o: Settings,
): {pairs: Map<number, number>; confidence: Map<number, number>} {
  const edges = candidates.edges.filter((e) => score(e) >= o.minScore).sort((a, b) => score(b) - score(a) || a.i - b.i || a.j - b.j);
  const byPrev: Edge[][] = Array.from({length: nPrev}, () => []);
  const byCurr: Edge[][] = Array.from({length: nCurr}, () => []);
  for (const e of candidates.edges) {
    byPrev[e.i]!.push(e);
    byCurr[e.j]!.push(e);
  }
  for (const list of [...byPrev, ...byCurr]) list.sort((a, b) => score(b) - score(a));
  const pairs = new Map<number, number>();
  const takenCurr = new Set<number>();
  const confidence = new Map<number, number>();
  for (const e of edges) {
    if (pairs.has(e.i) || takenCurr.has(e.j)) continue;
    const s = score(e);
    const rivalPrev = byPrev[e.i]!.find((x) => x !== e && !takenCurr.has(x.j));
    const rivalCurr = byCurr[e.j]!.find((x) => x !== e && !pairs.has(x.i));
    const runnerUp = Math.max(rivalPrev ? score(rivalPrev) : 0, rivalCurr ? score(rivalCurr) : 0);
    const margin = s - runnerUp;
    if (margin < o.minMargin && s < o.sureScore) continue;
    pairs.set(e.i, e.j);
    takenCurr.add(e.j);
    const byScore = Math.min(1, Math.max(0, (s - o.minScore) / (o.sureScore - o.minScore)));
    const byMargin = Math.min(1, Math.max(0, margin / (4 * Math.max(o.minMargin, 0.01))));
    confidence.set(e.i, round(s >= o.sureScore ? Math.max(0.9, byMargin) : 0.5 * byScore + 0.5 * byMargin));
  }
  return {pairs, confidence};
}

/**
 * How far two objectives' groups map onto each other, 0–1: 1 for the same group name (after aliases),
 * else the share of the smaller group's anchor pairs that link the two groups, or the overlap of
 * their names' words if that is higher.
 */
function groupAffinity(prev: readonly Prepared[], curr: readonly Prepared[], anchors: ReadonlyMap<number, number>): (i: number, j: number) => number {
  const link = new Map<string, number>();
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const [i, j] of anchors) {
    const a = prev[i]!.area;
    const b = curr[j]!.area;
    link.set(`${a}\u0000${b}`, (link.get(`${a}\u0000${b}`) ?? 0) + 1);
    out.set(a, (out.get(a) ?? 0) + 1);
    into.set(b, (into.get(b) ?? 0) + 1);
  }
  const memo = new Map<string, number>();
  return (i, j) => {
    const a = prev[i]!.area;
    const b = curr[j]!.area;
    if (a === b) return 1;
    const key = `${a}\u0000${b}`;
    let value = memo.get(key);
    if (value === undefined) {
      const shared = link.get(key) ?? 0;
      const byItems = shared ? shared / Math.min(out.get(a)!, into.get(b)!) : 0;
      value = Math.max(byItems, dice(prev[i]!.areaTokens, curr[j]!.areaTokens));
      memo.set(key, value);
    }
    return value;
  };
}

function bestCover(
  part: Prepared,
  candidates: readonly {k: number; text: number}[],
  others: readonly Prepared[],
  idf: ReadonlyMap<string, number>,
  affinity: (k: number) => number,
  o: Settings,
): number | undefined {
  let best: number | undefined;
  let bestValue = 0;
  let second = 0;
  for (const {k, text} of candidates) {
    if (text < o.mergeMinScore) continue;
    // The whole opening phrase of the part, word for word, inside the other ("This category combines
    // Excessive Data Exposure and Mass Assignment"): as good as full coverage.
    const value = (part.lead && containsRun(others[k]!.tokens, part.lead) ? 1 : coverage(part.tokens, others[k]!.set, idf)) + 0.1 * affinity(k);
    if (value > bestValue || (value === bestValue && best !== undefined && k < best)) {
      second = bestValue;
      best = k;
      bestValue = value;
    } else if (value > second) second = value;
  }
  // Covered well enough, and clearly better than by any other objective.
  return best !== undefined && bestValue >= o.mergeCoverage && bestValue - second >= MERGE_MARGIN ? best : undefined;
}

/** Whether `run` occurs in `tokens` as a contiguous sequence. */
function containsRun(tokens: readonly string[], run: readonly string[]): boolean {
  outer: for (let k = 0; k + run.length <= tokens.length; k++) {
    for (let x = 0; x < run.length; x++) if (tokens[k + x] !== run[x]) continue outer;
    return true;
  }
  return false;
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
