// Scores one extracted edition against a shape-corpus expected.json. Pure: no I/O.
import type {Edition, Target} from '../../src/model/objective.js';
import type {ExpectedItem, ExpectedShape, ExpectedTarget} from './expected-schema.js';

/** Word-set Dice coefficient an item's text must reach to count as found when it is not equal after normalising. */
export const MIN_DICE = 0.9;

/** A found item whose groups differ from the expected ones. */
export interface WrongGroup {
  text: string;
  expected: string[];
  /** The objective's `groups`. */
  found: string[];
  /** The objective's `area`. */
  area: string;
}

/** An expected target not among the found item's targets. */
export interface MissingTarget {
  text: string;
  target: ExpectedTarget;
  /** What the item had instead. */
  found: {value: number; unit: string; period?: string}[];
}

export interface ShapeScore {
  /** Every expected item found, no extra item, groups right, every expected target present. */
  readRight: boolean;
  expected: number;
  found: number;
  matched: number;
  /** Expected item texts not found. */
  missing: string[];
  /** Found item texts nobody expected. */
  extra: string[];
  wrongGroups: WrongGroup[];
  missingTargets: MissingTarget[];
}

/**
 * Text for comparison: Unicode-normalised, lower case, apostrophes dropped, other punctuation as spaces,
 * whitespace collapsed (so case, spacing, punctuation and a trailing full stop do not matter).
 *
 * @example
 * normaliseShapeText('Reduce  waits – by 2027.'); // 'reduce waits by 2027'
 */
export function normaliseShapeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Dice coefficient of the two texts' word sets (after {@link normaliseShapeText}).
 *
 * @example
 * wordDice('Reduce waiting times', 'reduce waiting time'); // 0.666…
 */
export function wordDice(a: string, b: string): number {
  const wa = new Set(normaliseShapeText(a).split(' ').filter(Boolean));
  const wb = new Set(normaliseShapeText(b).split(' ').filter(Boolean));
  if (wa.size + wb.size === 0) return 1;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return (2 * common) / (wa.size + wb.size);
}

/** A period in one spelling: "2026-27", "2026 / 27" and "2026/2027" all become "2026/27". */
export function normalisePeriod(period: string): string {
  const p = period.toLowerCase().replace(/\s+/g, '').replace(/[–—-]/g, '/');
  const m = /^(\d{4})\/(\d{2}|\d{4})$/.exec(p);
  return m ? `${m[1]}/${m[2]!.slice(-2)}` : p;
}

function groupsRight(expected: ExpectedItem, objective: Edition['objectives'][number]): boolean {
  const want = expected.groups.map(normaliseShapeText);
  const got = objective.groups.map(normaliseShapeText);
  const area = normaliseShapeText(objective.area);
  const innermost = want.at(-1);
  const areaRight = innermost === undefined ? area === '' || area === 'unspecified' : area === innermost;
  return areaRight && got.length === want.length && got.every((g, i) => g === want[i]);
}

function targetFound(want: ExpectedTarget, targets: readonly Target[]): boolean {
  return targets.some(
    (t) =>
      Math.abs(t.value - want.value) <= 1e-9 * Math.max(1, Math.abs(want.value)) &&
      t.unit === want.unit &&
      (want.period === undefined || (t.period !== undefined && normalisePeriod(t.period) === normalisePeriod(want.period))),
  );
}

/**
 * Scores an edition against an expected.json. Items are paired one to one: equal normalised texts first
 * (those whose groups also agree before the others), then the closest texts with a word-set Dice of at
 * least {@link MIN_DICE}. The document is read right when every expected item is found, nothing else
 * was, each found item's groups equal the expected ones (its `area` is the innermost group, or
 * `Unspecified` when there is none, and `groups` the whole list) and each expected target is among its
 * targets (value and unit equal; period equal when one is expected).
 *
 * @example
 * const score = scoreShape(edition, expected);
 * if (!score.readRight) console.log(score.missing, score.extra);
 */
export function scoreShape(edition: Pick<Edition, 'objectives'>, expected: ExpectedShape): ShapeScore {
  const objectives = edition.objectives;
  const want = expected.items;
  const normWant = want.map((i) => normaliseShapeText(i.text));
  const normGot = objectives.map((o) => normaliseShapeText(o.text));
  type Pair = {e: number; f: number; exact: boolean; groups: boolean; dice: number};
  const pairs: Pair[] = [];
  want.forEach((item, e) => {
    objectives.forEach((objective, f) => {
      const exact = normWant[e] === normGot[f];
      const dice = exact ? 1 : wordDice(item.text, objective.text);
      if (exact || dice >= MIN_DICE) pairs.push({e, f, exact, groups: groupsRight(item, objective), dice});
    });
  });
  pairs.sort((a, b) => Number(b.exact) - Number(a.exact) || Number(b.groups) - Number(a.groups) || b.dice - a.dice || a.e - b.e || a.f - b.f);
  const pairedE = new Map<number, number>();
  const pairedF = new Set<number>();
  for (const p of pairs) {
    if (pairedE.has(p.e) || pairedF.has(p.f)) continue;
    pairedE.set(p.e, p.f);
    pairedF.add(p.f);
  }
  const wrongGroups: WrongGroup[] = [];
  const missingTargets: MissingTarget[] = [];
  const missing: string[] = [];
  want.forEach((item, e) => {
    const f = pairedE.get(e);
    if (f === undefined) {
      missing.push(item.text);
      return;
    }
    const objective = objectives[f]!;
    if (!groupsRight(item, objective)) wrongGroups.push({text: item.text, expected: item.groups, found: objective.groups, area: objective.area});
    for (const target of item.targets)
      if (!targetFound(target, objective.targets))
        missingTargets.push({
          text: item.text,
          target,
          found: objective.targets.map((t) => ({value: t.value, unit: t.unit, ...(t.period === undefined ? {} : {period: t.period})})),
        });
  });
  const extra = objectives.flatMap((o, f) => (pairedF.has(f) ? [] : [o.text]));
  return {
    readRight: missing.length === 0 && extra.length === 0 && wrongGroups.length === 0 && missingTargets.length === 0,
    expected: want.length,
    found: objectives.length,
    matched: pairedE.size,
    missing,
    extra,
    wrongGroups,
    missingTargets,
  };
}

/**
 * What went wrong, in a few words for a table cell: "missing 12/12, extra 4, groups 3, targets 2"; "" when read right.
 *
 * @example
 * describeShapeScore(score); // 'missing 3/12, extra 7'
 */
export function describeShapeScore(score: ShapeScore): string {
  const parts: string[] = [];
  if (score.missing.length > 0) parts.push(`missing ${score.missing.length}/${score.expected}`);
  if (score.extra.length > 0) parts.push(`extra ${score.extra.length}`);
  if (score.wrongGroups.length > 0) parts.push(`groups ${score.wrongGroups.length}`);
  if (score.missingTargets.length > 0) parts.push(`targets ${score.missingTargets.length}`);
  return parts.join(', ');
}
