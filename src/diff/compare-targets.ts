import type {Change} from '../model/comparison.js';
import type {Deadline, Target} from '../model/objective.js';
import {foldText} from '../normalise/fold-text.js';
import {STOPWORDS} from '../normalise/match-tokens.js';
import {dateLabel, monthIndex, periodMonth} from '../normalise/relative-years.js';

/** Plan start years of the two editions (relative periods), and the gap between them. */
export interface PeriodContext {
  readonly previousStart?: number | undefined;
  readonly currentStart?: number | undefined;
}

function gapOf(context: PeriodContext): number {
  return context.previousStart !== undefined && context.currentStart !== undefined ? context.currentStart - context.previousStart : 1;
}

/**
 * A target as a note quotes it, with its date or period.
 *
 * @example
 * targetLabel({value: 78, unit: 'percent', text: '78%', context: '', deadline: '2025-03'}); // '78% by March 2025'
 */
export function targetLabel(target: Target): string {
  if (target.deadline) return `${target.text} by ${dateLabel(target.deadline)}`;
  if (target.period && !target.text.includes(target.period)) return `${target.text} (${target.period})`;
  return target.text;
}

function measureWords(text: string): Set<string> {
  return new Set(
    foldText(text)
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 2 && !STOPWORDS.has(w) && !/^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(w)),
  );
}

/** How alike two targets' measures are ("of patients seen within" / "of patients are seen"), 0–1. */
function measureSimilarity(a: Target, b: Target): number {
  const wa = measureWords(a.context);
  const wb = measureWords(b.context);
  if (!wa.size || !wb.size) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

/** A target's context as a note may quote it: "of patients seen within", never ", with at least". */
function measureOf(target: Target): string {
  if (/^\s*[^\p{L}\s]/u.test(target.context)) return ''; // "), perinatal …": the next item, not this measure
  const words = target.context.replace(/[^\p{L}\p{N}]+$/gu, '').trim();
  return measureWords(words).size >= 2 ? ` (${words})` : '';
}

const sameValue = (a: Target, b: Target): boolean => a.value === b.value && (a.valueMax ?? a.value) === (b.valueMax ?? b.value);

/**
 * Compare the quantities of matched objectives, measure by measure and period by period:
 * 1. targets of one unit for the same period relative to each plan year (the 2024/25 edition's
 *    "by March 2025" and the 2023/24 edition's "by March 2024") pair, the closest measure first: a
 *    moved value is raised or lowered;
 * 2. a target unchanged in value and date is no change;
 * 3. a target still present at the same value and date on the other side, though paired there with
 *    another period, is no change ("77% by March 2025 towards 80% by March 2026" → "80% by March
 *    2026": the 80% stays, the year's target rose from 77% to 80%);
 * 4. remaining targets of one unit pair by value, then by measure;
 * 5. what is left is a changed measure (one each side, different units), else added or removed.
 *
 * @example
 * compareTargets(previous.targets, current.targets, {previousStart: 2023, currentStart: 2024}).changes;
 * // [{kind: 'target-raised', from: '76% by March 2024', to: '78% by March 2025', …}]
 */
export function compareTargets(previous: readonly Target[], current: readonly Target[], context: PeriodContext = {}): {changes: Change[]; dates: Set<string>} {
  const rel = (t: Target, start: number | undefined): number | undefined => {
    const m = periodMonth(t.period, t.deadline);
    return m === undefined ? undefined : m - 12 * (start ?? 0);
  };
  const abs = (t: Target): number | undefined => periodMonth(t.period, t.deadline);
  const left = [...previous];
  const right = [...current];
  const pairs: [Target, Target][] = [];
  const take = (match: (a: Target, b: Target) => boolean): void => {
    for (const a of [...left]) {
      const options = right.filter((b) => match(a, b));
      if (!options.length) continue;
      const b = options.reduce((best, c) => (measureSimilarity(a, c) > measureSimilarity(a, best) ? c : best));
      pairs.push([a, b]);
      left.splice(left.indexOf(a), 1);
      right.splice(right.indexOf(b), 1);
    }
  };
  take((a, b) => {
    if (a.unit !== b.unit) return false;
    const ra = rel(a, context.previousStart);
    const rb = rel(b, context.currentStart);
    if (ra === undefined || rb === undefined || ra !== rb) return false;
    // Two targets of one unit for one period: the measure must agree when there is a choice.
    const rivals = previous.filter((x) => x.unit === a.unit && rel(x, context.previousStart) === ra).length;
    return rivals === 1 || measureSimilarity(a, b) > 0;
  });
  take((a, b) => a.unit === b.unit && sameValue(a, b) && abs(a) === abs(b));
  const carried = (t: Target, others: readonly Target[]): boolean => others.some((o) => o.unit === t.unit && sameValue(o, t) && abs(o) !== undefined && abs(o) === abs(t));
  for (const a of [...left]) if (carried(a, current)) left.splice(left.indexOf(a), 1);
  for (const b of [...right]) if (carried(b, previous)) right.splice(right.indexOf(b), 1);
  take((a, b) => a.unit === b.unit && sameValue(a, b));
  take((a, b) => a.unit === b.unit && (measureSimilarity(a, b) > 0 || (left.filter((x) => x.unit === a.unit).length === 1 && right.filter((x) => x.unit === b.unit).length === 1)));

  const changes: Change[] = [];
  const dates = new Set<string>();
  const note = (t: Target): void => {
    if (t.deadline) dates.add(t.deadline);
  };
  for (const [a, b] of pairs) {
    if (sameValue(a, b)) continue;
    const up = b.value > a.value || (b.value === a.value && (b.valueMax ?? b.value) > (a.valueMax ?? a.value));
    const from = targetLabel(a);
    const to = targetLabel(b);
    note(a);
    note(b);
    // Summaries in the Confederation's words ("Uplift from 76% to 78%"); `from` and `to` carry the dates.
    changes.push(up ? {kind: 'target-raised', from, to, summary: `Uplift from ${a.text} to ${b.text}`} : {kind: 'target-lowered', from, to, summary: `Lowered from ${a.text} to ${b.text}`});
  }
  if (left.length === 1 && right.length === 1 && left[0]!.unit !== right[0]!.unit) {
    const [a] = left;
    const [b] = right;
    note(a!);
    note(b!);
    changes.push({kind: 'measure-changed', from: targetLabel(a!), to: targetLabel(b!), summary: `Measure changed from ${targetLabel(a!)}${measureOf(a!)} to ${targetLabel(b!)}${measureOf(b!)}`});
    return {changes, dates};
  }
  for (const a of left) {
    note(a);
    changes.push({kind: 'target-removed', from: targetLabel(a), to: null, summary: `Target dropped: ${targetLabel(a)}${measureOf(a)}`});
  }
  for (const b of right) {
    note(b);
    changes.push({kind: 'target-added', from: null, to: targetLabel(b), summary: `New target: ${targetLabel(b)}${measureOf(b)}`});
  }
  return {changes, dates};
}

/**
 * Compare deadlines. A date present on both sides, or rolled forward by exactly the gap between the
 * plan years (March 2024 → March 2025 for consecutive editions), is no change; otherwise a later date
 * is an extended deadline and an earlier one a deadline brought forward. Dates already reported with
 * a target change (`covered`) are not reported again.
 *
 * @example
 * compareDeadlines([{date: '2024-03', …}], [{date: '2024-09', …}], {previousStart: 2023, currentStart: 2024});
 * // [{kind: 'deadline-extended', from: 'March 2024', to: 'September 2024', …}]
 */
export function compareDeadlines(previous: readonly Deadline[], current: readonly Deadline[], context: PeriodContext = {}, covered: ReadonlySet<string> = new Set()): Change[] {
  const gap = gapOf(context);
  const before = [...new Set(previous.map((d) => d.date))];
  const after = [...new Set(current.map((d) => d.date))];
  const kept = (date: string, others: readonly string[], shift: number): boolean => others.some((d) => d === date || monthIndex(d) === monthIndex(date) + shift);
  const left = before.filter((d) => !kept(d, after, 12 * gap));
  const right = after.filter((d) => !kept(d, before, -12 * gap));
  const changes: Change[] = [];
  for (const date of [...left]) {
    if (!right.length) break;
    const nearest = right.reduce((best, d) => (Math.abs(monthIndex(d) - monthIndex(date)) < Math.abs(monthIndex(best) - monthIndex(date)) ? d : best));
    if (covered.has(date) && covered.has(nearest)) continue;
    left.splice(left.indexOf(date), 1);
    right.splice(right.indexOf(nearest), 1);
    const from = dateLabel(date);
    const to = dateLabel(nearest);
    changes.push(
      monthIndex(nearest) > monthIndex(date)
        ? {kind: 'deadline-extended', from, to, summary: `Extended deadline from ${from} to ${to}`}
        : {kind: 'deadline-earlier', from, to, summary: `Deadline brought forward from ${from} to ${to}`},
    );
  }
  for (const date of left) if (!covered.has(date)) changes.push({kind: 'deadline-removed', from: dateLabel(date), to: null, summary: `Deadline dropped: ${dateLabel(date)}`});
  for (const date of right) if (!covered.has(date)) changes.push({kind: 'deadline-added', from: null, to: dateLabel(date), summary: `New deadline: ${dateLabel(date)}`});
  return changes;
}
